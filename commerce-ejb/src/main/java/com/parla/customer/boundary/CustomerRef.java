package com.parla.customer.boundary;

import com.parla.customer.entity.Customer;
import java.io.Serializable;

/** A customer as other components need them. */
public record CustomerRef(long id, long storeId, String displayName, String paymentAccount, String deliveryAddress,
                          boolean consent, boolean optedOut, String phone, String reference)
        implements Serializable {

    static CustomerRef of(Customer c) {
        return new CustomerRef(c.getId(), c.getStoreId(), c.getDisplayName(), c.getPaymentAccount(),
                c.getDeliveryAddress(), c.hasConsent(), c.getOptedOutAt() != null, c.getPhone(), c.getReference());
    }

    public boolean hasStoredAccount() {
        return paymentAccount != null && !paymentAccount.isBlank();
    }
}
