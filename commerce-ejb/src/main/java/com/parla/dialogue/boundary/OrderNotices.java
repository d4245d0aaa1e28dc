package com.parla.dialogue.boundary;

import com.parla.conversation.boundary.Conversations;
import com.parla.dialogue.control.Notices;
import com.parla.dialogue.control.Texts;
import com.parla.order.boundary.OrderLapsed;
import com.parla.order.boundary.OrderPaid;
import com.parla.order.boundary.OrderView;
import com.parla.order.boundary.PaymentLinks;
import com.parla.order.boundary.PaymentReminderDue;
import com.parla.store.boundary.StoreDirectory;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Tells the customer, in the conversation the order came from, that it was paid or lapsed, or that its hold ends
 * soon: written to the outbox in
 * the transaction that moved the order, so the message goes out if and only if the change commits. Observed first
 * among the observers of a payment, so that "paid" comes before what follows from it (the delivery booked).
 */
@Stateless
public class OrderNotices {

    @PersistenceContext(unitName = "parla")
    EntityManager em;

    @EJB
    Conversations conversations;

    @EJB
    StoreDirectory stores;

    @EJB
    PaymentLinks paymentLinks;

    public void paid(@Observes @jakarta.annotation.Priority(jakarta.interceptor.Interceptor.Priority.APPLICATION)
                     OrderPaid event) {
        tell(event.order(), texts -> Notices.paid(event.order(), texts));
    }

    public void lapsed(@Observes OrderLapsed event) {
        tell(event.order(), texts -> Notices.lapsed(event.order(), event.reason(), texts));
    }

    /** The hold ends soon: the payment link again, with when it ends. Inside the service window only. */
    public void paymentReminder(@Observes PaymentReminderDue event) {
        OrderView order = event.order();
        java.time.ZoneId zone = stores.storeRef(order.storeId()).orElseThrow().timeZone();
        new ChatNotices(em, conversations, stores).tell(order.conversationId(), order.storeId(),
                (replies, texts) -> replies.payment(Notices.paymentReminder(order, texts, zone),
                        Notices.paymentRequest(order, texts, paymentLinks.linkFor(order))), null);
    }

    private void tell(OrderView order, java.util.function.Function<Texts, String> text) {
        new ChatNotices(em, conversations, stores).tell(order.conversationId(), order.storeId(),
                (replies, texts) -> replies.text(text.apply(texts)), null);
    }
}
