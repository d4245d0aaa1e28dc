package com.parla.dialogue.control;

import com.parla.connector.api.OutboundMessage;
import com.parla.order.boundary.OrderView;
import java.util.stream.Collectors;

/** What the customer is told of an order: its payment link, and how it moves on without them writing. */
public final class Notices {

    private Notices() {
    }

    /** "Ballet flat (38), Canvas tote": what a person reads of an order's lines. */
    static String lines(OrderView order) {
        return order.lines().stream().map(l -> (l.quantity() > 1 ? l.quantity() + " × " : "") + l.productName()
                + ("ONE".equalsIgnoreCase(l.size()) ? "" : " (" + l.size() + ")")).collect(Collectors.joining(", "));
    }

    /** The order's payment link as the channel shows one, with what a native invoice (Telegram) shows instead. */
    public static OutboundMessage.PaymentRequest paymentRequest(OrderView order, Texts texts, String link) {
        String summary = texts.get("checkout.invoice", "reference", order.reference(), "lines", lines(order), "date",
                texts.date(order.deliveryDate()), "address", order.deliveryAddress());
        return new OutboundMessage.PaymentRequest(Replies.cut(texts.get("checkout.pay.button", "total",
                texts.money(order.total(), order.currency())), Replies.BUTTON_TITLE),
                Replies.cut(summary, Replies.INVOICE_DESCRIPTION), order.currency(), order.totalMinor(),
                order.reference(), link);
    }

    /** Before the hold of an unpaid order runs out: pay now, or the items go back on sale. */
    public static String paymentReminder(OrderView order, Texts texts, java.time.ZoneId zone) {
        return texts.get("payment.reminder", "reference", order.reference(), "lines", lines(order), "total",
                texts.money(order.total(), order.currency()), "time", DeliveryReplies.time(order.reservedUntil()
                        .atZone(zone).toLocalTime()));
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
