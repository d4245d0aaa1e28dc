package com.parla.customer.boundary;

import com.parla.customer.control.StoreCustomers;
import com.parla.customer.entity.Customer;
import com.parla.platform.boundary.Refusal;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Optional;

/** The store's customers: who they are, where they want things delivered, how they pay, what they consented to. */
@Stateless
public class Customers {

    @PersistenceContext(unitName = "parla")
    EntityManager em;

    /** @return the new customer's id */
    public long create(long storeId, String displayName) {
        Customer customer = new Customer(storeId, displayName, Instant.now());
        em.persist(customer);
        em.flush();
        return customer.getId();
    }

    /** A customer with a stored payment account (the demo's, or one the store's CRM set up). */
    public long createWithStoredAccount(long storeId, String displayName, String phone, String paymentAccount,
                                        String deliveryAddress, String reference) {
        return register(storeId, new NewCustomer(displayName, phone, paymentAccount, deliveryAddress, reference,
                true), "store");
    }

    /**
     * A customer the store's systems or staff know already.
     *
     * @param consentSource where their consent was recorded, if {@code customer.marketingConsent()}
     * @throws Refusal with the reason, if a field cannot be taken or the reference is taken
     */
    public long register(long storeId, NewCustomer customer, String consentSource) {
        String problem = customer.problem();
        if (problem != null) {
            throw new Refusal(problem);
        }
        if (customer.reference() != null && byReference(storeId, customer.reference()).isPresent()) {
            throw new Refusal("reference " + customer.reference() + " is another customer's");
        }
        Customer c = new Customer(storeId, customer.name(), Instant.now());
        c.setPhone(customer.phone());
        c.setPaymentAccount(customer.paymentAccount());
        c.setDeliveryAddress(customer.deliveryAddress());
        c.setReference(customer.reference());
        if (Boolean.TRUE.equals(customer.marketingConsent())) {
            c.optIn(consentSource, Instant.now());
        }
        em.persist(c);
        em.flush();
        return c.getId();
    }

    /** The customer, if they belong to the store: another store's customer is never found. */
    public Optional<CustomerRef> find(long storeId, long customerId) {
        return own(storeId, customerId).map(CustomerRef::of);
    }

    /** The customer the store's own systems know by that reference. */
    public Optional<CustomerRef> byReference(long storeId, String reference) {
        return em.createQuery("select c from Customer c where c.storeId = :store and c.reference = :reference",
                        Customer.class).setParameter("store", storeId).setParameter("reference", reference)
                .getResultStream().findFirst().map(CustomerRef::of);
    }

    public void rememberAddress(long storeId, long customerId, String address) {
        own(storeId, customerId).ifPresent(c -> c.setDeliveryAddress(address));
    }

    /** @param source where consent was given ("whatsapp checkout", "console", ...) */
    public void optIn(long storeId, long customerId, String source) {
        own(storeId, customerId).ifPresent(c -> c.optIn(source, Instant.now()));
    }

    public void optOut(long storeId, long customerId) {
        own(storeId, customerId).ifPresent(c -> c.optOut(Instant.now()));
    }

    /**
     * Holds the customer until the caller's transaction ends: one checkout of theirs at a time, whichever of their
     * phones or apps it comes from, so one cart is never ordered twice.
     */
    public void holdForCheckout(long storeId, long customerId) {
        own(storeId, customerId).ifPresent(c -> em.lock(c, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE));
    }

    private Optional<Customer> own(long storeId, long customerId) {
        return StoreCustomers.find(em, storeId, customerId);
    }
}
