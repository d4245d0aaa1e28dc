package com.parla.store.boundary;

import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * What a merchant sets of a store for the chat: its name, time zone, business hours (when a person answers a
 * handoff) and how long an unpaid order holds its stock. A field left null stays as it is.
 *
 * @param openDays ISO day numbers, "1-6" (Monday to Saturday) or "1,2,3,4,5"
 * @param opensAt           "09:00", in the store's time zone; before {@code closesAt}
 * @param whatsappCatalogId the Meta commerce catalog linked to its WhatsApp account ("" to unlink): search results
 *                          then go out as WhatsApp product lists, with one item per size (retailer id = size SKU)
 * @param checkinAfter      how long after delivery the customer is asked how they like it: "P7D", "PT2M"
 */
public record StoreSettings(String name, String timeZone, String openDays, String opensAt, String closesAt,
                            Integer reservationMinutes, String whatsappCatalogId, String checkinAfter) {

    /** A check-in later than this is one nobody remembers the purchase for. */
    public static final java.time.Duration MAX_CHECKIN_AFTER = java.time.Duration.ofDays(90);

    /** At most a day: a longer hold keeps stock from other buyers for an order nobody pays. */
    public static final int MAX_RESERVATION_MINUTES = 1440;

    /** @return why the settings cannot be taken, against the store's current ones; null if they can */
    public String problem(StoreRef current) {
        if (name != null && (name.isBlank() || name.length() > 200)) {
            return "name must be 1 to 200 characters";
        }
        if (timeZone != null) {
            try {
                ZoneId.of(timeZone);
            } catch (DateTimeException e) {
                return "timeZone " + timeZone + " is not a time zone (Europe/Rome, America/New_York...)";
            }
        }
        if (openDays != null && !openDays.matches("[1-7](-[1-7])?(,[1-7](-[1-7])?)*")) {
            return "openDays must be ISO day numbers, like 1-6 or 1,2,3,4,5";
        }
        String hhmm = "([01][0-9]|2[0-3]):[0-5][0-9]";
        if ((opensAt != null && !opensAt.matches(hhmm)) || (closesAt != null && !closesAt.matches(hhmm))) {
            return "opensAt and closesAt must be times like 09:00";
        }
        LocalTime opens;
        LocalTime closes;
        try {
            opens = opensAt == null ? current.opensAt() : LocalTime.parse(opensAt);
            closes = closesAt == null ? current.closesAt() : LocalTime.parse(closesAt);
        } catch (DateTimeParseException e) {
            return "opensAt and closesAt must be times like 09:00";
        }
        if (!opens.isBefore(closes)) {
            return "opensAt must be before closesAt";
        }
        if (reservationMinutes != null && (reservationMinutes < 1 || reservationMinutes > MAX_RESERVATION_MINUTES)) {
            return "reservationMinutes must be between 1 and " + MAX_RESERVATION_MINUTES;
        }
        if (whatsappCatalogId != null && !whatsappCatalogId.matches("[0-9A-Za-z_-]{0,64}")) {
            return "whatsappCatalogId must be a catalog id (digits, letters, - and _; at most 64), or empty to unlink";
        }
        if (checkinAfter != null) {
            try {
                java.time.Duration after = java.time.Duration.parse(checkinAfter);
                if (after.isNegative() || after.isZero() || after.compareTo(MAX_CHECKIN_AFTER) > 0
                        || checkinAfter.length() > 16) {
                    return "checkinAfter must be more than nothing and at most P90D";
                }
            } catch (DateTimeParseException e) {
                return "checkinAfter must be an ISO-8601 duration, like P7D or PT2M";
            }
        }
        return null;
    }
}
