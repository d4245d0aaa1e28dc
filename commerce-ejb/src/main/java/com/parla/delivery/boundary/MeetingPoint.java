package com.parla.delivery.boundary;

/**
 * What became of a location the customer shared for the courier.
 *
 * @param kilometres for TOO_FAR, how far it is from the courier's last position
 */
public record MeetingPoint(Outcome outcome, ShipmentView shipment, double kilometres) {

    public enum Outcome {
        /** The courier's view shows it from now on. */
        SHARED,
        /** Not a place (out of range, 0/0) or too far from the courier to be a meeting point. */
        NOT_A_PLACE,
        TOO_FAR,
        /** No shipment of the customer's is on its way. */
        NO_SHIPMENT
    }
}
