package com.parla.delivery.entity;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The delivery of one paid order: its slot, where it stands with the carrier, the courier's last position, and the
 * meeting point the customer shared. It owns the rule of which status may follow which.
 */
@Entity
@Table(name = "shipment")
@NamedQuery(name = Shipment.BY_ORDER, query = "select s from Shipment s where s.orderReference = :reference")
@NamedQuery(name = Shipment.BY_TRACKING_TOKEN, query = "select s from Shipment s where s.trackingToken = :token")
@NamedQuery(name = Shipment.BY_COURIER_TOKEN, query = "select s from Shipment s where s.courierToken = :token")
@NamedQuery(name = Shipment.OPEN_OF_CUSTOMER, query = "select s from Shipment s where s.storeId = :store"
        + " and s.customerId = :customer and s.status <> :delivered order by s.id")
public class Shipment {

    public static final String BY_ORDER = "Shipment.byOrder";
    public static final String BY_TRACKING_TOKEN = "Shipment.byTrackingToken";
    public static final String BY_COURIER_TOKEN = "Shipment.byCourierToken";
    public static final String OPEN_OF_CUSTOMER = "Shipment.openOfCustomer";

    public enum Status {
        /** Paid, a slot booked; not yet with the carrier. */
        BOOKED(0),
        ACCEPTED(1),
        OUT_FOR_DELIVERY(2),
        /** The courier could not deliver; a new attempt may go out. */
        FAILED_ATTEMPT(3),
        DELIVERED(4);

        private final int rank;

        Status(int rank) {
            this.rank = rank;
        }

        /** Whether a shipment here may move to {@code next}: forward only, and out again after a failed attempt. */
        public boolean mayMoveTo(Status next) {
            return this != DELIVERED && (next.rank > rank || (this == FAILED_ATTEMPT && next == OUT_FOR_DELIVERY));
        }

        /** Whether the delivery day may still change: not once the courier has it, nor after. */
        public boolean reschedulable() {
            return this == BOOKED || this == ACCEPTED || this == FAILED_ATTEMPT;
        }
    }

    /** What became of a status update. */
    public enum Update {
        APPLIED,
        /** The same status at the same time again: a duplicate, nothing changes. */
        REPEATED,
        /** Older than the status applied last: it arrived late, nothing changes. */
        STALE,
        /** Not a status that can follow the current one (anything after delivered, going back). */
        OUT_OF_ORDER
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "store_id", nullable = false)
    private long storeId;

    @Column(name = "order_id", nullable = false)
    private long orderId;

    @Column(name = "order_reference", nullable = false, length = 32)
    private String orderReference;

    @Column(name = "customer_id", nullable = false)
    private long customerId;

    @Column(name = "conversation_id")
    private Long conversationId;

