package com.parla.delivery.boundary;

import java.util.List;

/**
 * What became of a request to move a delivery.
 *
 * @param shipment the shipment as it is now
 * @param options  what the customer can pick instead: the nearest free windows (empty when MOVED or SAME)
 */
public record Rescheduling(Outcome outcome, ShipmentView shipment, List<SlotView> options) {

    public enum Outcome {
        MOVED,
        /** The window asked for is the one booked. */
        SAME,
        /** Nothing free on the day (or part of the day) asked for. */
        FULL,
        /** A day that has passed, or today: too soon for the carrier to plan. */
        TOO_SOON,
        /** The courier already has the parcel (or it was delivered): the day cannot change any more. */
        TOO_LATE,
        /** Not a window of this shipment's carrier, or not this customer's shipment. */
        UNKNOWN
    }
}
