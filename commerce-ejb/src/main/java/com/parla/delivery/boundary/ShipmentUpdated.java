package com.parla.delivery.boundary;

import java.util.List;

/**
 * The carrier moved a shipment on (accepted, out for delivery, failed attempt, delivered); observed in the
 * transaction that applied it, so that the customer hears of it if and only if it commits.
 *
 * @param note         the carrier's word on it ("nobody at home"), or null
 * @param alternatives after a failed attempt, the next windows free; else empty
 */
public record ShipmentUpdated(ShipmentView shipment, String note, List<SlotView> alternatives) {
}
