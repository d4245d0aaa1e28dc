package com.parla.dialogue.boundary;

import com.parla.conversation.boundary.ConversationRef;
import com.parla.conversation.boundary.Conversations;
import com.parla.dialogue.control.Notices;
import com.parla.dialogue.control.Texts;
import com.parla.order.boundary.OrderLapsed;
import com.parla.order.boundary.OrderPaid;
import com.parla.order.boundary.OrderView;
import com.parla.store.boundary.StoreDirectory;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Tells the customer, in the conversation the order came from, that it was paid or lapsed: written to the outbox in
 * the transaction that moved the order, so the message goes out if and only if the change commits.
 */
@Stateless
public class OrderNotices {

    private static final Logger LOG = Logger.getLogger(OrderNotices.class.getName());

    @PersistenceContext(unitName = "parla")
    EntityManager em;

    @EJB
    Conversations conversations;

    @EJB
    StoreDirectory stores;

    public void paid(@Observes OrderPaid event) {
        tell(event.order(), texts -> Notices.paid(event.order(), texts));
    }

    public void lapsed(@Observes OrderLapsed event) {
        tell(event.order(), texts -> Notices.lapsed(event.order(), event.reason(), texts));
    }

    private void tell(OrderView order, java.util.function.Function<Texts, String> text) {
        if (order.conversationId() == null) {
            return;
        }
        Optional<ConversationRef> conversation = conversations.conversation(order.conversationId());
        if (conversation.isEmpty()) {
            return;
        }
        Texts texts = ConversationTexts.of(em, order.conversationId(), stores.storeRef(order.storeId()).orElseThrow());
        if (!conversation.get().freeFormAllowed(java.time.Instant.now())) {
            // outside the window only an approved template may go out: the templates work sends those
            LOG.info(() -> "Order " + order.reference() + ": no chat message, the service window is closed");
            return;
        }
        conversations.reply(conversation.get().id(), com.parla.connector.api.OutboundMessage.text(
                conversation.get().accountKey(), conversation.get().recipient(),
                text.apply(texts)));
    }
}
