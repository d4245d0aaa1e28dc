package com.parla.delivery.control;

import com.parla.delivery.entity.DeliverySlot;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which windows fit a part of the day, which are nearest to a wished day, and how far two places are. */
class SlotCalendarTest {

    private static final LocalDate WEDNESDAY = LocalDate.of(2026, 12, 16);

    private static DeliverySlot window(LocalDate day, int from, int to) {
        return new DeliverySlot(1, "c", day, LocalTime.of(from, 0), LocalTime.of(to, 0), 10,
                DeliverySlot.Source.STANDARD);
    }

    @Test
    void partsOfTheDay() {
        assertTrue(SlotCalendar.inPartOfDay(window(WEDNESDAY, 9, 13), "MORNING"));
        assertFalse(SlotCalendar.inPartOfDay(window(WEDNESDAY, 14, 18), "MORNING"));
        assertTrue(SlotCalendar.inPartOfDay(window(WEDNESDAY, 14, 18), "AFTERNOON"));
        assertTrue(SlotCalendar.inPartOfDay(window(WEDNESDAY, 9, 18), "AFTERNOON"), "an all-day window fits");
        assertFalse(SlotCalendar.inPartOfDay(window(WEDNESDAY, 9, 13), "AFTERNOON"));
        assertTrue(SlotCalendar.inPartOfDay(window(WEDNESDAY, 17, 21), "EVENING"));
        assertFalse(SlotCalendar.inPartOfDay(window(WEDNESDAY, 14, 18), "EVENING"));
        assertTrue(SlotCalendar.inPartOfDay(window(WEDNESDAY, 14, 18), "ANY"));
    }

    @Test
    void theNearestFreeWindowsToAFullDayAreEitherSideOfItInOrder() {
        List<DeliverySlot> free = List.of(window(WEDNESDAY.minusDays(3), 9, 13), window(WEDNESDAY.minusDays(1), 9, 13),
                window(WEDNESDAY.minusDays(1), 14, 18), window(WEDNESDAY.plusDays(1), 9, 13),
                window(WEDNESDAY.plusDays(1), 14, 18), window(WEDNESDAY.plusDays(2), 9, 13));
        List<DeliverySlot> nearest = SlotCalendar.nearest(free, WEDNESDAY, 3);
        assertEquals(List.of(WEDNESDAY.minusDays(1), WEDNESDAY.minusDays(1), WEDNESDAY.plusDays(1)),
                nearest.stream().map(DeliverySlot::getDay).toList());
        assertEquals(LocalTime.of(14, 0), nearest.get(1).getStartsAt());
    }

    @Test
    void distancesAndPlaces() {
        // Milan's Duomo to Rome's Colosseum: about 477 km as the crow flies
        assertEquals(477, Math.round(Distances.kilometres(45.4642, 9.19, 41.8902, 12.4922)), 3);
        assertEquals(0.0, Distances.kilometres(45.4642, 9.19, 45.4642, 9.19), 1e-9);
        assertTrue(Distances.isPlace(45.48, 9.187));
        assertFalse(Distances.isPlace(91.5, 9.19));
        assertFalse(Distances.isPlace(45, 181));
        assertFalse(Distances.isPlace(0, 0), "a device without a fix");
        assertFalse(Distances.isPlace(Double.NaN, 9));
    }
}
