package com.parla.dialogue.control;

import com.parla.store.boundary.StoreRef;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The delivery days a customer can pick at checkout: the store's next working days from the day after tomorrow (in
 * the store's time zone). The carrier's slot calendar replaces this with the after-purchase work.
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
