package com.parla.order.control;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * The demo's card acquirer, with the test cards documented in the README: 4242 4242 4242 4242 is approved,
 * 4000 0000 0000 0002 declined; any other number that passes the Luhn check is approved, one that fails is refused
 * as mistyped. No money moves.
 */
public final class DemoPaymentProvider implements PaymentProvider {

    public static final String DECLINED_CARD = "4000000000000002";

    @Override
    public Charge charge(String cardNumber, String expiry, String cvc, BigDecimal amount, String currency,
                         String reference) {
        String digits = cardNumber == null ? "" : cardNumber.replaceAll("[\\s-]", "");
        if (!digits.matches("[0-9]{12,19}") || !luhn(digits)) {
            return new Charge(false, null, "The card number is not valid.");
        }
        if (expiry == null || !expiry.strip().matches("(0[1-9]|1[0-2])\\s*/\\s*[0-9]{2}")) {
            return new Charge(false, null, "The expiry date must be MM/YY.");
        }
        if (cvc == null || !cvc.strip().matches("[0-9]{3,4}")) {
            return new Charge(false, null, "The security code must be 3 or 4 digits.");
        }
        if (DECLINED_CARD.equals(digits)) {
            return new Charge(false, null, "The card was declined by the bank.");
        }
        return new Charge(true, "demo_" + UUID.randomUUID(), null);
    }

    static boolean luhn(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        return sum % 10 == 0;
    }
}
