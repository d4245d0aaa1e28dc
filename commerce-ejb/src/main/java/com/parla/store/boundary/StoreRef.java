package com.parla.store.boundary;

import com.parla.store.entity.Store;
import java.io.Serializable;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * A store as other components need it: they keep its id, never a reference to the store's entity.
 *
 * @param openDays          ISO day numbers of the business hours, "1-6" (Monday to Saturday) or "1,2,3"
 * @param whatsappCatalogId the Meta commerce catalog of its WhatsApp account, or null
 * @param checkinAfter      how long after delivery the customer is asked how they like their purchase
 */
public record StoreRef(long id, String slug, String name, String currency, String defaultLanguage, ZoneId timeZone,
                       String openDays, LocalTime opensAt, LocalTime closesAt, int reservationMinutes,
                       String whatsappCatalogId, java.time.Duration checkinAfter)
        implements Serializable {

    static StoreRef of(Store store) {
        return new StoreRef(store.getId(), store.getSlug(), store.getName(), store.getCurrency(),
                store.getDefaultLanguage(), ZoneId.of(store.getTimeZone()), store.getOpenDays(),
                LocalTime.parse(store.getOpensAt()), LocalTime.parse(store.getClosesAt()),
                store.getReservationMinutes(), store.getWhatsappCatalogId(),
                java.time.Duration.parse(store.getCheckinAfter()));
    }

    /** Whether people of the store are at work at {@code at}. */
    public boolean isOpen(ZonedDateTime at) {
        ZonedDateTime local = at.withZoneSameInstant(timeZone);
        LocalTime time = local.toLocalTime();
        return opensOn(local.getDayOfWeek()) && !time.isBefore(opensAt) && time.isBefore(closesAt);
    }

    /** When the store next opens, from {@code at} (at itself if open). */
    public ZonedDateTime nextOpening(ZonedDateTime at) {
        ZonedDateTime local = at.withZoneSameInstant(timeZone);
        if (isOpen(local)) {
            return local;
        }
        ZonedDateTime candidate = local.toLocalTime().isBefore(opensAt) ? local.with(opensAt)
                : local.plusDays(1).with(opensAt);
        for (int i = 0; i < 8 && !opensOn(candidate.getDayOfWeek()); i++) {
            candidate = candidate.plusDays(1);
        }
        return candidate;
    }

    private boolean opensOn(DayOfWeek day) {
        int d = day.getValue();
        for (String part : openDays.split(",")) {
            String[] range = part.strip().split("-");
            int from = Integer.parseInt(range[0]);
            int to = range.length > 1 ? Integer.parseInt(range[1]) : from;
            if (d >= from && d <= to) {
                return true;
            }
        }
        return false;
    }
}
