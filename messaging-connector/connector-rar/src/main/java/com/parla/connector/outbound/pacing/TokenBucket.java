package com.parla.connector.outbound.pacing;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Paces sends to a rate: {@code ratePerSecond} on average, up to {@code burst} at once after a quiet spell
 * (the generic cell rate algorithm: one "theoretical arrival time" instead of a token count). A sender reserves a
 * slot and waits the returned time before sending, so reservations made together are spread out in order instead
 * of being refused. Thread-safe; the clock is injectable so pacing is tested without sleeping.
 */
public final class TokenBucket {

    private final long interval;
    private final long tolerance;
    private final LongSupplier clock;
    private long theoreticalArrival;

    public TokenBucket(double ratePerSecond, int burst, LongSupplier nanoClock) {
        if (!(ratePerSecond > 0) || burst < 1) {
            throw new IllegalArgumentException("rate " + ratePerSecond + "/s, burst " + burst);
        }
        this.interval = Math.round(TimeUnit.SECONDS.toNanos(1) / ratePerSecond);
        this.tolerance = interval * (burst - 1L);
        this.clock = nanoClock;
        this.theoreticalArrival = nanoClock.getAsLong();
    }

    public static TokenBucket perSecond(double ratePerSecond, int burst) {
        return new TokenBucket(ratePerSecond, burst, System::nanoTime);
    }

    /** Reserves the next slot; returns how long to wait before sending in it (0: send now). */
    public synchronized long reserveNanos() {
        long now = clock.getAsLong();
        long arrival = Math.max(theoreticalArrival, now);
        theoreticalArrival = arrival + interval;
        return Math.max(0, arrival - tolerance - now);
    }

    /**
     * Reserves the next slot only if it comes within {@code maxWaitNanos}.
     *
     * @return the wait (0 or more) when reserved; when not, minus the wait the next slot would need
     */
    public synchronized long reserveIfWithin(long maxWaitNanos) {
        long now = clock.getAsLong();
        long arrival = Math.max(theoreticalArrival, now);
        long wait = Math.max(0, arrival - tolerance - now);
        if (wait > maxWaitNanos) {
            return -wait;
        }
        theoreticalArrival = arrival + interval;
        return wait;
    }

    /** Whether a send now would have to wait, without reserving. */
    public synchronized boolean wouldWait() {
        return Math.max(theoreticalArrival, clock.getAsLong()) - tolerance > clock.getAsLong();
    }
}
