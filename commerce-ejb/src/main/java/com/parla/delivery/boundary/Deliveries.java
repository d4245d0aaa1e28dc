package com.parla.delivery.boundary;

import com.parla.customer.boundary.CustomersJoined;
import com.parla.delivery.control.Distances;
import com.parla.delivery.control.SlotCalendar;
import com.parla.delivery.entity.DeliverySlot;
import com.parla.delivery.entity.Shipment;
import com.parla.integration.boundary.EventPublisher;
import com.parla.order.boundary.OrderPaid;
import com.parla.order.boundary.OrderView;
import com.parla.platform.boundary.Codes;
import com.parla.platform.boundary.JsonBuilders;
import com.parla.store.boundary.StoreDirectory;
import com.parla.store.boundary.StoreRef;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Deliveries of paid orders: a window of the carrier's calendar booked at payment, moved when the customer asks (by a
 * tap or in words), the carrier's status updates and courier positions applied in order, and the meeting point the
 * customer shares with the courier. What the customer hears of is an event observed in the same transaction; what the
 * carrier must know goes out on {@code parla.events}.
 */
@Stateless
public class Deliveries {

    public static final String BOOKED = "parla.delivery.booked";
    public static final String RESCHEDULED = "parla.delivery.rescheduled";
    public static final String STATUS_CHANGED = "parla.delivery.status_changed";
    public static final String DELIVERED = "parla.delivery.delivered";
    public static final String MEETING_POINT = "parla.delivery.meeting_point";
    private static final Logger LOG = Logger.getLogger(Deliveries.class.getName());

    @PersistenceContext(unitName = "parla")
    EntityManager em;

    @EJB
    StoreDirectory stores;

    @EJB
    EventPublisher events;

    @Resource
    SessionContext context;

    @Inject
    Event<DeliveryBooked> booked;

    @Inject
    Event<ShipmentUpdated> updated;

    @Inject
    Event<ShipmentChanged> changed;

    @Inject
    @ConfigProperty(name = "parla.public-url", defaultValue = "http://localhost:8080")
    String publicUrl;

    /** The carrier of a store's shipments until the carrier's own feed names another. */
    @Inject
    @ConfigProperty(name = "parla.delivery.carrier", defaultValue = "parla-courier")
    String defaultCarrier;

    @Inject
    @ConfigProperty(name = "parla.delivery.standard-windows", defaultValue = "09:00-13:00,14:00-18:00")
    String standardWindows;

    @Inject
    @ConfigProperty(name = "parla.delivery.standard-capacity", defaultValue = "20")
    int standardCapacity;

    /** How far a shared meeting point may be from the courier's last position. */
    @Inject
    @ConfigProperty(name = "parla.delivery.meeting-radius-km", defaultValue = "30")
    double meetingRadiusKm;

    /**
     * A paid order gets its shipment and a window: the first free one on the day chosen at checkout, else the nearest
     * after it. Observed after the order's own notice, so the customer reads "paid" before "booked".
     */
    public void orderPaid(@Observes @Priority(Interceptor.Priority.APPLICATION + 900) OrderPaid event) {
        OrderView order = event.order();
        if (order.deliveryAddress() == null || !em.createNamedQuery(Shipment.BY_ORDER, Shipment.class)
                .setParameter("reference", order.reference()).getResultList().isEmpty()) {
            return;
        }
        StoreRef store = stores.storeRef(order.storeId()).orElseThrow();
        Instant now = Instant.now();
        Shipment shipment = new Shipment(order.storeId(), order.id(), order.reference(), order.customerId(),
                order.conversationId(), defaultCarrier, order.deliveryAddress(), order.updatesOptIn(), Codes.token(),
                Codes.token(), now);
        em.persist(shipment);
        LocalDate wanted = Optional.ofNullable(order.deliveryDate()).orElse(earliestDay(store, now));
        List<DeliverySlot> free = freeSlots(store, shipment.getCarrier(), wanted);
        Optional<DeliverySlot> slot = free.stream().filter(s -> calendar().take(s.getId())).findFirst();
        slot.ifPresent(s -> shipment.bookSlot(s.getId()));
        em.flush();
        ShipmentView view = view(shipment);
        events.publish(BOOKED, subject(shipment), carrierData(shipment, view).build());
        booked.fire(new DeliveryBooked(view, free.stream().filter(s -> slot.isEmpty() || !s.equals(slot.get()))
                .filter(DeliverySlot::hasRoom).limit(2).map(SlotView::of).toList()));
    }

