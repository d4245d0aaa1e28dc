package com.parla.customer.control;

import com.parla.customer.entity.Customer;
import jakarta.persistence.EntityManager;
import java.util.Optional;

/** A store's customer by id: another store's customer is never found. */
public final class StoreCustomers {

    private StoreCustomers() {
    }

    public static Optional<Customer> find(EntityManager em, long storeId, long customerId) {
        return Optional.ofNullable(em.find(Customer.class, customerId)).filter(c -> c.getStoreId() == storeId);
    }
}