    @Column(nullable = false, length = 64)
    private String carrier;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 24)
    private Status status;

    @Column(name = "slot_id")
    private Long slotId;

    @Column(name = "delivery_address", length = 500)
    private String deliveryAddress;

    @Column(name = "updates_opt_in", nullable = false)
    private boolean updatesOptIn;

    private Instant eta;

    @Column(name = "courier_latitude")
    private Double courierLatitude;

    @Column(name = "courier_longitude")
    private Double courierLongitude;

    @Column(name = "courier_seen_at")
    private Instant courierSeenAt;

    @Column(name = "meeting_latitude")
    private Double meetingLatitude;

    @Column(name = "meeting_longitude")
    private Double meetingLongitude;

    @Column(name = "meeting_address", length = 500)
    private String meetingAddress;

    @Column(name = "meeting_shared_at")
    private Instant meetingSharedAt;

    @Column(name = "tracking_token", nullable = false, length = 64)
    private String trackingToken;

    @Column(name = "courier_token", nullable = false, length = 64)
    private String courierToken;

    @Column(name = "status_at", nullable = false)
    private Instant statusAt;

    @Column(name = "delivered_at")
    private Instant deliveredAt;

    @Column(nullable = false)
    private int revision;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @OneToMany(mappedBy = "shipment", cascade = CascadeType.ALL)
    @OrderBy("id")
    private List<ShipmentStep> steps = new ArrayList<>();

    protected Shipment() {
    }

    public Shipment(long storeId, long orderId, String orderReference, long customerId, Long conversationId,
                    String carrier, String deliveryAddress, boolean updatesOptIn, String trackingToken,
                    String courierToken, Instant now) {
        this.storeId = storeId;
        this.orderId = orderId;
        this.orderReference = orderReference;
        this.customerId = customerId;
        this.conversationId = conversationId;
        this.carrier = carrier;
        this.deliveryAddress = deliveryAddress;
        this.updatesOptIn = updatesOptIn;
        this.trackingToken = trackingToken;
        this.courierToken = courierToken;
        this.status = Status.BOOKED;
        this.statusAt = now;
        this.createdAt = now;
        steps.add(new ShipmentStep(this, Status.BOOKED, now, null));
    }

    /** Applies a carrier's status of time {@code at}, if it may follow the current one. */
    public Update advance(Status next, Instant at, String note) {
        if (next == status && at.equals(statusAt)) {
            return Update.REPEATED;
        }
        if (at.isBefore(statusAt)) {
            return Update.STALE;
        }
        if (!status.mayMoveTo(next)) {
            return next == status ? Update.REPEATED : Update.OUT_OF_ORDER;
        }
        status = next;
        statusAt = at;
        steps.add(new ShipmentStep(this, next, at, note));
        if (next == Status.DELIVERED) {
            deliveredAt = at;
            // the shared location was for meeting the courier: it goes when the parcel is delivered
            meetingLatitude = null;
            meetingLongitude = null;
            meetingAddress = null;
            meetingSharedAt = null;
        }
        revision++;
        return Update.APPLIED;
    }

    public void expectAt(Instant eta) {
        this.eta = eta;
        revision++;
    }

    public void courierAt(double latitude, double longitude, Instant at) {
        this.courierLatitude = latitude;
        this.courierLongitude = longitude;
        this.courierSeenAt = at;
        revision++;
    }

    public void meetAt(Double latitude, Double longitude, String address, Instant at) {
        this.meetingLatitude = latitude;
        this.meetingLongitude = longitude;
        this.meetingAddress = address;
        this.meetingSharedAt = at;
        revision++;
    }

    public void bookSlot(long slotId) {
        this.slotId = slotId;
        revision++;
    }

    public void handedTo(String carrier) {
        this.carrier = carrier;
    }

    /** The person's records were joined: the shipment follows the one that stayed. */
    public void moveTo(long customerId) {
        this.customerId = customerId;
    }

    public Long getId() {
        return id;
    }

    public long getStoreId() {
        return storeId;
    }

    public long getOrderId() {
        return orderId;
    }

    public String getOrderReference() {
        return orderReference;
    }

    public long getCustomerId() {
        return customerId;
    }

    public Long getConversationId() {
        return conversationId;
    }

    public String getCarrier() {
        return carrier;
    }

    public Status getStatus() {
        return status;
    }

    public Long getSlotId() {
        return slotId;
    }

    public String getDeliveryAddress() {
        return deliveryAddress;
    }

    public boolean isUpdatesOptIn() {
        return updatesOptIn;
    }

    public Instant getEta() {
        return eta;
    }

    public Double getCourierLatitude() {
        return courierLatitude;
    }

    public Double getCourierLongitude() {
        return courierLongitude;
    }

    public Instant getCourierSeenAt() {
        return courierSeenAt;
    }

    public Double getMeetingLatitude() {
        return meetingLatitude;
    }

    public Double getMeetingLongitude() {
        return meetingLongitude;
    }

    public String getMeetingAddress() {
        return meetingAddress;
    }

    public Instant getMeetingSharedAt() {
        return meetingSharedAt;
    }

    public String getTrackingToken() {
        return trackingToken;
    }

    public String getCourierToken() {
        return courierToken;
    }

    public Instant getStatusAt() {
        return statusAt;
    }

    public Instant getDeliveredAt() {
        return deliveredAt;
    }

    public int getRevision() {
        return revision;
    }

    public List<ShipmentStep> getSteps() {
        return Collections.unmodifiableList(steps);
    }
}
