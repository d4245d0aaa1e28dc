package com.parla.dialogue.control;

import com.parla.connector.api.Channel;
import com.parla.connector.api.OutboundMessage.Choice;
import com.parla.conversation.boundary.ConversationRef;
import com.parla.conversation.boundary.CustomerMessage;
import com.parla.delivery.boundary.MeetingPoint;
import com.parla.delivery.boundary.Rescheduling;
import com.parla.delivery.boundary.ShipmentView;
import com.parla.delivery.boundary.SlotView;
import com.parla.delivery.boundary.WishedTime;
import com.parla.dialogue.entity.DialogueState;
import com.parla.dialogue.entity.Step;
import com.parla.intent.boundary.CustomerIntent;
import com.parla.store.boundary.StoreRef;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The assistant after the purchase: moving a delivery by a tap or in words ("can it come on Friday instead?"), with
 * no order number (the customer's open shipments are known; with two, it asks which), and meeting the courier (a
 * shared location or a typed place goes to the courier's view).
 */
final class DeliveryTalk {

    /** Intents under which a date in the message is about the delivery even without a delivery word. */
    private static final Set<String> ABOUT_DELIVERY = Set.of("delivery_period", "delivery_options", "change_order",
            "track_order", "change_shipping_address", "set_up_shipping_address");
    /** A message this short that is a date ("tomorrow afternoon") answers what the delivery talk is about. */
    private static final int SHORT = 5;
    private static final Set<Step> CHECKOUT = java.util.EnumSet.of(Step.CHECKOUT_ADDRESS, Step.CHECKOUT_DATE,
            Step.CHECKOUT_UPDATES);

    private final Shop shop;
    private final StoreRef store;
    private final ConversationRef conversation;
    private final long customerId;
    private final DialogueState state;
    private final Instant now;
    private final Texts texts;
    private final Replies replies;

    DeliveryTalk(Shop shop, StoreRef store, ConversationRef conversation, long customerId, DialogueState state,
                 Instant now, Texts texts, Replies replies) {
        this.shop = shop;
        this.store = store;
        this.conversation = conversation;
        this.customerId = customerId;
        this.state = state;
        this.now = now;
        this.texts = texts;
        this.replies = replies;
    }

    /** A tap on a delivery choice ("slot:…", "resched:…", "meet:ask"); false if it is none. */
    boolean onChoice(String kind, String arg) {
        switch (kind) {
            case "slot" -> {
                if ("keep".equals(arg)) {
                    open().stream().filter(s -> s.slot() != null).findFirst().ifPresentOrElse(
                            s -> replies.text(texts.get("delivery.kept", "slot", DeliveryReplies.slot(texts, s.slot()))),
                            () -> replies.text(texts.get("delivery.none")));
                    return true;
                }
                String[] ids = arg.split(":");
                Optional<Long> shipment = number(ids[0]);
                Optional<Long> slot = ids.length > 1 ? number(ids[1]) : Optional.empty();
                if (shipment.isPresent() && slot.isPresent()) {
                    answer(shop.deliveries().reschedule(store.id(), customerId, shipment.get(), slot.get()), null);
                } else {
                    replies.text(texts.get("delivery.none"));
                }
                return true;
            }
            case "resched" -> {
                // "shipment:day:notBefore:partOfDay", from the question which order to move
                String[] parts = arg.split(":", -1);
                Optional<Long> shipment = number(parts[0]);
                if (shipment.isEmpty() || parts.length < 4) {
                    return false;
                }
                WishedTime wish = new WishedTime(date(parts[1]), date(parts[2]), parts[3]);
                answer(shop.deliveries().reschedule(store.id(), customerId, shipment.get(), wish), wish);
                return true;
            }
            case "meet" -> {
                askLocation();
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    /** Typed text about a delivery: a new day, or the courier can't meet them; false if it is neither. */
    boolean onText(String text, CustomerIntent intent) {
        if (CHECKOUT.contains(state.getStep())) {
            return false; // "tomorrow" at checkout answers the checkout, not an earlier order's delivery
        }
        if (state.getStep() == Step.SHARING_LOCATION && !CourierWords.meetingWanted(text)
                && DeliveryWishes.read(text, now, store.timeZone()).isEmpty()) {
            if (ShopperWords.no(text) || ShopperWords.thanks(text)) {
                state.setStep(Step.IDLE);
                replies.text(texts.get("meet.not.shared"));
                return true;
            }
            if (looksLikeAPlace(text)) {
                meetAt(null, null, text); // the place they typed
                return true;
            }
        }
        boolean aboutDelivery = DeliveryWishes.mentionsDelivery(text) || (intent != null
                && ABOUT_DELIVERY.contains(intent.intent())) || text.split("\\s+").length <= SHORT;
        Optional<DeliveryWish> wish = DeliveryWishes.read(text, now, store.timeZone());
        if (CourierWords.meetingWanted(text)) {
            List<ShipmentView> open = open();
            if (open.stream().anyMatch(ShipmentView::isOutForDelivery)) {
                askLocation();
                return true;
            }
            if (wish.isEmpty() && !open.isEmpty()) {
                ShipmentView next = open.get(0);
                offerOtherTimes(next, "delivery.not.home");
                return true;
            }
        }
        if (wish.isEmpty() || !aboutDelivery) {
            return false;
        }
        List<ShipmentView> open = open();
        if (open.isEmpty()) {
            if (!DeliveryWishes.mentionsDelivery(text)) {
                return false;
            }
            replies.buttons(texts.get("delivery.none"), List.of(menu("orders"), menu("agent")));
            return true;
        }
        WishedTime wished = new WishedTime(wish.get().day(), wish.get().notBefore(), wish.get().partOfDay().name());
        List<ShipmentView> movable = open.stream().filter(ShipmentView::reschedulable).toList();
        if (movable.size() > 1) {
            askWhich(movable, wished);
            return true;
        }
        ShipmentView shipment = movable.isEmpty() ? open.get(0) : movable.get(0);
        answer(shop.deliveries().reschedule(store.id(), customerId, shipment.id(), wished), wished);
        return true;
    }

    /** A shared location: the meeting point, when a shipment of theirs is on its way or the store asked for it. */
    boolean onLocation(CustomerMessage message) {
        Optional<CustomerMessage.Place> place = message.place();
        if (state.getStep() != Step.SHARING_LOCATION && open().stream().noneMatch(ShipmentView::isOutForDelivery)) {
            return false;
        }
        if (place.isEmpty()) {
            replies.text(texts.get("meet.not.place"));
            return true;
        }
        meetAt(place.get().latitude(), place.get().longitude(), place.get().label());
        return true;
    }

    private void meetAt(Double latitude, Double longitude, String address) {
        MeetingPoint meeting = shop.deliveries().shareMeetingPoint(store.id(), customerId, latitude, longitude,
                address);
        switch (meeting.outcome()) {
            case SHARED -> {
                state.setStep(Step.IDLE);
                ShipmentView shipment = meeting.shipment();
                replies.text(texts.get(shipment.isOutForDelivery() ? "meet.shared" : "meet.shared.later",
                        "reference", shipment.orderReference(), "url", shop.deliveries().trackingUrl(shipment)));
            }
            case TOO_FAR -> replies.text(texts.get("meet.too.far", "km", Math.round(meeting.kilometres())));
            case NOT_A_PLACE -> replies.text(texts.get("meet.not.place"));
            case NO_SHIPMENT -> {
                state.setStep(Step.IDLE);
                replies.buttons(texts.get("meet.none"), List.of(menu("orders"), menu("agent")));
            }
        }
    }

    private void askLocation() {
        state.setStep(Step.SHARING_LOCATION);
        if (conversation.channel() == Channel.MESSENGER) {
            replies.text(texts.get("meet.ask.typed"));
        } else {
            replies.locationRequest(texts.get("meet.ask"));
        }
    }

    private void askWhich(List<ShipmentView> shipments, WishedTime wish) {
        String encoded = (wish.day() == null ? "" : wish.day()) + ":" + (wish.notBefore() == null ? ""
                : wish.notBefore()) + ":" + wish.partOfDay();
        List<Choice> choices = shipments.stream().limit(Replies.MAX_BUTTONS).map(s -> new Choice("resched:" + s.id()
                + ":" + encoded, Replies.cut(orderAndDay(s), Replies.BUTTON_TITLE), null)).toList();
        replies.buttons(texts.get("delivery.which", "wished", wished(wish)), choices);
    }

    /** "P-CAAQ74 · Thu 9 Dec", or "P-CAAQ74 · 10 Dec" where the weekday would not fit a button. */
    private String orderAndDay(ShipmentView s) {
        if (s.slot() == null) {
            return s.orderReference();
        }
        String whole = s.orderReference() + " · " + texts.date(s.slot().day());
        return whole.length() <= Replies.BUTTON_TITLE ? whole
                : s.orderReference() + " · " + texts.shortDate(s.slot().day());
    }

    private void answer(Rescheduling result, WishedTime wish) {
        ShipmentView shipment = result.shipment();
        switch (result.outcome()) {
            case MOVED -> replies.text(texts.get(wish != null && wish.day() != null ? "delivery.moved.day"
                            : "delivery.moved", "wished", wish == null ? "" : capitalized(wished(wish)), "reference",
                    shipment.orderReference(), "slot", DeliveryReplies.slot(texts, shipment.slot())));
            case SAME -> replies.text(texts.get("delivery.same", "reference", shipment.orderReference(), "slot",
                    DeliveryReplies.slot(texts, shipment.slot())));
            case FULL -> options(shipment, result.options(), texts.get("delivery.full", "wished",
                    wish == null ? texts.get("delivery.that.time") : wished(wish), "reference",
                    shipment.orderReference()));
            case TOO_SOON -> options(shipment, result.options(), texts.get("delivery.too.soon", "reference",
                    shipment.orderReference()));
            case TOO_LATE -> {
                if (shipment.isDelivered()) {
                    replies.text(texts.get("delivery.already.delivered", "reference", shipment.orderReference()));
                } else {
                    replies.buttons(texts.get("delivery.too.late", "reference", shipment.orderReference()),
                            List.of(new Choice("meet:ask", texts.get("meet.button"), null), menu("agent")));
                }
            }
            case UNKNOWN -> replies.text(texts.get("delivery.none"));
        }
    }

    private void offerOtherTimes(ShipmentView shipment, String key) {
        List<SlotView> others = shop.deliveries().alternatives(store.id(), shipment.id(), 3);
        options(shipment, others, texts.get(key, "reference", shipment.orderReference(), "slot",
                shipment.slot() == null ? "—" : DeliveryReplies.slot(texts, shipment.slot())));
    }

    private void options(ShipmentView shipment, List<SlotView> options, String text) {
        if (options.isEmpty()) {
            replies.buttons(text + "\n" + texts.get("delivery.nothing.free"), List.of(menu("agent")));
            return;
        }
        replies.buttons(text, DeliveryReplies.slotChoices(texts, shipment, options, false));
    }

    /** "Friday", "Friday morning", "from Mon 12 Dec": the wish as the customer would say it back. */
    private String wished(WishedTime wish) {
        String part = "ANY".equals(wish.partOfDay()) ? "" : " " + texts.get("part." + wish.partOfDay());
        if (wish.day() != null) {
            LocalDate today = now.atZone(store.timeZone()).toLocalDate();
            boolean thisWeek = !wish.day().isAfter(today.plusDays(6));
            return (thisWeek ? texts.weekday(wish.day()) : texts.date(wish.day())) + part;
        }
        return texts.get("delivery.from", "date", texts.date(wish.notBefore())) + part;
    }

    /** A typed meeting place: words with letters, not a question ("Corso Como 10", "the bar at Piazza Duomo"). */
    static boolean looksLikeAPlace(String text) {
        String t = text.strip();
        return t.length() >= 6 && t.length() <= 500 && t.matches("(?s).*\\p{L}{2,}.*") && !t.endsWith("?");
    }

    private List<ShipmentView> open() {
        return shop.deliveries().openShipments(store.id(), customerId);
    }

    private Choice menu(String item) {
        return new Choice("menu:" + item, texts.get("menu." + item), null);
    }

    private static LocalDate date(String s) {
        return s == null || s.isEmpty() ? null : LocalDate.parse(s);
    }

    private static Optional<Long> number(String s) {
        try {
            return Optional.of(Long.parseLong(s));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String capitalized(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