    /** A person's two records became one: the shipments go with the one that stays. */
    public void customersJoined(@Observes CustomersJoined event) {
        em.createQuery("select s from Shipment s where s.storeId = :store and s.customerId = :customer",
                        Shipment.class).setParameter("store", event.storeId()).setParameter("customer", event.from())
                .getResultList().forEach(s -> s.moveTo(event.into()));
    }

    /**
     * The first days from {@code from} on with a free window of the store's carrier (standard windows made where
     * nobody set a day), to offer at checkout; empty if none has room in the weeks ahead.
     */
    public List<LocalDate> daysWithRoom(long storeId, LocalDate from, int count) {
        StoreRef store = stores.storeRef(storeId).orElseThrow();
        return freeSlots(store, defaultCarrier, from).stream().map(DeliverySlot::getDay).distinct().limit(count)
                .toList();
    }

    /** The customer's shipments not yet delivered, oldest first. */
    public List<ShipmentView> openShipments(long storeId, long customerId) {
        return em.createNamedQuery(Shipment.OPEN_OF_CUSTOMER, Shipment.class).setParameter("store", storeId)
                .setParameter("customer", customerId).setParameter("delivered", Shipment.Status.DELIVERED)
                .setMaxResults(10).getResultStream().map(this::view).toList();
    }

    /** The free windows from the shipment's earliest possible day on, for the customer to pick from. */
    public List<SlotView> alternatives(long storeId, long shipmentId, int count) {
        Shipment shipment = em.find(Shipment.class, shipmentId);
        if (shipment == null || shipment.getStoreId() != storeId) {
            return List.of();
        }
        StoreRef store = stores.storeRef(storeId).orElseThrow();
        return freeSlots(store, shipment.getCarrier(), earliestDay(store, Instant.now())).stream()
                .filter(s -> !s.getId().equals(shipment.getSlotId())).limit(count).map(SlotView::of).toList();
    }

    /** Moves the customer's delivery to a window they tapped. */
    public Rescheduling reschedule(long storeId, long customerId, long shipmentId, long slotId) {
        Optional<Shipment> found = customersShipment(storeId, customerId, shipmentId);
        DeliverySlot slot = em.find(DeliverySlot.class, slotId);
        if (found.isEmpty()) {
            return new Rescheduling(Rescheduling.Outcome.UNKNOWN, null, List.of());
        }
        Shipment shipment = found.get();
        StoreRef store = stores.storeRef(storeId).orElseThrow();
        if (slot == null || slot.getStoreId() != storeId || !slot.getCarrier().equals(shipment.getCarrier())) {
            return refused(Rescheduling.Outcome.UNKNOWN, shipment, store, null);
        }
        return moveTo(shipment, store, slot);
    }

