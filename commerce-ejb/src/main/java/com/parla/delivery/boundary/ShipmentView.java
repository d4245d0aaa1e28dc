package com.parla.delivery.boundary;

import com.parla.delivery.entity.Shipment;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * A shipment as the chat, the tracking page and the courier's view show it.
 *
 * @param status   BOOKED, ACCEPTED, OUT_FOR_DELIVERY, FAILED_ATTEMPT or DELIVERED
 * @param slot     the booked window, or null
 * @param courier  the courier's last position, or null
 * @param meeting  where the customer will meet the courier (a shared location, a typed address, or both), or null
 * @param revision counts the changes: a live page that saw this one is up to date
 */
public record ShipmentView(long id, long storeId, long orderId, String orderReference, long customerId, Long conversationId,
                           String carrier, String status, SlotView slot, String deliveryAddress, boolean updatesOptIn,
                           Instant eta, Position courier, Instant courierSeenAt, Meeting meeting,
                           String trackingToken, String courierToken, int revision, List<Step> steps)
        implements Serializable {

    public record Position(double latitude, double longitude) implements Serializable {
    }

    public record Meeting(Position position, String address, Instant sharedAt) implements Serializable {
    }

    public record Step(String status, Instant at, String note) implements Serializable {
    }

    static ShipmentView of(Shipment s, SlotView slot) {
        Position courier = s.getCourierLatitude() == null ? null
                : new Position(s.getCourierLatitude(), s.getCourierLongitude());
        Meeting meeting = s.getMeetingSharedAt() == null ? null : new Meeting(s.getMeetingLatitude() == null ? null
                : new Position(s.getMeetingLatitude(), s.getMeetingLongitude()), s.getMeetingAddress(),
                s.getMeetingSharedAt());
        return new ShipmentView(s.getId(), s.getStoreId(), s.getOrderId(), s.getOrderReference(), s.getCustomerId(),
                s.getConversationId(), s.getCarrier(), s.getStatus().name(), slot, s.getDeliveryAddress(),
                s.isUpdatesOptIn(), s.getEta(), courier, s.getCourierSeenAt(), meeting, s.getTrackingToken(),
                s.getCourierToken(), s.getRevision(), s.getSteps().stream()
                .map(t -> new Step(t.getStatus().name(), t.getHappenedAt(), t.getNote())).toList());
    }

    /** When it was delivered (the carrier's time), or null. */
    public Instant deliveredAt() {
        return isDelivered() ? steps.get(steps.size() - 1).at() : null;
    }

    public boolean isOutForDelivery() {
        return "OUT_FOR_DELIVERY".equals(status);
    }

    public boolean isDelivered() {
        return "DELIVERED".equals(status);
    }

    /** Whether the day may still change (not once the courier has the parcel). */
    public boolean reschedulable() {
        return Shipment.Status.valueOf(status).reschedulable();
    }
}
