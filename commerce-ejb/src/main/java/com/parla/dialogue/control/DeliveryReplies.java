package com.parla.dialogue.control;

import com.parla.connector.api.OutboundMessage.Choice;
import com.parla.delivery.boundary.ShipmentView;
import com.parla.delivery.boundary.SlotView;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * What a customer reads of a delivery, whoever tells it (a notice after payment or from the carrier, an answer in
 * the chat): windows as "Thu 3 Dec, 9:00–13:00", on buttons as "Thu 3 Dec 9–13", and the updates' words.
 */
public final class DeliveryReplies {

    private DeliveryReplies() {
    }

    public static String slot(Texts texts, SlotView slot) {
        return texts.date(slot.day()) + ", " + time(slot.from()) + "–" + time(slot.to());
    }

    /** A window on a button: short enough for every channel's 20 characters. */
    static String slotButton(Texts texts, SlotView slot) {
        return Replies.cut(texts.date(slot.day()) + " " + hour(slot.from()) + "–" + hour(slot.to()),
                Replies.BUTTON_TITLE);
    }

    /** Buttons for windows to move a shipment to (payload "slot:shipment:window"), and keeping it as it is. */
    public static List<Choice> slotChoices(Texts texts, ShipmentView shipment, List<SlotView> slots, boolean keep) {
        List<Choice> choices = new ArrayList<>();
        slots.stream().limit(keep ? Replies.MAX_BUTTONS - 1 : Replies.MAX_BUTTONS).forEach(s -> choices.add(
                new Choice("slot:" + shipment.id() + ":" + s.id(), slotButton(texts, s), null)));
        if (keep && shipment.slot() != null) {
            choices.add(new Choice("slot:keep", texts.get("delivery.button.keep"), null));
        }
        return choices;
    }

    /** After payment: the window booked and others in case the customer won't be home. */
    public static void booked(Replies replies, Texts texts, ShipmentView shipment, List<SlotView> alternatives) {
        if (shipment.slot() == null) {
            replies.text(texts.get("delivery.booked.none", "reference", shipment.orderReference()));
            return;
        }
        String text = texts.get(alternatives.isEmpty() ? "delivery.booked.only" : "delivery.booked", "reference",
                shipment.orderReference(), "slot", slot(texts, shipment.slot()), "address",
                shipment.deliveryAddress());
        replies.buttons(text, slotChoices(texts, shipment, alternatives, true));
    }

    /** The carrier's news of a shipment, as the chat tells it. */
    public static void updated(Replies replies, Texts texts, ShipmentView shipment, String note,
                               List<SlotView> alternatives, String trackingUrl, ZoneId zone) {
        replies.text(update(texts, shipment, note, trackingUrl, zone));
        if ("FAILED_ATTEMPT".equals(shipment.status()) && !alternatives.isEmpty()) {
            replies.buttons(texts.get("shipment.failed.pick"), slotChoices(texts, shipment, alternatives, false));
        }
    }

    /** The news in one sentence: the chat's text, and the template's second parameter outside the window. */
    public static String update(Texts texts, ShipmentView shipment, String note, String trackingUrl, ZoneId zone) {
        String reference = shipment.orderReference();
        return switch (shipment.status()) {
            case "ACCEPTED" -> shipment.slot() == null ? texts.get("shipment.accepted.no.slot", "reference", reference)
                    : texts.get("shipment.accepted", "reference", reference, "slot", slot(texts, shipment.slot()));
            case "OUT_FOR_DELIVERY" -> shipment.eta() == null
                    ? texts.get("shipment.out.no.eta", "reference", reference, "url", trackingUrl)
                    : texts.get("shipment.out", "reference", reference, "eta", time(shipment.eta().atZone(zone)
                    .toLocalTime()), "url", trackingUrl);
            case "DELIVERED" -> texts.get("shipment.delivered", "reference", reference);
            case "FAILED_ATTEMPT" -> texts.get("shipment.failed", "reference", reference, "note",
                    note == null || note.isBlank() ? "" : " (" + Replies.cut(note.strip(), 120) + ")");
            default -> texts.get("shipment.booked", "reference", reference);
        };
    }

    /** Where an order's delivery stands, for "my orders": "delivery Fri 4 Dec, 9:00–13:00", "out for delivery...". */
    public static String status(Texts texts, ShipmentView shipment, String trackingUrl) {
        return texts.get("orders.shipment." + shipment.status(), "slot", shipment.slot() == null ? "—"
                : slot(texts, shipment.slot()), "url", trackingUrl);
    }

    static String time(LocalTime time) {
        return DateTimeFormatter.ofPattern("H:mm").format(time);
    }

    private static String hour(LocalTime time) {
        return time.getMinute() == 0 ? String.valueOf(time.getHour()) : time(time);
    }
}
