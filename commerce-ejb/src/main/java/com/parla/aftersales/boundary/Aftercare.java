package com.parla.aftersales.boundary;

import com.parla.aftersales.entity.CareCase;
import com.parla.aftersales.entity.Rating;
import com.parla.delivery.boundary.ShipmentUpdated;
import com.parla.delivery.boundary.ShipmentView;
import com.parla.integration.boundary.EventPublisher;
import com.parla.order.boundary.DiscountCodes;
import com.parla.order.boundary.DiscountView;
import com.parla.order.boundary.OrderDesk;
import com.parla.order.boundary.OrderView;
import com.parla.platform.boundary.JobDue;
import com.parla.platform.boundary.JsonBuilders;
import com.parla.platform.boundary.ScheduledWork;
import com.parla.store.boundary.StoreDirectory;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * After delivery: the check-in some days later (the store's {@code checkinAfter}, P7D by default), the customer's
 * rating of the order (a code saved for next time, or, for a low one, a case for the staff), and the cases staff take
 * up (low ratings, returns). Ratings and cases go out on {@code parla.events}.
 */
@Stateless
public class Aftercare {

    public static final String CHECK_IN = "checkin";
    public static final String RATING_RECEIVED = "parla.rating.received";
    public static final String RATING_COMMENTED = "parla.rating.commented";
    public static final String CASE_OPENED = "parla.case.opened";
    /** From this many stars down, a rating opens a case instead of a thank-you. */
    static final int LOW = 2;

    @PersistenceContext(unitName = "parla")
    EntityManager em;

    @EJB
    ScheduledWork work;

    @EJB
    OrderDesk orders;

    @EJB
    DiscountCodes discountCodes;

    @EJB
    StoreDirectory stores;

    @EJB
    EventPublisher events;

    @Inject
    Event<CheckInDue> checkInDue;

    /** Overrides every store's check-in delay when set (an ISO-8601 duration): for demos and trying it out. */
    @Inject
    @ConfigProperty(name = "parla.aftercare.checkin-after")
    Optional<String> checkinAfter;

    /** A delivered order gets its check-in, the store's delay after the delivery. */
    public void delivered(@Observes ShipmentUpdated event) {
        ShipmentView shipment = event.shipment();
        if (!shipment.isDelivered()) {
            return;
        }
        Duration after = checkinAfter.map(Duration::parse)
                .orElseGet(() -> stores.storeRef(shipment.storeId()).orElseThrow().checkinAfter());
        work.schedule(CHECK_IN, shipment.orderId(), shipment.deliveredAt().plus(after));
    }

    /** When the check-in of an order is due, or null if it has none. */
    public Instant checkInAt(long orderId) {
        return work.dueAt(CHECK_IN, orderId);
    }

    public void due(@Observes JobDue job) {
        if (!CHECK_IN.equals(job.kind())) {
            return;
        }
        orders.order(job.subjectId()).filter(o -> o.rating() == null).ifPresent(o -> checkInDue.fire(new CheckInDue(o)));
    }

    /** The customer rates their order: once; a code saved for a good one, a case opened for a low one. */
    public Rated rate(long storeId, long customerId, long orderId, int stars, Long conversationId) {
        Optional<OrderView> existing = orders.order(storeId, orderId).filter(o -> o.customerId() == customerId);
        if (existing.isEmpty()) {
            return new Rated(Rated.Outcome.UNKNOWN, null, null);
        }
        Instant now = Instant.now();
        Optional<OrderView> rated = orders.rate(storeId, customerId, orderId, stars, now);
        String reference = existing.get().reference();
        if (rated.isEmpty()) {
            return new Rated(Rated.Outcome.ALREADY_RATED, reference, null);
        }
        em.persist(new Rating(storeId, orderId, reference, customerId, stars, now));
        events.publish(RATING_RECEIVED, "order/" + reference, JsonBuilders.object().add("store", storeId)
                .add("order", reference).add("stars", stars).build());
        if (stars <= LOW) {
            openCase(storeId, customerId, conversationId, CareCase.Kind.LOW_RATING, reference,
                    stars + " of 5 for order " + reference);
            return new Rated(Rated.Outcome.CASE_OPENED, reference, null);
        }
        DiscountView code = discountCodes.issue(storeId, customerId, reference);
        return new Rated(Rated.Outcome.THANKED, reference, code);
    }

    /** What the customer adds to their rating (words, or a photo's reference); false if they did not rate it. */
    public boolean comment(long storeId, long customerId, long orderId, String words) {
        if (words == null || words.isBlank()) {
            return false;
        }
        Optional<Rating> rating = em.createNamedQuery(Rating.OF_ORDER, Rating.class).setParameter("order", orderId)
                .getResultStream().filter(r -> r.getStoreId() == storeId && r.getCustomerId() == customerId)
                .findFirst();
        rating.ifPresent(r -> {
            r.addComment(words);
            events.publish(RATING_COMMENTED, "order/" + r.getOrderReference(), JsonBuilders.object()
                    .add("store", storeId).add("order", r.getOrderReference()).add("stars", r.getStars())
                    .add("comment", r.getComment()).build());
        });
        return rating.isPresent();
    }

    /** A case for the store's staff; the customer's latest paid order is attached when none is named. */
    public CaseView openCase(long storeId, long customerId, Long conversationId, CareCase.Kind kind,
                             String orderReference, String summary) {
        CareCase opened = new CareCase(storeId, customerId, conversationId, orderReference, kind, summary,
                Instant.now());
        em.persist(opened);
        em.flush();
        JsonObjectBuilder data = JsonBuilders.object().add("store", storeId).add("case", opened.getId())
                .add("kind", kind.name()).add("summary", opened.getSummary());
        if (orderReference != null) {
            data.add("order", orderReference);
        }
        events.publish(CASE_OPENED, "case/" + opened.getId(), data.build());
        return CaseView.of(opened);
    }

    /** A return asked for in the chat: a case with the customer's latest paid order, or none if they have none. */
    public Optional<OrderView> requestReturn(long storeId, long customerId, Long conversationId, String words) {
        Optional<OrderView> order = orders.openOrders(storeId, customerId).stream().filter(OrderView::isPaid)
                .findFirst();
        openCase(storeId, customerId, conversationId, CareCase.Kind.RETURN, order.map(OrderView::reference)
                .orElse(null), words);
        return order;
    }

    /** The store's open cases, oldest first. */
    public List<CaseView> openCases(long storeId) {
        return em.createNamedQuery(CareCase.OPEN_OF_STORE, CareCase.class).setParameter("store", storeId)
                .setParameter("status", CareCase.Status.OPEN).setMaxResults(200).getResultStream()
                .map(CaseView::of).toList();
    }
}
