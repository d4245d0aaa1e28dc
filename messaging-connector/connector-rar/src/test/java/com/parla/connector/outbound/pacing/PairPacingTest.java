package com.parla.connector.outbound.pacing;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PairPacingTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void eachRecipientHasItsOwnPace() {
        AtomicLong now = new AtomicLong();
        PairPacing pacing = new PairPacing(1.0 / 6, 1, now::get);
        assertEquals(0, pacing.reserveNanos("+393330000001"));
        assertEquals(0, pacing.reserveNanos("+393330000002"));
        assertEquals(6 * SECOND, pacing.reserveNanos("+393330000001"));
        assertEquals(12 * SECOND, pacing.reserveNanos("+393330000001"));
        assertEquals(6 * SECOND, pacing.reserveNanos("+393330000002"));
    }

    @Test
    void quietRecipientsAreForgotten() {
        AtomicLong now = new AtomicLong();
        PairPacing pacing = new PairPacing(1, 1, now::get);
        pacing.reserveNanos("a");
        now.addAndGet(30 * 60 * SECOND);
        pacing.reserveNanos("b");
        now.addAndGet(31 * 60 * SECOND);
        pacing.forgetIdle();
        assertEquals(1, pacing.recipients());
    }
}
