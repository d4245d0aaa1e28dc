package com.parla.delivery.control;

import com.parla.delivery.entity.DeliverySlot;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * A store's carrier's slot calendar: the windows the carrier or the store set, and, for a delivery day nobody set,
 * the standard windows. Taking a place in a window is one conditional update, so two customers never get its
 * last place.
 */
public final class SlotCalendar {

    /** How far ahead the calendar is read for choices and alternatives. */
    public static final int DAYS_AHEAD = 14;

    private final EntityManager em;
    private final List<LocalTime[]> standardWindows;
    private final int standardCapacity;

    /** @param standardWindows "09:00-13:00,14:00-18:00" */
    public SlotCalendar(EntityManager em, String standardWindows, int standardCapacity) {
        this.em = em;
        this.standardWindows = windows(standardWindows);
        this.standardCapacity = standardCapacity;
    }

    static List<LocalTime[]> windows(String spec) {
        List<LocalTime[]> windows = new ArrayList<>();
        for (String window : spec.split(",")) {
            String[] bounds = window.strip().split("-");
            if (bounds.length == 2) {
                windows.add(new LocalTime[]{LocalTime.parse(bounds[0].strip()), LocalTime.parse(bounds[1].strip())});
            }
        }
        return windows;
    }

    /**
     * Makes the standard windows of each delivery day from {@code from} to {@code until} that has no window at all.
     * Its own transaction's work: a second server making the same ones collides on the unique key, and its
     * caller reads the ones the first made.
     */
    public void makeStandardWindows(long storeId, String carrier, LocalDate from, LocalDate until,
                                    Predicate<LocalDate> deliveryDay) {
        List<DeliverySlot> slots = between(storeId, carrier, from, until);
        for (LocalDate day = from; !day.isAfter(until); day = day.plusDays(1)) {
            LocalDate d = day;
            if (deliveryDay.test(day) && slots.stream().noneMatch(s -> s.getDay().equals(d))) {
                for (LocalTime[] window : standardWindows) {
                    em.persist(new DeliverySlot(storeId, carrier, day, window[0], window[1], standardCapacity,
                            DeliverySlot.Source.STANDARD));
                }
            }
        }
        em.flush();
    }

    /** The windows of days {@code from} to {@code until}, in order. */
    public List<DeliverySlot> between(long storeId, String carrier, LocalDate from, LocalDate until) {
        return em.createNamedQuery(DeliverySlot.FROM_DAY, DeliverySlot.class).setParameter("store", storeId)
                .setParameter("carrier", carrier).setParameter("from", from).setParameter("until", until)
                .getResultList();
    }

    /** Takes a place in the window; false if it is full. */
    public boolean take(long slotId) {
        boolean taken = em.createQuery("update DeliverySlot s set s.booked = s.booked + 1 where s.id = :id"
                + " and s.booked < s.capacity").setParameter("id", slotId).executeUpdate() == 1;
        refresh(slotId);
        return taken;
    }

    public void release(long slotId) {
        em.createQuery("update DeliverySlot s set s.booked = s.booked - 1 where s.id = :id and s.booked > 0")
                .setParameter("id", slotId).executeUpdate();
        refresh(slotId);
    }

    private void refresh(long slotId) {
        DeliverySlot slot = em.find(DeliverySlot.class, slotId);
        if (slot != null) {
            em.refresh(slot);
        }
    }

    /** Whether a window is in the part of the day asked for: morning starts before noon, evening ends after 18. */
    public static boolean inPartOfDay(DeliverySlot slot, String partOfDay) {
        LocalTime starts = slot.getStartsAt();
        return switch (partOfDay == null ? "ANY" : partOfDay) {
            case "MORNING" -> starts.isBefore(LocalTime.NOON);
            case "AFTERNOON" -> !starts.isBefore(LocalTime.NOON) && starts.isBefore(LocalTime.of(17, 0))
                    || starts.isBefore(LocalTime.NOON) && slot.getEndsAt().isAfter(LocalTime.of(14, 0));
            case "EVENING" -> slot.getEndsAt().isAfter(LocalTime.of(18, 0));
            default -> true;
        };
    }

    /** The free windows nearest to a wished day (the day itself first, then one day off either way...), in order. */
    public static List<DeliverySlot> nearest(List<DeliverySlot> free, LocalDate wished, int count) {
        return free.stream().sorted(Comparator.comparingLong((DeliverySlot s) -> Math.abs(s.getDay().toEpochDay()
                        - wished.toEpochDay())).thenComparing(DeliverySlot::getDay)
                .thenComparing(DeliverySlot::getStartsAt)).limit(count).sorted(Comparator.comparing(
                DeliverySlot::getDay).thenComparing(DeliverySlot::getStartsAt)).toList();
    }
}
