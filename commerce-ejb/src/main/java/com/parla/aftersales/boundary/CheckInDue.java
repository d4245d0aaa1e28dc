package com.parla.aftersales.boundary;

import com.parla.order.boundary.OrderView;

/** The time came to ask how the customer likes their delivered order; observed in the job's transaction. */
public record CheckInDue(OrderView order) {
}
