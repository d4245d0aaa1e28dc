package com.parla.customer.boundary;

/**
 * A customer as a store's CRM or staff state them.
 *
 * @param phone            in international form, +393331234567
 * @param paymentAccount   the merchant billing system's stored account, charged for BUY codes
 * @param reference        the store's own customer reference (unique in the store)
 * @param marketingConsent whether they agreed to business-initiated messages (recorded with the source)
 */
public record NewCustomer(String name, String phone, String paymentAccount, String deliveryAddress, String reference,
                          Boolean marketingConsent) {

    /** @return why it cannot be taken, or null */
    public String problem() {
        if (name != null && name.length() > 200) {
            return "name is longer than 200 characters";
        }
        if (phone != null && !phone.matches("\\+[1-9][0-9]{6,14}")) {
            return "phone must be in international form, like +393331234567";
        }
        if (paymentAccount != null && (paymentAccount.isBlank() || paymentAccount.length() > 64)) {
            return "paymentAccount must be 1 to 64 characters";
        }
        if (deliveryAddress != null && deliveryAddress.length() > 500) {
            return "deliveryAddress is longer than 500 characters";
        }
        if (reference != null && (reference.isBlank() || reference.length() > 64)) {
            return "reference must be 1 to 64 characters";
        }
        return null;
    }
}
