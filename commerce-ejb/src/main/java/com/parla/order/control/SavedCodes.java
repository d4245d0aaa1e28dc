package com.parla.order.control;

import com.parla.order.entity.DiscountCode;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A customer's saved discount codes at checkout: the one that expires first is applied by itself to the next order
 * (checkout or BUY-code purchase), taken by that order only whatever races, and given back if it lapses unpaid.
 */
public final class SavedCodes {

    private final EntityManager em;

    public SavedCodes(EntityManager em) {
        this.em = em;
    }

    /** A code taken for an order, and its share of the order's total. */
    public record Applied(String code, BigDecimal amount) {
    }

    /** The customer's codes not used and not expired, the first to expire first. */
    public List<DiscountCode> usable(long storeId, long customerId) {
        return em.createNamedQuery(DiscountCode.USABLE_OF_CUSTOMER, DiscountCode.class).setParameter("store", storeId)
                .setParameter("customer", customerId).setParameter("now", Instant.now()).setMaxResults(20)
                .getResultList();
    }

    /** Takes the customer's first usable code for an order just stored (a conditional update: once). */
    public Optional<Applied> applyTo(long storeId, long customerId, long orderId, BigDecimal total) {
        for (DiscountCode code : usable(storeId, customerId)) {
            int taken = em.createQuery("update DiscountCode d set d.orderId = :order where d.id = :id"
                    + " and d.orderId is null").setParameter("order", orderId).setParameter("id", code.getId())
                    .executeUpdate();
            if (taken == 1) {
                return Optional.of(new Applied(code.getCode(), code.discountOn(total)));
            }
        }
        return Optional.empty();
    }

    /** The order lapsed unpaid: its code can be used again while it has not expired. */
    public void giveBack(long orderId) {
        em.createQuery("update DiscountCode d set d.orderId = null where d.orderId = :order and d.expiresAt > :now")
                .setParameter("order", orderId).setParameter("now", Instant.now()).executeUpdate();
    }
}
