package com.parla.dialogue.control;

import com.parla.order.boundary.OrderView;
import java.util.stream.Collectors;

/** What the customer is told when an order moves on without them writing: paid, lapsed. */
public final class Notices {

    private Notices() {
    }

    /** "Ballet flat (38), Canvas tote": what a person reads of an order's lines. */
    static String lines(OrderView order) {
        return order.lines().stream().map(l -> (l.quantity() > 1 ? l.quantity() + " × " : "") + l.productName()
                + ("ONE".equalsIgnoreCase(l.size()) ? "" : " (" + l.size() + ")")).collect(Collectors.joining(", "));
    }

    public static String paid(OrderView order, Texts texts) {
        return order.deliveryDate() == null
                ? texts.get("paid.no.date", "reference", order.reference(), "lines", lines(order))
                : texts.get("paid", "reference", order.reference(), "lines", lines(order), "date",
                texts.date(order.deliveryDate()));
    }

    public static String lapsed(OrderView order, String reason, Texts texts) {
        String why = "not paid in time".equals(reason) ? texts.get("lapsed.reason.expired") : reason;
        return texts.get("lapsed", "reference", order.reference(), "reason", why);
    }
}
