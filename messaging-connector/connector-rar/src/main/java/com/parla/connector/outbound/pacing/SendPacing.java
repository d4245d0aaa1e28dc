package com.parla.connector.outbound.pacing;

import com.parla.connector.api.ChannelAccountRegistration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;

/**
 * The pacing of every registered account: its own send rate (a WhatsApp number's throughput, a Telegram bot's,
 * a Messenger page's) and, where the channel has one, the limit per recipient (WhatsApp about one message per
 * 6 s to a user with short bursts; Telegram one per second per chat). A send waits for both.
 */
public final class SendPacing {

    private static final int DEFAULT_RATE = 20;
    /** Longer waits for one recipient are not slept through: the caller is told to come back then. */
    public static final long MAX_RECIPIENT_WAIT_NANOS = 1_000_000_000L;

    private final ConcurrentMap<String, Paced> byAccount = new ConcurrentHashMap<>();
    private final LongSupplier clock;

    public SendPacing(LongSupplier nanoClock) {
        this.clock = nanoClock;
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
        int rate = account.messagesPerSecond() > 0 ? account.messagesPerSecond() : DEFAULT_RATE;
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

    private Paced paced(String channel, int rate) {
        // a burst of 1 keeps the sender's rate exact: the channel counts per second, not per minute
        TokenBucket sender = new TokenBucket(rate, 1, clock);
        PairPacing pair = switch (channel) {
            case "whatsapp" -> new PairPacing(1.0 / 6, 10, clock);
            case "telegram" -> new PairPacing(1.0, 3, clock);
            default -> null;
        };
        return new Paced(rate, sender, pair);
    }
}
