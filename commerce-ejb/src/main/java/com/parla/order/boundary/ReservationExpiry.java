package com.parla.order.boundary;

import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Every 20 seconds: orders not paid within the store's reservation time give their stock back. */
@Singleton
public class ReservationExpiry {

    private static final Logger LOG = Logger.getLogger(ReservationExpiry.class.getName());

    @EJB
    OrderDesk orders;

    @Schedule(second = "*/20", minute = "*", hour = "*", persistent = false)
    public void expire() {
        try {
            int n = orders.expireReservations(Instant.now());
            if (n > 0) {
                LOG.info(() -> n + " unpaid orders expired; their stock is back on sale");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Reservation expiry failed; the next run retries", e);
        }
    }
}
