package com.parla.dialogue.boundary;

import com.parla.aftersales.boundary.CheckInDue;
import com.parla.conversation.boundary.Conversations;
import com.parla.dialogue.control.AftercareReplies;
import com.parla.dialogue.entity.DialogueState;
import com.parla.dialogue.entity.Step;
import com.parla.order.boundary.OrderView;
import com.parla.store.boundary.StoreDirectory;
import com.parla.store.boundary.StoreRef;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/**
 * The check-in some days after delivery: "how are you enjoying your shoes?" with the stars to tap, in the conversation
 * the order came from, written in the scheduled job's transaction. The conversation then expects a rating, so that a
 * typed "4" is read as one.
 */
@Stateless
public class AftercareNotices {

    @PersistenceContext(unitName = "parla")
    EntityManager em;

    @EJB
    Conversations conversations;

    @EJB
    StoreDirectory stores;

    public void checkIn(@Observes CheckInDue event) {
        OrderView order = event.order();
        if (order.conversationId() == null) {
            return;
        }
        StoreRef store = stores.storeRef(order.storeId()).orElseThrow();
        String name = conversations.conversation(order.conversationId()).map(c -> c.customerName()).orElse(null);
        new ChatNotices(em, conversations, stores).tell(order.conversationId(), order.storeId(),
                (replies, texts) -> AftercareReplies.checkIn(replies, texts, order, store, name),
                texts -> List.of(order.reference(), AftercareReplies.checkInTemplate(texts, order)));
        DialogueState state = em.find(DialogueState.class, order.conversationId(), LockModeType.PESSIMISTIC_WRITE);
        if (state != null && !state.isHandedOff()) {
            state.setStep(Step.RATING);
            state.setOrderId(order.id());
            state.setOfferedChoices(null); // a typed number is the stars now, not a choice shown before

        }
    }
}
