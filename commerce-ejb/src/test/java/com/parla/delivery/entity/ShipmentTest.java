package com.parla.delivery.entity;

import java.time.Instant;
import org.junit.jupiter.api.Test;

import static com.parla.delivery.entity.Shipment.Status.ACCEPTED;
import static com.parla.delivery.entity.Shipment.Status.BOOKED;
import static com.parla.delivery.entity.Shipment.Status.DELIVERED;
import static com.parla.delivery.entity.Shipment.Status.FAILED_ATTEMPT;
import static com.parla.delivery.entity.Shipment.Status.OUT_FOR_DELIVERY;
import static com.parla.delivery.entity.Shipment.Update.APPLIED;
import static com.parla.delivery.entity.Shipment.Update.OUT_OF_ORDER;
import static com.parla.delivery.entity.Shipment.Update.REPEATED;
import static com.parla.delivery.entity.Shipment.Update.STALE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which carrier status may follow which, and what a late, repeated or impossible one does: nothing. */
class ShipmentTest {

    private static final Instant T0 = Instant.parse("2026-12-04T07:00:00Z");

    private static Shipment shipment() {
        return new Shipment(1, 2, "P-AAAAA2", 3, 4L, "parla-courier", "Via Roma 1", true, "t".repeat(43),
                "c".repeat(43), T0);
    }

    @Test
    void statusesGoForwardAndAFailedAttemptMayGoOutAgain() {
        Shipment s = shipment();
        assertEquals(APPLIED, s.advance(ACCEPTED, T0.plusSeconds(60), null));
        assertEquals(APPLIED, s.advance(OUT_FOR_DELIVERY, T0.plusSeconds(120), null));
        assertEquals(APPLIED, s.advance(FAILED_ATTEMPT, T0.plusSeconds(180), "nobody at home"));
        assertEquals(APPLIED, s.advance(OUT_FOR_DELIVERY, T0.plusSeconds(240), "second attempt"));
        assertEquals(APPLIED, s.advance(DELIVERED, T0.plusSeconds(300), null));
        assertEquals(6, s.getSteps().size(), "booked and five updates on the timeline");
        assertEquals(T0.plusSeconds(300), s.getDeliveredAt());
    }

    @Test
    void aDuplicateALateAndAnImpossibleUpdateChangeNothing() {
        Shipment s = shipment();
        s.advance(OUT_FOR_DELIVERY, T0.plusSeconds(120), null);
        int revision = s.getRevision();
        assertEquals(REPEATED, s.advance(OUT_FOR_DELIVERY, T0.plusSeconds(120), null), "the same update again");
        assertEquals(STALE, s.advance(ACCEPTED, T0.plusSeconds(60), null), "accepted, sent before, arriving after");
        assertEquals(OUT_OF_ORDER, s.advance(ACCEPTED, T0.plusSeconds(200), null), "going back is refused");
        s.advance(DELIVERED, T0.plusSeconds(300), null);
        assertEquals(OUT_OF_ORDER, s.advance(OUT_FOR_DELIVERY, T0.plusSeconds(400), null), "nothing after delivered");
        assertEquals(REPEATED, s.advance(DELIVERED, T0.plusSeconds(500), null), "delivered twice is once");
        assertEquals(DELIVERED, s.getStatus());
        assertEquals(revision + 1, s.getRevision(), "only the delivery changed it");
        assertEquals(3, s.getSteps().size());
    }

    @Test
    void theMeetingPointGoesWhenTheParcelIsDelivered() {
        Shipment s = shipment();
        s.advance(OUT_FOR_DELIVERY, T0.plusSeconds(60), null);
        s.meetAt(45.48, 9.187, "Corso Como 10", T0.plusSeconds(90));
        assertEquals(45.48, s.getMeetingLatitude());
        s.advance(DELIVERED, T0.plusSeconds(120), null);
        assertNull(s.getMeetingLatitude());
        assertNull(s.getMeetingAddress());
        assertNull(s.getMeetingSharedAt());
    }

    @Test
    void theDayMayChangeUntilTheCourierHasTheParcel() {
        assertTrue(BOOKED.reschedulable());
        assertTrue(ACCEPTED.reschedulable());
        assertTrue(FAILED_ATTEMPT.reschedulable());
        assertFalse(OUT_FOR_DELIVERY.reschedulable());
        assertFalse(DELIVERED.reschedulable());
    }
}
