package com.parla.catalog.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Takes stock for an order in the order's own transaction, and gives it back: one conditional update each, so that
 * of two buyers of the last item exactly one gets it, on any number of servers, and a rolled-back order takes none.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class StockReservation {

    @PersistenceContext(unitName = "parla")
    EntityManager em;

    /** @return false if the store has fewer than {@code quantity} of the variant left: nothing was taken */
    public boolean reserve(long storeId, long variantId, int quantity) {
        if (quantity <= 0) {
            throw new IllegalArgumentException("quantity must be positive: " + quantity);
        }
        return em.createQuery("update ProductVariant v set v.stock = v.stock - :quantity where v.id = :id"
                        + " and v.storeId = :store and v.stock >= :quantity")
                .setParameter("quantity", quantity).setParameter("id", variantId).setParameter("store", storeId)
                .executeUpdate() == 1;
    }

    /** An order that will not be paid (expired, cancelled) gives its stock back. */
    public void release(long storeId, long variantId, int quantity) {
        em.createQuery("update ProductVariant v set v.stock = v.stock + :quantity where v.id = :id"
                        + " and v.storeId = :store")
                .setParameter("quantity", quantity).setParameter("id", variantId).setParameter("store", storeId)
                .executeUpdate();
    }
}
