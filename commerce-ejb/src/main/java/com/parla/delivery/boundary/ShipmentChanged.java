package com.parla.delivery.boundary;

/** Anything of a shipment changed (status, ETA, courier position, meeting point): for the live pages. */
public record ShipmentChanged(long shipmentId, String trackingToken, String courierToken, int revision) {
}
