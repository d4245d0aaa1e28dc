package com.parla.order.boundary;

import com.parla.order.entity.CustomerOrder;
import com.parla.platform.boundary.JobDue;
import com.parla.platform.boundary.ScheduledWork;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A reminder before an unpaid order's hold runs out, as scheduled work (kept in the database: it survives restarts
 * and runs once across servers): {@code parla.orders.payment-reminder-before} (10 minutes) before the hold ends, for
 * holds at least twice as long. When due, an order still awaiting payment is told to its conversation
 * ({@link PaymentReminderDue}); a paid or lapsed one is left alone.
 */
@Stateless
public class PaymentReminders {

    public static final String KIND = "payment-reminder";

    @PersistenceContext(unitName = "parla")
    EntityManager em;

    @EJB
    ScheduledWork work;

    @Inject
    Event<PaymentReminderDue> due;

    @Inject
    @ConfigProperty(name = "parla.orders.payment-reminder-before", defaultValue = "PT10M")
    Duration before;

    /** Schedules the reminder of an order just placed with a hold, if the hold is long enough for one. */
    public void schedule(CustomerOrder order, Instant placedAt) {
        Instant holdEnds = order.getReservedUntil();
        if (holdEnds == null || before.isNegative() || before.isZero()
                || Duration.between(placedAt, holdEnds).compareTo(before.multipliedBy(2)) < 0) {
            return;
        }
        work.schedule(KIND, order.getId(), holdEnds.minus(before));
    }

    /** When the order's reminder is due, or null if it has none. */
    public Instant dueAt(long orderId) {
        return work.dueAt(KIND, orderId);
    }

    public void remind(@Observes JobDue job) {
        if (!KIND.equals(job.kind())) {
            return;
        }
        CustomerOrder order = em.find(CustomerOrder.class, job.subjectId());
        if (order == null) {
            return;
        }
        OrderView view = OrderView.of(order);
        if (view.awaitsPayment() && view.reservedUntil() != null && view.reservedUntil().isAfter(Instant.now())) {
            due.fire(new PaymentReminderDue(view));
        }
    }
}