    /**
     * Moves the customer's delivery to the first free window that fits what they asked for in words; when nothing
     * fits, says why with the nearest free windows.
     */
    public Rescheduling reschedule(long storeId, long customerId, long shipmentId, WishedTime wish) {
        Optional<Shipment> found = customersShipment(storeId, customerId, shipmentId);
        if (found.isEmpty()) {
            return new Rescheduling(Rescheduling.Outcome.UNKNOWN, null, List.of());
        }
        Shipment shipment = found.get();
        StoreRef store = stores.storeRef(storeId).orElseThrow();
        LocalDate earliest = earliestDay(store, Instant.now());
        if (!shipment.getStatus().reschedulable()) {
            return refused(Rescheduling.Outcome.TOO_LATE, shipment, store, earliest);
        }
        if (wish.day() != null && wish.day().isBefore(earliest)) {
            return refused(Rescheduling.Outcome.TOO_SOON, shipment, store, earliest);
        }
        LocalDate from = wish.day() != null ? wish.day() : max(wish.notBefore(), earliest);
        java.util.function.Predicate<DeliverySlot> fits = s -> (wish.day() != null ? s.getDay().equals(wish.day())
                : !s.getDay().isBefore(from)) && SlotCalendar.inPartOfDay(s, wish.partOfDay());
        if (Optional.ofNullable(shipment.getSlotId()).map(id -> em.find(DeliverySlot.class, id)).filter(fits)
                .isPresent()) {
            return new Rescheduling(Rescheduling.Outcome.SAME, view(shipment), List.of());
        }
        List<DeliverySlot> fitting = freeSlots(store, shipment.getCarrier(), from).stream().filter(fits).toList();
        for (DeliverySlot slot : fitting) {
            Rescheduling moved = moveTo(shipment, store, slot);
            if (moved.outcome() == Rescheduling.Outcome.MOVED) {
                return moved;
            }
        }
        List<DeliverySlot> free = freeSlots(store, shipment.getCarrier(), max(from.minusDays(3), earliest));
        return new Rescheduling(Rescheduling.Outcome.FULL, view(shipment), SlotCalendar.nearest(
                free.stream().filter(s -> !s.getId().equals(shipment.getSlotId())).toList(), from, 3)
                .stream().map(SlotView::of).toList());
    }

    private Rescheduling moveTo(Shipment shipment, StoreRef store, DeliverySlot slot) {
        LocalDate earliest = earliestDay(store, Instant.now());
        if (!shipment.getStatus().reschedulable()) {
            return refused(Rescheduling.Outcome.TOO_LATE, shipment, store, earliest);
        }
        if (slot.getDay().isBefore(earliest)) {
            return refused(Rescheduling.Outcome.TOO_SOON, shipment, store, earliest);
        }
        if (slot.getId().equals(shipment.getSlotId())) {
            return new Rescheduling(Rescheduling.Outcome.SAME, view(shipment), List.of());
        }
        if (!calendar().take(slot.getId())) {
            return refused(Rescheduling.Outcome.FULL, shipment, store, slot.getDay());
        }
        Long previous = shipment.getSlotId();
        if (previous != null) {
            calendar().release(previous);
        }
        shipment.bookSlot(slot.getId());
        ShipmentView view = view(shipment);
        JsonObjectBuilder data = carrierData(shipment, view);
        Optional.ofNullable(previous).map(id -> em.find(DeliverySlot.class, id)).ifPresent(p -> data.add("previous",
                JsonBuilders.object().add("day", p.getDay().toString()).add("from", p.getStartsAt().toString())
                        .add("to", p.getEndsAt().toString())));
        events.publish(RESCHEDULED, subject(shipment), data.build());
        changed(shipment);
        return new Rescheduling(Rescheduling.Outcome.MOVED, view, List.of());
    }

    private Rescheduling refused(Rescheduling.Outcome outcome, Shipment shipment, StoreRef store, LocalDate near) {
        List<SlotView> options = outcome == Rescheduling.Outcome.TOO_LATE ? List.of()
                : SlotCalendar.nearest(freeSlots(store, shipment.getCarrier(), earliestDay(store, Instant.now()))
                .stream().filter(s -> !s.getId().equals(shipment.getSlotId())).toList(),
                near == null ? earliestDay(store, Instant.now()) : near, 3).stream().map(SlotView::of).toList();
        return new Rescheduling(outcome, view(shipment), options);
    }

    // --- the carrier's feed

