package com.parla.customer.control;

import com.parla.customer.entity.LinkCode;
import jakarta.persistence.EntityManager;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Optional;

/** Draws link codes: six random digits that no live code of the store has; a stale holder of the digits goes. */
public final class LinkCodes {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int DRAWS = 20;

    private final EntityManager em;

    public LinkCodes(EntityManager em) {
        this.em = em;
    }

    public String unusedIn(long storeId, Instant now) {
        for (int i = 0; i < DRAWS; i++) {
            String code = String.format("%06d", RANDOM.nextInt(1_000_000));
            Optional<LinkCode> holder = em.createNamedQuery(LinkCode.BY_CODE, LinkCode.class)
                    .setParameter("store", storeId).setParameter("code", code).getResultStream().findFirst();
            if (holder.isEmpty()) {
                return code;
            }
            if (!holder.get().isLive(now)) {
                em.remove(holder.get());
                em.flush(); // the unique key frees before the new row takes the digits
                return code;
            }
        }
        throw new IllegalStateException("No free link code in store " + storeId + " after " + DRAWS + " draws");
    }
}
