package com.parla.customer.boundary;

import com.parla.customer.control.LinkCodes;
import com.parla.customer.control.StoreCustomers;
import com.parla.customer.entity.Customer;
import com.parla.customer.entity.LinkCode;
import com.parla.platform.boundary.Refusal;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One person on several apps as one customer: a code asked for in one chat and sent from another joins the second
 * identity to the first one's customer, with its cart and orders; staff can join two records of a store as well.
 */
@Stateless
public class IdentityLinks {

    /** How long a code can be used: long enough to switch apps, too short to be guessed at leisure. */
    public static final Duration CODE_LIFETIME = Duration.ofMinutes(10);

    @PersistenceContext(unitName = "parla")
    EntityManager em;

    @Inject
    Event<CustomersJoined> joined;

    /** A code given out to a customer; their earlier unused codes no longer work. */
    public record IssuedCode(String code, Instant expiresAt) {
    }

    /** What sending a code did. */
    public enum Outcome { JOINED, ALREADY_ONE, WRONG_CODE }

    /** @param customer the customer the identity now belongs to (for JOINED and ALREADY_ONE) */
    public record Redeemed(Outcome outcome, Optional<CustomerRef> customer) {
    }

    public IssuedCode issue(long storeId, long customerId) {
        Instant now = Instant.now();
        em.createQuery("delete from LinkCode l where l.customerId = :customer and l.usedAt is null")
                .setParameter("customer", customerId).executeUpdate();
        LinkCodes codes = new LinkCodes(em);
        String code = codes.unusedIn(storeId, now);
        LinkCode issued = new LinkCode(storeId, customerId, code, now, now.plus(CODE_LIFETIME));
        em.persist(issued);
        return new IssuedCode(code, issued.getExpiresAt());
    }

    /**
     * The customer behind another identity sends a code: the code's customer takes them in. A code works once,
     * within its lifetime, in its store; any other code is wrong and changes nothing.
     */
    public Redeemed redeem(long storeId, long customerId, String code) {
        Instant now = Instant.now();
        Optional<LinkCode> found = em.createNamedQuery(LinkCode.BY_CODE, LinkCode.class)
                .setParameter("store", storeId).setParameter("code", code)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst();
        if (found.isPresent() && found.get().getCustomerId() == customerId) {
            // their own code, sent again after it joined them, or from the chat it was asked in
            return new Redeemed(Outcome.ALREADY_ONE, own(storeId, customerId).map(CustomerRef::of));
        }
        if (found.isEmpty() || !found.get().isLive(now)) {
            return new Redeemed(Outcome.WRONG_CODE, Optional.empty());
        }
        long into = found.get().getCustomerId();
        found.get().usedBy(customerId, now);
        join(storeId, into, customerId);
        return new Redeemed(Outcome.JOINED, own(storeId, into).map(CustomerRef::of));
    }

    /**
     * Joins {@code from} into {@code into}, both of the store: identities, cart, orders and offers follow, and
     * what only {@code from} knew is kept. Staff use it too, when they know two records are one person.
     *
     * @throws Refusal if either is not the store's customer, or they are the same
     */
    public void join(long storeId, long into, long from) {
        if (into == from) {
            throw new Refusal("A customer cannot be joined into itself");
        }
        Customer target = own(storeId, into).filter(c -> c.getJoinedInto() == null)
                .orElseThrow(() -> new Refusal("No customer " + into + " in this store"));
        Customer source = own(storeId, from).filter(c -> c.getJoinedInto() == null)
                .orElseThrow(() -> new Refusal("No customer " + from + " in this store"));
        target.join(source);
        joined.fire(new CustomersJoined(storeId, from, into));
    }

    private Optional<Customer> own(long storeId, long customerId) {
        return StoreCustomers.find(em, storeId, customerId);
    }
}
