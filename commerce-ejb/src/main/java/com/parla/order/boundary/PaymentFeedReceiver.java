package com.parla.order.boundary;

import com.parla.integration.boundary.DeadLetters;
import com.parla.integration.boundary.EventEnvelope;
import com.parla.integration.boundary.IntegrationInbox;
import com.parla.integration.boundary.InvalidEventException;
import com.parla.integration.boundary.JmsMessages;
import jakarta.annotation.Resource;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.MessageDrivenContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * Payment results from the merchant's billing system ({@code parla.payments.in}) for orders charged to stored
 * accounts: {@code parla.payment.captured} pays the order (once, whatever the redeliveries), {@code
 * parla.payment.failed} lapses it. An unknown order or a malformed message goes to {@code DLQ.parla.payments.in}
 * with the reason, changing nothing. Schema: docs/integration/payments.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "destination", propertyValue = PaymentFeedReceiver.QUEUE),
        @ActivationConfigProperty(propertyName = "maximumRedeliveries", propertyValue = "5"),
        @ActivationConfigProperty(propertyName = "initialRedeliveryDelay", propertyValue = "500"),
        @ActivationConfigProperty(propertyName = "useExponentialBackOff", propertyValue = "true"),
        @ActivationConfigProperty(propertyName = "backOffMultiplier", propertyValue = "2"),
        @ActivationConfigProperty(propertyName = "maxSessions", propertyValue = "2")})
public class PaymentFeedReceiver implements MessageListener {

    public static final String QUEUE = "parla.payments.in";
    public static final String CAPTURED = "parla.payment.captured";
    public static final String FAILED = "parla.payment.failed";

    private static final Logger LOG = Logger.getLogger(PaymentFeedReceiver.class.getName());

    @EJB
    OrderDesk orders;

    @EJB
    IntegrationInbox inbox;

    @EJB
    DeadLetters deadLetters;

    @Resource
    MessageDrivenContext context;

    @Override
    public void onMessage(Message message) {
        String body = null;
        try {
            body = JmsMessages.body(message);
            EventEnvelope event = EventEnvelope.parse(body);
            if (inbox.find(event.id()) != null) {
                LOG.fine(() -> "Duplicate event " + event.id() + " skipped");
                return;
            }
            String order = required(event.data(), "order");
            switch (event.type()) {
                case CAPTURED -> {
                    checkAmount(event.data(), orders.order(order).orElseThrow(() -> new UnknownOrderException(order)));
                    orders.captured(order, Instant.now());
                }
                case FAILED -> orders.failed(order, event.data().getString("reason", "payment failed"));
                default -> throw new InvalidEventException("unknown event type " + event.type());
            }
            inbox.markProcessed(event, JmsMessages.deliveryCount(message));
        } catch (InvalidEventException | UnknownOrderException e) {
            deadLetters.reject(QUEUE, body, message, e.getMessage());
        } catch (JMSException e) {
            throw new EJBException("Could not read a message of " + QUEUE, e);
        }
    }

    /** A capture of another amount than the order's is a mistake somewhere: it is refused, not booked. */
    private static void checkAmount(JsonObject data, OrderView order) {
        if (data.get("amount") instanceof JsonString amount) {
            try {
                if (new java.math.BigDecimal(amount.getString()).compareTo(order.total()) != 0
                        || !order.currency().equals(data.getString("currency", order.currency()))) {
                    throw new InvalidEventException("captured " + amount.getString() + " "
                            + data.getString("currency", "") + " but order " + order.reference() + " is "
                            + order.total().toPlainString() + " " + order.currency());
                }
            } catch (NumberFormatException e) {
                throw new InvalidEventException("data.amount is not a decimal: " + amount.getString());
            }
        }
    }

    private static String required(JsonObject data, String name) {
        if (!(data.get(name) instanceof JsonString value) || value.getString().isBlank()) {
            throw new InvalidEventException("data." + name + " must be a non-empty string");
        }
        return value.getString();
    }
}
