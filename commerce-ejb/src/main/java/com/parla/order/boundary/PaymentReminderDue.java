package com.parla.order.boundary;

/** An order still awaits payment, and its hold ends soon. Observed in the reminder job's transaction. */
public record PaymentReminderDue(OrderView order) {
}
