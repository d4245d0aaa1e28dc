package com.parla.connector.outbound.pacing;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenBucketTest {

    private static final long SECOND = 1_000_000_000L;
    private final AtomicLong now = new AtomicLong(5 * SECOND);

    @Test
    void aBacklogIsSpreadAtExactlyTheRate() {
        TokenBucket whatsAppNumber = new TokenBucket(80, 1, now::get);
        long last = 0;
        for (int i = 0; i < 10_000; i++) {
            last = whatsAppNumber.reserveNanos();
        }
        // 10,000 sends at 80/s: the last one goes out 9,999 intervals of 12.5 ms after the first
        assertEquals(9_999 * 12_500_000L, last);
    }

    @Test
    void aQuietBucketAllowsItsBurstThenPaces() {
        TokenBucket pair = new TokenBucket(1.0 / 6, 3, now::get);
        assertEquals(0, pair.reserveNanos());
        assertEquals(0, pair.reserveNanos());
        assertEquals(0, pair.reserveNanos());
        assertTrue(pair.wouldWait());
        assertEquals(6 * SECOND, pair.reserveNanos());
        now.addAndGet(60 * SECOND); // a quiet minute refills the burst, and no more
        assertFalse(pair.wouldWait());
        assertEquals(0, pair.reserveNanos());
        assertEquals(0, pair.reserveNanos());
        assertEquals(0, pair.reserveNanos());
        assertEquals(6 * SECOND, pair.reserveNanos());
    }

    @Test
    void concurrentReservationsNeverShareASlot() throws Exception {
        TokenBucket bucket = new TokenBucket(1000, 1, now::get);
        Set<Long> waits = ConcurrentHashMap.newKeySet();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Thread thread = new Thread(() -> {
                for (int i = 0; i < 1000; i++) {
                    waits.add(bucket.reserveNanos());
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertEquals(4000, waits.size());
        assertEquals(3999 * 1_000_000L, waits.stream().mapToLong(Long::longValue).max().orElseThrow());
    }

    @Test
    void nonsenseRatesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new TokenBucket(0, 1, now::get));
        assertThrows(IllegalArgumentException.class, () -> new TokenBucket(Double.NaN, 1, now::get));
        assertThrows(IllegalArgumentException.class, () -> new TokenBucket(10, 0, now::get));
    }
}
