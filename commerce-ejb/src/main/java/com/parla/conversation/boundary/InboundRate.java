package com.parla.conversation.boundary;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * About how many customer messages this server took in the last second, counted per tenth of a second without
 * locks (a count lost when two threads open a new tenth at once does not matter): what tells the dialogue engine
 * that webhooks are flooding in, and that acknowledging them comes first.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class InboundRate {

    private static final int SLOTS = 10;
    private static final long SLOT_NANOS = 100_000_000L;

    private final AtomicLongArray tenths = new AtomicLongArray(SLOTS);
    private final AtomicLongArray counts = new AtomicLongArray(SLOTS);

    public void took(int messages) {
        long tenth = System.nanoTime() / SLOT_NANOS;
        int slot = (int) Math.floorMod(tenth, SLOTS);
        if (tenths.get(slot) != tenth) {
            tenths.set(slot, tenth);
            counts.set(slot, 0);
        }
        counts.addAndGet(slot, messages);
    }

    /** Messages taken over the last second. */
    public long perSecond() {
        long now = System.nanoTime() / SLOT_NANOS;
        long total = 0;
        for (int slot = 0; slot < SLOTS; slot++) {
            if (now - tenths.get(slot) < SLOTS) {
                total += counts.get(slot);
            }
        }
        return total;
    }
}
