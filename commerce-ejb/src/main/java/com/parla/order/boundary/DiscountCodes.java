package com.parla.order.boundary;

import com.parla.customer.boundary.CustomersJoined;
import com.parla.order.control.SavedCodes;
import com.parla.order.entity.DiscountCode;
import com.parla.platform.boundary.Codes;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Discount codes saved for a customer (a thank-you for a rating): unique, valid in their store only, until they
 * expire, for one order. Orders apply them ({@link SavedCodes}).
 */
@Stateless
public class DiscountCodes {

    @PersistenceContext(unitName = "parla")
    EntityManager em;

    @Inject
    @ConfigProperty(name = "parla.aftercare.discount-percent", defaultValue = "10")
    int percentOff;

    @Inject
    @ConfigProperty(name = "parla.aftercare.discount-validity", defaultValue = "P90D")
    String validity;

    /** A new code for the customer, of the configured share and validity. */
    public DiscountView issue(long storeId, long customerId, String sourceOrder) {
        Instant now = Instant.now();
        DiscountCode code = new DiscountCode(storeId, customerId, freeCode(), percentOff,
                now.plus(Duration.parse(validity)), sourceOrder, now);
        em.persist(code);
        return view(code);
    }

    /** The customer's codes not used and not expired, the first to expire first: what "my codes" lists. */
    public List<DiscountView> usable(long storeId, long customerId) {
        return usableCodes(storeId, customerId).stream().map(DiscountCodes::view).toList();
    }

    public void customersJoined(@Observes CustomersJoined event) {
        em.createQuery("select d from DiscountCode d where d.storeId = :store and d.customerId = :customer",
                        DiscountCode.class).setParameter("store", event.storeId()).setParameter("customer", event.from())
                .getResultList().forEach(d -> d.moveTo(event.into()));
    }

    private List<DiscountCode> usableCodes(long storeId, long customerId) {
        return new SavedCodes(em).usable(storeId, customerId);
    }

    /** "THX" and six readable characters, drawn again while a code has them. */
    private String freeCode() {
        for (int draw = 0; draw < 10; draw++) {
            String code = "THX" + Codes.readable(6);
            if (em.createQuery("select count(d) from DiscountCode d where d.code = :code", Long.class)
                    .setParameter("code", code).getSingleResult() == 0) {
                return code;
            }
        }
        throw new IllegalStateException("No free discount code in 10 draws");
    }

    private static DiscountView view(DiscountCode code) {
        return new DiscountView(code.getCode(), code.getPercentOff(), code.getExpiresAt(), code.getSourceOrder());
    }
}
