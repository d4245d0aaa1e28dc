package com.parla.connector.outbound.pacing;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Paces one sender's messages to each recipient: WhatsApp allows about one message per 6 s to the same user
 * (error 131056 beyond), Telegram one per second per chat. One bucket per recipient, dropped after a quiet hour
 * so that the map does not grow with every customer ever written to.
 */
public final class PairPacing {

    private static final long IDLE_NANOS = 3_600_000_000_000L;

    private final double ratePerSecond;
    private final int burst;
    private final LongSupplier clock;
    private final Map<String, Entry> recipients = new ConcurrentHashMap<>();

    public PairPacing(double ratePerSecond, int burst, LongSupplier nanoClock) {
        this.ratePerSecond = ratePerSecond;
        this.burst = burst;
        this.clock = nanoClock;
    }

    /** Reserves the next slot to {@code recipient}; returns how long to wait before sending in it. */
    public long reserveNanos(String recipient) {
        long now = clock.getAsLong();
        Entry entry = recipients.computeIfAbsent(recipient, r -> new Entry(new TokenBucket(ratePerSecond, burst, clock)));
        entry.lastUse = now;
        return entry.bucket.reserveNanos();
    }

    /** As {@link TokenBucket#reserveIfWithin}, for the bucket of {@code recipient}. */
    public long reserveIfWithin(String recipient, long maxWaitNanos) {
        long now = clock.getAsLong();
        Entry entry = recipients.computeIfAbsent(recipient, r -> new Entry(new TokenBucket(ratePerSecond, burst, clock)));
        entry.lastUse = now;
        return entry.bucket.reserveIfWithin(maxWaitNanos);
    }

    /** Forgets recipients not written to for an hour; SendPacing calls it once a minute. */
    public void forgetIdle() {
        long now = clock.getAsLong();
        recipients.values().removeIf(e -> now - e.lastUse > IDLE_NANOS);
    }

    public int recipients() {
        return recipients.size();
    }

    private static final class Entry {
        final TokenBucket bucket;
        volatile long lastUse;

        Entry(TokenBucket bucket) {
            this.bucket = bucket;
        }
    }
}
