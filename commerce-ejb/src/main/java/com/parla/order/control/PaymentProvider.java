package com.parla.order.control;

import java.math.BigDecimal;

/**
 * Who takes a card payment on Parla's payment page: a real acquirer in production, {@link DemoPaymentProvider} in
 * demo mode. (Stored accounts are charged by the merchant's billing system over JMS, Telegram payments by Telegram:
 * neither passes here.)
 */
public interface PaymentProvider {

    /** @return the provider's charge id if the card was charged */
    Charge charge(String cardNumber, String expiry, String cvc, BigDecimal amount, String currency, String reference);

    /** @param chargeId set when approved; @param declineReason what the customer reads otherwise */
    record Charge(boolean approved, String chargeId, String declineReason) {
    }
}