    /**
     * A carrier's status of the shipment of an order. A duplicate or an older status than the one applied changes
     * nothing and returns empty; a status that cannot follow the current one is refused.
     *
     * @param storeSlug the store the sender says it is, or null; another store's order is refused
     */
    public Optional<ShipmentView> statusUpdate(String orderReference, String storeSlug, String status, Instant at,
                                               Instant eta, String carrier, String note) {
        Shipment shipment = lockedShipment(orderReference, storeSlug);
        Shipment.Status next = Shipment.Status.valueOf(status);
        Shipment.Update update = shipment.advance(next, at, note);
        switch (update) {
            case REPEATED, STALE -> {
                return Optional.empty();
            }
            case OUT_OF_ORDER -> throw new ShipmentRefusedException("shipment of order " + orderReference + " is "
                    + shipment.getStatus() + ": " + next + " cannot follow");
            case APPLIED -> {
            }
        }
        if (carrier != null && !carrier.isBlank()) {
            shipment.handedTo(carrier.strip());
        }
        if (eta != null) {
            shipment.expectAt(eta);
        }
        em.flush();
        ShipmentView view = view(shipment);
        JsonObjectBuilder data = carrierData(shipment, view).add("status", next.name());
        if (note != null) {
            data.add("note", note);
        }
        events.publish(next == Shipment.Status.DELIVERED ? DELIVERED : STATUS_CHANGED, subject(shipment),
                data.build());
        List<SlotView> alternatives = next == Shipment.Status.FAILED_ATTEMPT
                ? alternatives(shipment.getStoreId(), shipment.getId(), 3) : List.of();
        updated.fire(new ShipmentUpdated(view, note, alternatives));
        changed(shipment);
        return Optional.of(view);
    }

    /** The courier's position, shown on the live pages while the parcel is out for delivery. */
    public boolean courierPosition(String orderReference, String storeSlug, double latitude, double longitude,
                                   Instant at) {
        if (!Distances.isPlace(latitude, longitude)) {
            throw new ShipmentRefusedException("not a position: " + latitude + ", " + longitude);
        }
        Shipment shipment = lockedShipment(orderReference, storeSlug);
        if (shipment.getStatus() != Shipment.Status.OUT_FOR_DELIVERY) {
            throw new ShipmentRefusedException("shipment of order " + orderReference + " is " + shipment.getStatus()
                    + ", not out for delivery: no courier position");
        }
        if (shipment.getCourierSeenAt() != null && !at.isAfter(shipment.getCourierSeenAt())) {
            return false; // an older or repeated position
        }
        shipment.courierAt(latitude, longitude, at);
        changed(shipment);
        return true;
    }

    /** The windows a carrier (or the store) sets for days: each replaces the one of the same day and start. */
    public int setSlots(long storeId, String carrier, List<SlotSpec> slots, DeliverySlot.Source source) {
        for (SlotSpec spec : slots) {
            if (!spec.to().isAfter(spec.from()) || spec.capacity() < 0) {
                throw new ShipmentRefusedException("a window must end after it starts and take 0 or more: " + spec);
            }
        }
        for (SlotSpec spec : slots) {
            Optional<DeliverySlot> existing = em.createNamedQuery(DeliverySlot.FROM_DAY, DeliverySlot.class)
                    .setParameter("store", storeId).setParameter("carrier", carrier).setParameter("from", spec.day())
                    .setParameter("until", spec.day()).getResultStream()
                    .filter(s -> s.getStartsAt().equals(spec.from())).findFirst();
            existing.ifPresentOrElse(s -> s.reset(spec.to(), spec.capacity(), source), () -> em.persist(
                    new DeliverySlot(storeId, carrier, spec.day(), spec.from(), spec.to(), spec.capacity(), source)));
        }
        return slots.size();
    }

    /** The store's carrier's windows from a day on (the standard ones made for days nobody set), full ones too. */
    public List<SlotView> calendar(long storeId, String carrier, LocalDate from, int days) {
        StoreRef store = stores.storeRef(storeId).orElseThrow();
        return windows(store, carrier == null ? defaultCarrier : carrier, from,
                from.plusDays(Math.max(0, Math.min(days, 62) - 1))).stream().map(SlotView::of).toList();
    }

