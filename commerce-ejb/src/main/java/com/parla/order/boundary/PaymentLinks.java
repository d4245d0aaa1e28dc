package com.parla.order.boundary;

import com.parla.order.control.DemoPaymentProvider;
import com.parla.order.control.PaymentProvider;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The payment page behind a payment link ({@code /c/pay/{token}}): the order to pay, and paying it by card. */
@Stateless
public class PaymentLinks {

    public enum Outcome { PAID, ALREADY_PAID, DECLINED, NOT_PAYABLE, UNKNOWN }

    public record Result(Outcome outcome, String message, OrderView order) {
    }

    @EJB
    OrderDesk orders;

    @Inject
    @ConfigProperty(name = "parla.public-url", defaultValue = "http://localhost:8080")
    String publicUrl;

    /** In this version the demo acquirer is the only one; a real one is configured here. */
    private final PaymentProvider provider = new DemoPaymentProvider();

    public String linkFor(OrderView order) {
        return publicUrl.replaceAll("/+$", "") + "/c/pay/" + order.paymentToken();
    }

    public Optional<OrderView> order(String token) {
        return token == null || token.length() > 64 ? Optional.empty() : orders.byPaymentToken(token);
    }

    /** Charges the card; an approved charge pays the order (and tells the customer in the chat). */
    public Result pay(String token, String cardNumber, String expiry, String cvc) {
        Optional<OrderView> found = order(token);
        if (found.isEmpty()) {
            return new Result(Outcome.UNKNOWN, "This payment link is not valid.", null);
        }
        OrderView order = found.get();
        if (order.isPaid()) {
            return new Result(Outcome.ALREADY_PAID, "This order is already paid.", order);
        }
        if (!order.awaitsPayment()) {
            return new Result(Outcome.NOT_PAYABLE, "This order can no longer be paid: it was not paid in time.",
                    order);
        }
        PaymentProvider.Charge charge = provider.charge(cardNumber, expiry, cvc, order.total(), order.currency(),
                order.reference());
        if (!charge.approved()) {
            return new Result(Outcome.DECLINED, charge.declineReason(), order);
        }
        orders.captured(order.reference(), Instant.now());
        return new Result(Outcome.PAID, "Thank you: your payment was received.",
                orders.byPaymentToken(token).orElse(order));
    }
}
