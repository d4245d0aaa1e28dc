package com.parla.order.boundary;

import com.parla.integration.boundary.EnvelopeReceiver;
import com.parla.integration.boundary.EventEnvelope;
import com.parla.integration.boundary.InvalidEventException;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.jms.MessageListener;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.time.Instant;

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
public class PaymentFeedReceiver extends EnvelopeReceiver implements MessageListener {

    public static final String QUEUE = "parla.payments.in";
    public static final String CAPTURED = "parla.payment.captured";
    public static final String FAILED = "parla.payment.failed";

    @EJB
    OrderDesk orders;

    @Override
    protected String queue() {
        return QUEUE;
    }

    @Override
    protected boolean neverApplies(RuntimeException failure) {
        return failure instanceof UnknownOrderException;
    }

    @Override
    protected void apply(EventEnvelope event) {
        String order = required(event.data(), "order");
        switch (event.type()) {
            case CAPTURED -> {
                checkAmount(event.data(), orders.order(order).orElseThrow(() -> new UnknownOrderException(order)));
                orders.captured(order, Instant.now());
            }
            case FAILED -> orders.failed(order, event.data().getString("reason", "payment failed"));
            default -> throw new InvalidEventException("unknown event type " + event.type());
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
