package com.parla.dialogue.boundary;

import com.parla.connector.api.ChannelConnection;
import com.parla.connector.api.ChannelConnectionFactory;
import com.parla.connector.api.InboundMessage;
import com.parla.connector.api.OutboundMessage;
import com.parla.connector.api.SendResult;
import com.parla.conversation.boundary.ChannelPaymentArrived;
import com.parla.dialogue.control.Texts;
import com.parla.order.boundary.OrderDesk;
import com.parla.order.boundary.OrderView;
import com.parla.platform.boundary.PlatformResources;
import com.parla.store.boundary.StoreDirectory;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.resource.ResourceException;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The channel's own payment step (Telegram's native invoice, channels.md §2.4): the pre-checkout query is answered
 * at once, yes only for an order of this store still awaiting exactly that amount; the order is paid only on the
 * successful payment, and a payment that no longer fits an order (its hold ran out meanwhile, a wrong amount) goes to
 * a person to refund or fulfil by hand.
 */
@Stateless
public class ChannelPayments {

    private static final Logger LOG = Logger.getLogger(ChannelPayments.class.getName());

    @PersistenceContext(unitName = "parla")
    EntityManager em;

    @EJB
    OrderDesk orders;

    @EJB
    StoreDirectory stores;

    @EJB
    Handoffs handoffs;

    @Resource(lookup = PlatformResources.CHANNEL_FACTORY)
    ChannelConnectionFactory channels;

    /** The server's default executor: the answer must not wait behind the dialogue engine's queue. */
    @Resource
    ManagedExecutorService executor;

    @Resource
    SessionContext context;

    /** The payment is done: in the transaction that recorded it, the order is paid (once). */
    public void paid(@Observes ChannelPaymentArrived event) {
        if (event.check()) {
            return;
        }
        InboundMessage.Payment payment = event.payment();
        Optional<OrderView> order = orders.order(event.storeId(), payment.invoicePayload());
        if (order.isPresent() && fits(order.get(), payment) && orders.captured(order.get().reference(),
                Instant.now())) {
            return;
        }
        if (order.isPresent() && order.get().isPaid() && fits(order.get(), payment)) {
            LOG.warning(() -> "Order " + payment.invoicePayload() + " paid again in the channel (charge "
                    + payment.chargeId() + "): a person refunds it");
        } else {
            LOG.warning(() -> "A channel payment (charge " + payment.chargeId() + ", " + payment.amountMinor() + " "
                    + payment.currency() + ") fits no order awaiting it: " + payment.invoicePayload());
        }
        handoffs.handOff(event.storeId(), event.conversationId(), "payment to check: charge " + payment.chargeId());
    }

    /** The pre-checkout query: answered after its commit, on another thread, so the webhook is not held. */
    public void check(@Observes(during = TransactionPhase.AFTER_SUCCESS) ChannelPaymentArrived event) {
        if (event.check()) {
            ChannelPayments self = context.getBusinessObject(ChannelPayments.class);
            executor.execute(() -> self.answer(event));
        }
    }

    public void answer(ChannelPaymentArrived event) {
        String refusal = refusal(event);
        OutboundMessage answer = OutboundMessage.builder(event.accountKey(), event.payment().chargeId(),
                OutboundMessage.Kind.PAYMENT_ANSWER).text(refusal == null ? "" : refusal).build();
        try (ChannelConnection connection = channels.getConnection()) {
            SendResult result = connection.send(answer);
            if (result.outcome() != SendResult.Outcome.ACCEPTED) {
                LOG.warning(() -> "Pre-checkout answer for " + event.payment().invoicePayload() + " not taken: "
                        + result);
            }
        } catch (ResourceException e) {
            LOG.log(Level.WARNING, e, () -> "Pre-checkout answer for " + event.payment().invoicePayload()
                    + " not sent (Telegram cancels the payment after 10 s)");
        }
    }

    /** Null when the payment may go ahead, else what the customer reads on the payment form. */
    private String refusal(ChannelPaymentArrived event) {
        Texts texts = ConversationTexts.of(em, event.conversationId(), stores.storeRef(event.storeId()).orElseThrow());
        Optional<OrderView> order = orders.order(event.storeId(), event.payment().invoicePayload());
        if (order.isEmpty()) {
            return texts.get("payment.check.unknown");
        }
        Instant heldUntil = order.get().reservedUntil();
        if (!order.get().awaitsPayment() || heldUntil != null && heldUntil.isBefore(Instant.now())) {
            return texts.get("payment.check.closed");
        }
        return fits(order.get(), event.payment()) ? null : texts.get("payment.check.changed");
    }

    private static boolean fits(OrderView order, InboundMessage.Payment payment) {
        return order.currency().equalsIgnoreCase(payment.currency()) && order.totalMinor() == payment.amountMinor();
    }
}
