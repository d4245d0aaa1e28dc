package com.parla.dialogue.control;

import com.parla.order.boundary.OrderView;
import com.parla.store.boundary.StoreRef;

/** What the customer reads when the store checks in after delivery. */
public final class AftercareReplies {

    private AftercareReplies() {
    }

    /** "Hello Anna! How are you enjoying your Ballet flat (38)?" and the five ratings as a list. */
    public static void checkIn(Replies replies, Texts texts, OrderView order, StoreRef store, String customerName) {
        String question = texts.get("checkin", "customer", Assistant.firstName(customerName), "lines",
                Notices.lines(order), "store", store.name(), "reference", order.reference());
        replies.list(question, texts.get("checkin.label"), AftercareTalk.ratingRows(texts, order.id()));
    }

    /** The check-in's words in the update template, outside the service window. */
    public static String checkInTemplate(Texts texts, OrderView order) {
        return texts.get("template.checkin", "lines", Notices.lines(order));
    }
}
