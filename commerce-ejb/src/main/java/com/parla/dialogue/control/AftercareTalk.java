package com.parla.dialogue.control;

import com.parla.aftersales.boundary.Rated;
import com.parla.connector.api.OutboundMessage.Choice;
import com.parla.conversation.boundary.ConversationRef;
import com.parla.dialogue.entity.DialogueState;
import com.parla.dialogue.entity.Step;
import com.parla.order.boundary.DiscountView;
import com.parla.order.boundary.OrderView;
import com.parla.store.boundary.StoreRef;
import java.util.List;
import java.util.Optional;

/**
 * The assistant after delivery: the rating asked for at the check-in (tapped or typed, 1 to 5, then a comment or a
 * photo), the customer's saved codes, and a return. What a person must take up (a low rating, a return) is handed
 * over: {@link #personNeeded()} says why.
 */
final class AftercareTalk {

    private final Shop shop;
    private final StoreRef store;
    private final ConversationRef conversation;
    private final long customerId;
    private final DialogueState state;
    private final Texts texts;
    private final Replies replies;
    private String personNeeded;

    AftercareTalk(Shop shop, StoreRef store, ConversationRef conversation, long customerId, DialogueState state,
                  Texts texts, Replies replies) {
        this.shop = shop;
        this.store = store;
        this.conversation = conversation;
        this.customerId = customerId;
        this.state = state;
        this.texts = texts;
        this.replies = replies;
    }

    /**
     * The check-in's rows that rate an order: 5 stars first to tap; where choices are numbered lines to type, 1 star
     * first, so that the number typed is the stars.
     */
    static List<Choice> ratingRows(Texts texts, long orderId) {
        return (texts.numberedLines() ? List.of(1, 2, 3, 4, 5) : List.of(5, 4, 3, 2, 1)).stream().map(n -> new Choice("rate:" + orderId + ":" + n, "★".repeat(n),
                texts.get("rating.row." + n))).toList();
    }

    /** Why this turn needs a person (a low rating, a return), or null. */
    String personNeeded() {
        return personNeeded;
    }

    /** A tapped rating, "rate:order:stars". */
    void onChoice(String arg) {
        String[] parts = arg.split(":");
        try {
            rate(Long.parseLong(parts[0]), Integer.parseInt(parts[1]));
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            replies.text(texts.get("rating.invalid"));
        }
    }

    /** Typed text after the check-in, "my codes", or a return; false if it is none of these. */
    boolean onText(String text) {
        if (state.getStep() == Step.RATING && state.getOrderId() != null) {
            Optional<Integer> stars = AftercareWords.stars(text);
            if (stars.isPresent()) {
                rate(state.getOrderId(), stars.get());
                return true;
            }
        }
        if (AftercareWords.asksForCodes(text)) {
            codes();
            return true;
        }
        if (AftercareWords.wantsToReturn(text)) {
            returnAsked(text);
            return true;
        }
        if (state.getStep() == Step.RATING_COMMENT && state.getOrderId() != null) {
            state.setStep(Step.IDLE);
            if (ShopperWords.no(text) || ShopperWords.thanks(text)) {
                replies.text(texts.get("rating.no.comment"));
            } else {
                shop.aftercare().comment(store.id(), customerId, state.getOrderId(), text);
                replies.text(texts.get("rating.comment.saved"));
            }
            return true;
        }
        return false;
    }

    /** A photo after rating goes with the rating; false if none was asked for. */
    boolean onMedia(String reference) {
        if (state.getStep() != Step.RATING_COMMENT || state.getOrderId() == null) {
            return false;
        }
        state.setStep(Step.IDLE);
        shop.aftercare().comment(store.id(), customerId, state.getOrderId(), "photo: " + reference);
        replies.text(texts.get("rating.photo.saved"));
        return true;
    }

    private void rate(long orderId, int stars) {
        if (stars < 1 || stars > 5) {
            state.setStep(Step.RATING);
            state.setOrderId(orderId);
            replies.list(texts.get("rating.invalid"), texts.get("checkin.label"), ratingRows(texts, orderId));
            return;
        }
        Rated rated = shop.aftercare().rate(store.id(), customerId, orderId, stars, conversation.id());
        state.setOrderId(orderId);
        switch (rated.outcome()) {
            case THANKED -> {
                state.setStep(Step.RATING_COMMENT);
                DiscountView code = rated.thanks();
                replies.text(texts.get("rating.thanks", "store", store.name(), "code", code.code(), "percent",
                        code.percentOff(), "expiry", texts.date(code.expiresAt().atZone(store.timeZone())
                                .toLocalDate())));
            }
            case CASE_OPENED -> {
                state.setStep(Step.IDLE);
                replies.text(texts.get("rating.low", "store", store.name()));
                personNeeded = "low_rating";
            }
            case ALREADY_RATED -> {
                state.setStep(Step.IDLE);
                replies.text(texts.get("rating.already", "reference", rated.orderReference()));
            }
            case UNKNOWN -> {
                state.setStep(Step.IDLE);
                replies.text(texts.get("rating.unknown"));
            }
        }
    }

    private void codes() {
        List<DiscountView> codes = shop.discountCodes().usable(store.id(), customerId);
        if (codes.isEmpty()) {
            replies.text(texts.get("codes.none", "store", store.name()));
            return;
        }
        List<String> lines = codes.stream().map(c -> texts.get("codes.line", "code", c.code(), "percent",
                c.percentOff(), "expiry", texts.date(c.expiresAt().atZone(store.timeZone()).toLocalDate()))).toList();
        replies.text(texts.get("codes.list", "store", store.name(), "codes", String.join("\n", lines)));
    }

    private void returnAsked(String text) {
        Optional<OrderView> order = shop.aftercare().requestReturn(store.id(), customerId, conversation.id(), text);
        state.setStep(Step.IDLE);
        replies.text(order.map(o -> texts.get("return.opened", "reference", o.reference(), "lines", Notices.lines(o),
                "store", store.name())).orElseGet(() -> texts.get("return.no.order", "store", store.name())));
        personNeeded = "return";
    }
}
