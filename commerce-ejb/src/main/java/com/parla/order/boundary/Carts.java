package com.parla.order.boundary;

import com.parla.catalog.boundary.CatalogSearch;
import com.parla.catalog.boundary.ProductSummary;
import com.parla.customer.boundary.CustomersJoined;
import com.parla.order.entity.CartLine;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Customers' carts: what they mean to buy, before stock is taken at checkout. */
@Stateless
public class Carts {

    /** Distinct sizes in one cart. */
    public static final int MAX_LINES = 20;
    /** Of one size. */
    public static final int MAX_QUANTITY = 10;

    public enum Added { ADDED, NOT_IN_STOCK, CART_FULL, TOO_MANY, UNKNOWN_PRODUCT }

    @PersistenceContext(unitName = "parla")
    EntityManager em;

    @EJB
    CatalogSearch catalog;

    /** Adds {@code quantity} of a size, within the limits and the stock left; a refused one changes nothing. */
    public Added add(long storeId, long customerId, long variantId, int quantity) {
        Optional<ProductSummary.Size> size = catalog.productOfVariant(storeId, variantId)
                .flatMap(p -> p.variant(variantId));
        if (size.isEmpty() || quantity <= 0) {
            return Added.UNKNOWN_PRODUCT;
        }
        List<CartLine> lines = lines(storeId, customerId);
        Optional<CartLine> existing = lines.stream().filter(l -> l.getVariantId() == variantId).findFirst();
        int wanted = existing.map(CartLine::getQuantity).orElse(0) + quantity;
        if (wanted > MAX_QUANTITY) {
            return Added.TOO_MANY;
        }
        if (existing.isEmpty() && lines.size() >= MAX_LINES) {
            return Added.CART_FULL;
        }
        if (size.get().stock() < wanted) {
            return Added.NOT_IN_STOCK;
        }
        if (existing.isPresent()) {
            existing.get().setQuantity(wanted);
        } else {
            em.persist(new CartLine(storeId, customerId, variantId, quantity, Instant.now()));
        }
        return Added.ADDED;
    }

    /**
     * A person's two records became one: their carts too. A size in both keeps the larger need, within the limit
     * of one size; the rest moves over as it is.
     */
    public void customersJoined(@Observes CustomersJoined event) {
        List<CartLine> kept = lines(event.storeId(), event.into());
        for (CartLine line : lines(event.storeId(), event.from())) {
            Optional<CartLine> same = kept.stream().filter(l -> l.getVariantId() == line.getVariantId()).findFirst();
            if (same.isPresent()) {
                same.get().setQuantity(Math.min(MAX_QUANTITY, same.get().getQuantity() + line.getQuantity()));
                em.remove(line);
            } else {
                line.moveTo(event.into());
            }
        }
    }

    /** @return whether the size was in the cart */
    public boolean remove(long storeId, long customerId, long variantId) {
        return em.createQuery("delete from CartLine l where l.storeId = :store and l.customerId = :customer"
                        + " and l.variantId = :variant").setParameter("store", storeId)
                .setParameter("customer", customerId).setParameter("variant", variantId).executeUpdate() > 0;
    }

    public void empty(long storeId, long customerId) {
        em.createQuery("delete from CartLine l where l.storeId = :store and l.customerId = :customer")
                .setParameter("store", storeId).setParameter("customer", customerId).executeUpdate();
    }

    public CartView cart(long storeId, long customerId, String currency) {
        List<CartView.Item> items = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (CartLine line : lines(storeId, customerId)) {
            Optional<ProductSummary> product = catalog.productOfVariant(storeId, line.getVariantId());
            if (product.isEmpty()) {
                continue; // taken off sale since: not shown, not sold
            }
            ProductSummary.Size size = product.get().variant(line.getVariantId()).orElseThrow();
            BigDecimal lineTotal = product.get().price().multiply(BigDecimal.valueOf(line.getQuantity()));
            items.add(new CartView.Item(line.getVariantId(), product.get().name(), size.label(), line.getQuantity(),
                    product.get().price(), lineTotal, size.stock()));
            total = total.add(lineTotal);
        }
        return new CartView(items, total, currency);
    }

    private List<CartLine> lines(long storeId, long customerId) {
        return em.createNamedQuery(CartLine.OF_CUSTOMER, CartLine.class).setParameter("store", storeId)
                .setParameter("customer", customerId).getResultList();
    }
}