    /**
     * Makes the standard windows a store's days lack, in a transaction of its own, so that a collision with another
     * server making them never rolls back the caller's payment or turn.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void makeStandardWindows(long storeId, String carrier, LocalDate from, LocalDate until) {
        calendar().makeStandardWindows(storeId, carrier, from, until,
                deliveryDay(stores.storeRef(storeId).orElseThrow()));
    }

    /** Sets windows of the store's carrier (the default carrier when none is named), as the store. */
    public int setStoreSlots(long storeId, String carrier, List<SlotSpec> slots) {
        return setSlots(storeId, carrier == null || carrier.isBlank() ? defaultCarrier : carrier.strip(), slots,
                DeliverySlot.Source.STORE);
    }

    /** A window to set: a day, its start and end in the store's time zone, and how many deliveries it takes. */
    public record SlotSpec(LocalDate day, java.time.LocalTime from, java.time.LocalTime to, int capacity) {
    }

    // --- the meeting point

    /**
     * Where the customer will meet the courier, for their shipment on its way (else the next one): a shared location,
     * a typed address, or both. A place far from the courier's last position is refused.
     */
    public MeetingPoint shareMeetingPoint(long storeId, long customerId, Double latitude, Double longitude,
                                          String address) {
        List<Shipment> open = em.createNamedQuery(Shipment.OPEN_OF_CUSTOMER, Shipment.class)
                .setParameter("store", storeId).setParameter("customer", customerId)
                .setParameter("delivered", Shipment.Status.DELIVERED).getResultList();
        Optional<Shipment> target = open.stream().filter(s -> s.getStatus() == Shipment.Status.OUT_FOR_DELIVERY)
                .findFirst().or(() -> open.stream().findFirst());
        if (target.isEmpty()) {
            return new MeetingPoint(MeetingPoint.Outcome.NO_SHIPMENT, null, 0);
        }
        Shipment shipment = em.find(Shipment.class, target.get().getId(), LockModeType.PESSIMISTIC_WRITE);
        if (latitude != null && (longitude == null || !Distances.isPlace(latitude, longitude))) {
            return new MeetingPoint(MeetingPoint.Outcome.NOT_A_PLACE, view(shipment), 0);
        }
        if (latitude != null && shipment.getCourierLatitude() != null) {
            double km = Distances.kilometres(latitude, longitude, shipment.getCourierLatitude(),
                    shipment.getCourierLongitude());
            if (km > meetingRadiusKm) {
                return new MeetingPoint(MeetingPoint.Outcome.TOO_FAR, view(shipment), km);
            }
        }
        Instant now = Instant.now();
        shipment.meetAt(latitude, longitude, address == null || address.isBlank() ? null
                : address.strip().substring(0, Math.min(500, address.strip().length())), now);
        ShipmentView view = view(shipment);
        JsonObjectBuilder data = carrierData(shipment, view).add("sharedAt", now.toString());
        if (latitude != null) {
            data.add("latitude", latitude).add("longitude", longitude);
        }
        if (view.meeting().address() != null) {
            data.add("meetingAddress", view.meeting().address());
        }
        events.publish(MEETING_POINT, subject(shipment), data.build());
        changed(shipment);
        return new MeetingPoint(MeetingPoint.Outcome.SHARED, view, 0);
    }

    // --- the live pages

    public Optional<ShipmentView> byTrackingToken(String token) {
        return byToken(Shipment.BY_TRACKING_TOKEN, token);
    }

    public Optional<ShipmentView> byCourierToken(String token) {
        return byToken(Shipment.BY_COURIER_TOKEN, token);
    }

    public String trackingUrl(ShipmentView shipment) {
        return base() + "/c/track/" + shipment.trackingToken();
    }

    public String courierUrl(ShipmentView shipment) {
        return base() + "/c/courier/" + shipment.courierToken();
    }

    /** The shipment of an order, as the store's staff and systems see it. */
    public Optional<ShipmentView> ofOrder(long storeId, String orderReference) {
        return em.createNamedQuery(Shipment.BY_ORDER, Shipment.class).setParameter("reference", orderReference)
                .getResultStream().filter(s -> s.getStoreId() == storeId).findFirst().map(this::view);
    }

    private Optional<ShipmentView> byToken(String query, String token) {
        if (token == null || token.length() < 20 || token.length() > 64) {
            return Optional.empty();
        }
        return em.createNamedQuery(query, Shipment.class).setParameter("token", token).getResultStream().findFirst()
                .map(this::view);
    }

