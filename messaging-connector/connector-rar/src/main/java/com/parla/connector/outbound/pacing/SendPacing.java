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

    private final ConcurrentMap<String, Paced> byAccount = new ConcurrentHashMap<>();
    private final LongSupplier clock;

    public SendPacing(LongSupplier nanoClock) {
        this.clock = nanoClock;
    }

    private record Paced(int rate, TokenBucket sender, PairPacing recipients) {
    }

    /** @return nanoseconds to wait before this send may go */
    public long reserveNanos(ChannelAccountRegistration account, String recipient) {
        int rate = account.messagesPerSecond() > 0 ? account.messagesPerSecond() : DEFAULT_RATE;
        Paced paced = byAccount.compute(account.accountKey(), (key, current) ->
                current != null && current.rate() == rate ? current : paced(account.channel(), rate));
        long sender = paced.sender().reserveNanos();
        long pair = paced.recipients() == null ? 0 : paced.recipients().reserveNanos(recipient);
        return Math.max(sender, pair);
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
