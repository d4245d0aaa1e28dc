package com.parla.dialogue.control;

import com.parla.store.boundary.StoreRef;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The store's next working days from the day after tomorrow (in the store's time zone): the days offered at checkout
 * when the carrier's calendar has room on none in the weeks ahead (the booking after payment then says a person will
 * arrange the delivery).
 */
public final class DeliveryDays {

    private DeliveryDays() {
    }

    public static List<LocalDate> next(StoreRef store, ZonedDateTime now, int count) {
        List<LocalDate> days = new ArrayList<>();
        ZonedDateTime day = now.withZoneSameInstant(store.timeZone()).plusDays(2).with(store.opensAt());
        for (int i = 0; days.size() < count && i < 14; i++, day = day.plusDays(1)) {
            if (store.isOpen(day)) {
                days.add(day.toLocalDate());
            }
        }
        return days;
    }
}