    // --- helpers

    private Shipment lockedShipment(String orderReference, String storeSlug) {
        Shipment shipment = em.createNamedQuery(Shipment.BY_ORDER, Shipment.class)
                .setParameter("reference", orderReference).setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst().orElseThrow(() -> new UnknownShipmentException(orderReference));
        if (storeSlug != null && !stores.storeRef(storeSlug).map(s -> s.id() == shipment.getStoreId())
                .orElse(false)) {
            throw new UnknownShipmentException(orderReference + " of store " + storeSlug);
        }
        return shipment;
    }

    private Optional<Shipment> customersShipment(long storeId, long customerId, long shipmentId) {
        Shipment shipment = em.find(Shipment.class, shipmentId, LockModeType.PESSIMISTIC_WRITE);
        return Optional.ofNullable(shipment).filter(s -> s.getStoreId() == storeId && s.getCustomerId() == customerId);
    }

    private List<DeliverySlot> freeSlots(StoreRef store, String carrier, LocalDate from) {
        LocalDate earliest = earliestDay(store, Instant.now());
        LocalDate start = from.isBefore(earliest) ? earliest : from;
        return windows(store, carrier, start, start.plusDays(SlotCalendar.DAYS_AHEAD)).stream()
                .filter(DeliverySlot::hasRoom).toList();
    }

    /** The windows of those days, the standard ones made first where a day has none. */
    private List<DeliverySlot> windows(StoreRef store, String carrier, LocalDate from, LocalDate until) {
        try {
            context.getBusinessObject(Deliveries.class).makeStandardWindows(store.id(), carrier, from, until);
        } catch (EJBException collided) {
            LOG.fine(() -> "Standard windows of store " + store.id() + " made meanwhile by another transaction");
        }
        return calendar().between(store.id(), carrier, from, until);
    }

    /** The standard windows are on the store's business days. */
    private static java.util.function.Predicate<LocalDate> deliveryDay(StoreRef store) {
        return day -> store.isOpen(day.atTime(store.opensAt()).atZone(store.timeZone()));
    }

    /** Tomorrow in the store's time zone: today's round is planned already. */
    private static LocalDate earliestDay(StoreRef store, Instant now) {
        return ZonedDateTime.ofInstant(now, store.timeZone()).toLocalDate().plusDays(1);
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a == null || a.isBefore(b) ? b : a;
    }

    private SlotCalendar calendar() {
        return new SlotCalendar(em, standardWindows, standardCapacity);
    }

    private ShipmentView view(Shipment shipment) {
        SlotView slot = Optional.ofNullable(shipment.getSlotId()).map(id -> em.find(DeliverySlot.class, id))
                .map(SlotView::of).orElse(null);
        return ShipmentView.of(shipment, slot);
    }

    private void changed(Shipment shipment) {
        changed.fire(new ShipmentChanged(shipment.getId(), shipment.getTrackingToken(), shipment.getCourierToken(),
                shipment.getRevision()));
    }

    private static String subject(Shipment shipment) {
        return "order/" + shipment.getOrderReference();
    }

    /** What the carrier's system needs of a shipment: the order, the window, the address, the courier's link. */
    private JsonObjectBuilder carrierData(Shipment shipment, ShipmentView view) {
        JsonObjectBuilder data = JsonBuilders.object().add("store", shipment.getStoreId())
                .add("order", shipment.getOrderReference()).add("carrier", shipment.getCarrier())
                .add("courierUrl", courierUrl(view));
        if (shipment.getDeliveryAddress() != null) {
            data.add("address", shipment.getDeliveryAddress());
        }
        if (view.slot() != null) {
            data.add("slot", JsonBuilders.object().add("day", view.slot().day().toString())
                    .add("from", view.slot().from().toString()).add("to", view.slot().to().toString()));
        }
        return data;
    }

    private String base() {
        return Objects.requireNonNullElse(publicUrl, "").replaceAll("/+$", "");
    }
}
