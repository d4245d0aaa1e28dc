package com.parla.delivery.control;

import com.parla.delivery.entity.DeliverySlot;
import com.parla.platform.MigratedDatabase;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The slot calendar on the migrated schema (H2, and PostgreSQL in CI): standard windows once, the last place once. */
class SlotCalendarPersistenceTest {

    private static final LocalDate MONDAY = LocalDate.of(2026, 12, 7);
    private static SessionFactory db;
    private static long storeId;

    @BeforeAll
    static void migrate() {
        db = MigratedDatabase.fresh();
        storeId = MigratedDatabase.newStore(db, "slot-store");
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void aDeliveryDayNobodySetGetsTheStandardWindowsOnceAndOtherDaysNone() {
        db.inTransaction(s -> new SlotCalendar(s, "09:00-13:00,14:00-18:00", 5).makeStandardWindows(storeId,
                "standard-test", MONDAY, MONDAY.plusDays(6), d -> d.getDayOfWeek() != DayOfWeek.SUNDAY));
        List<DeliverySlot> week = db.fromTransaction(s -> new SlotCalendar(s, "", 0)
                .between(storeId, "standard-test", MONDAY, MONDAY.plusDays(6)));
        assertEquals(12, week.size(), "two windows on each of six days");
        assertTrue(week.stream().noneMatch(w -> w.getDay().getDayOfWeek() == DayOfWeek.SUNDAY));
        assertEquals(LocalTime.of(14, 0), week.get(1).getStartsAt());
        db.inTransaction(s -> new SlotCalendar(s, "09:00-13:00,14:00-18:00", 5).makeStandardWindows(storeId,
                "standard-test", MONDAY, MONDAY.plusDays(6), d -> d.getDayOfWeek() != DayOfWeek.SUNDAY));
        List<DeliverySlot> again = db.fromTransaction(s -> new SlotCalendar(s, "", 0)
                .between(storeId, "standard-test", MONDAY, MONDAY.plusDays(6)));
        assertEquals(week.stream().map(DeliverySlot::getId).toList(), again.stream().map(DeliverySlot::getId)
                .toList(), "made once: the same windows read again");
    }

    @Test
    void ofFourCustomersTakingTheLastPlaceExactlyOneGetsIt() throws Exception {
        long slot = db.fromTransaction(s -> {
            DeliverySlot last = new DeliverySlot(storeId, "race-test", MONDAY, LocalTime.of(9, 0),
                    LocalTime.of(13, 0), 1, DeliverySlot.Source.CARRIER);
            s.persist(last);
            s.flush();
            return last.getId();
        });
        int customers = 4;
        ExecutorService pool = Executors.newFixedThreadPool(customers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> takes = new ArrayList<>();
        for (int i = 0; i < customers; i++) {
            takes.add(pool.submit(() -> {
                start.await();
                return db.fromTransaction(s -> (Boolean) new SlotCalendar(s, "", 0).take(slot));
            }));
        }
        start.countDown();
        int taken = 0;
        for (Future<Boolean> take : takes) {
            taken += take.get() ? 1 : 0;
        }
        pool.shutdown();
        assertEquals(1, taken);
        assertEquals(1, booked(slot));
        boolean room = db.fromTransaction(s -> s.find(DeliverySlot.class, slot).hasRoom());
        assertFalse(room, "full");
        db.inTransaction(s -> new SlotCalendar(s, "", 0).release(slot));
        db.inTransaction(s -> new SlotCalendar(s, "", 0).release(slot));
        assertEquals(0, booked(slot), "never below 0");
    }

    private static int booked(long slot) {
        return db.fromTransaction(s -> (Integer) s.find(DeliverySlot.class, slot).getBooked());
    }
}
