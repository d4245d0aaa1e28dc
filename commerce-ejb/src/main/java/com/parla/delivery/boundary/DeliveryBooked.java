package com.parla.delivery.boundary;

import java.util.List;

/** A paid order's delivery was booked; observed in the booking transaction, with the next windows free. */
public record DeliveryBooked(ShipmentView shipment, List<SlotView> alternatives) {
}
