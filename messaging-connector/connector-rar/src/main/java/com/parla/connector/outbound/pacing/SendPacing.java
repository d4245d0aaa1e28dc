package com.parla.connector.outbound.pacing;

import com.parla.connector.api.Channel;
import com.parla.connector.api.ChannelAccountRegistration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The pacing of every registered account: its own send rate and, where the channel has one, the limit per
 * recipient ({@link ChannelRates}). A send waits for both.
 */
public final class SendPacing {

    /** Longer waits for one recipient are not slept through: the caller is told to come back then. */
    public static final long MAX_RECIPIENT_WAIT_NANOS = 1_000_000_000L;

    private static final long SWEEP_EVERY_NANOS = 60_000_000_000L;

    private final ConcurrentMap<String, Paced> byAccount = new ConcurrentHashMap<>();
    private final LongSupplier clock;
    private final AtomicLong lastSweep;

    public SendPacing(LongSupplier nanoClock) {
        this.clock = nanoClock;
        this.lastSweep = new AtomicLong(nanoClock.getAsLong());
    }

    private record Paced(int rate, TokenBucket sender, PairPacing recipients) {
    }

    /**
     * @param waitNanos how long to wait before sending in the reserved slots, or, when not reserved, until the
     *                  recipient's next slot
     * @param reserved  false when the recipient's next slot is more than a second away: nothing was reserved
     */
    public record Pace(long waitNanos, boolean reserved) {
    }

    public Pace reserve(ChannelAccountRegistration account, String recipient) {
        forgetIdleRecipients();
        int rate = account.messagesPerSecond() > 0 ? account.messagesPerSecond()
                : ChannelRates.accountRate(account.channel());
        Paced paced = byAccount.compute(account.accountKey(), (key, current) ->
                current != null && current.rate() == rate ? current : paced(account.channel(), rate));
        long pair = 0;
        if (paced.recipients() != null) {
            pair = paced.recipients().reserveIfWithin(recipient, MAX_RECIPIENT_WAIT_NANOS);
            if (pair < 0) {
                return new Pace(-pair, false);
            }
        }
        return new Pace(Math.max(paced.sender().reserveNanos(), pair), true);
    }

    public void forget(String accountKey) {
        byAccount.remove(accountKey);
    }

    /** Once a minute, recipients not written to for an hour are dropped: the maps do not grow with every customer. */
    private void forgetIdleRecipients() {
        long now = clock.getAsLong();
        long last = lastSweep.get();
        if (now - last > SWEEP_EVERY_NANOS && lastSweep.compareAndSet(last, now)) {
            byAccount.values().stream().map(Paced::recipients).filter(java.util.Objects::nonNull)
                    .forEach(PairPacing::forgetIdle);
        }
    }

    private Paced paced(Channel channel, int rate) {
        // a burst of 1 keeps the sender's rate exact: the channel counts per second, not per minute
        TokenBucket sender = new TokenBucket(rate, 1, clock);
        PairPacing pair = ChannelRates.perRecipient(channel)
                .map(limit -> new PairPacing(limit.perSecond(), limit.burst(), clock)).orElse(null);
        return new Paced(rate, sender, pair);
    }
}
