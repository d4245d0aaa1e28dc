package com.parla.connector.outbound.channel;

import com.parla.connector.api.Channel;
import java.time.Duration;

/**
 * What a channel's error means (channels.md §1.9, §2.3, §3.3, §4.3): worth another try, with the wait the channel
 * asks for or implies, or refused for good, so that a message outside the service window or to a customer who
 * opted out is never sent again. How many tries and how far apart is the caller's business (the outbox).
 */
public final class ChannelErrors {

    /** WhatsApp's pair limit: about one message per 6 s to the same user (131056). */
    static final Duration PAIR_LIMIT_WAIT = Duration.ofSeconds(6);
    /** WhatsApp's throughput is counted per second (130429). */
    static final Duration THROUGHPUT_WAIT = Duration.ofSeconds(1);
    /** App, account and page call-rate limits: back off for minutes, not seconds. */
    static final Duration CALL_RATE_WAIT = Duration.ofMinutes(1);

    private ChannelErrors() {
    }

    /**
     * @param retry  whether another attempt may succeed
     * @param channelWait the channel's own wait before it, or null when it implies none
     * @param reason what the error means, for the record
     */
    public record Verdict(boolean retry, Duration channelWait, String reason) {
    }

    /**
     * @param httpStatus the HTTP status of the channel's answer (0 if no answer: network failure)
     * @param errorCode  the channel's error code, 0 if none
     * @param retryAfter the channel's own wait (Telegram {@code parameters.retry_after}), seconds, or -1
     */
    public static Verdict classify(Channel channel, int httpStatus, int errorCode, int retryAfter) {
        if (retryAfter >= 0) {
            return retry(Duration.ofSeconds(retryAfter), "channel asked to wait");
        }
        switch (channel) {
            case WHATSAPP -> {
                switch (errorCode) {
                    case 131047: return giveUp("outside the 24-hour window: send a template");
                    case 131026: return giveUp("undeliverable to this recipient");
                    case 131050: return giveUp("recipient stopped marketing messages");
                    case 131048: return giveUp("number restricted for spam: stop the campaign");
                    case 131049: return giveUp("per-user marketing limit: not now");
                    case 132000, 132001, 132012, 132015:
                        return giveUp("template problem " + errorCode + ": fix the template");
                    case 190: return giveUp("access token expired");
                    case 131056: return retry(PAIR_LIMIT_WAIT, "pair rate limit");
                    case 130429: return retry(THROUGHPUT_WAIT, "throughput limit");
                    case 4, 80007: return retry(CALL_RATE_WAIT, "call-rate limit");
                    default: break;
                }
            }
            case MESSENGER -> {
                if (errorCode == 4 || errorCode == 613) {
                    return retry(CALL_RATE_WAIT, "call-rate limit"); // app / page call-rate limit (§3.3)
                }
            }
            case WECHAT -> {
                // WeChat answers HTTP 200 with errcode in the body (§4.3)
                switch (errorCode) {
                    case -1: return retry(null, "system busy");
                    // the connector renews the token when it is refused, so the next attempt carries a new one
                    case 40001, 40014, 42001: return retry(null, "access token invalid or expired");
                    case 45015: return giveUp("outside the 48-hour window: send a template");
                    case 45047: return giveUp("customer-service quota used: wait for the user to write");
                    default: break;
                }
            }
            default -> {
            }
        }
        if (httpStatus == 0 || httpStatus == 429 || httpStatus >= 500) {
            return retry(null, httpStatus == 0 ? "no answer" : "HTTP " + httpStatus);
        }
        return giveUp("refused: HTTP " + httpStatus + (errorCode != 0 ? ", error " + errorCode : ""));
    }

    /** Whether WeChat refused the access token the request carried (it must be renewed). */
    public static boolean weChatTokenRefused(String errorCode) {
        return "40001".equals(errorCode) || "40014".equals(errorCode) || "42001".equals(errorCode);
    }

    private static Verdict retry(Duration wait, String reason) {
        return new Verdict(true, wait, reason);
    }

    private static Verdict giveUp(String reason) {
        return new Verdict(false, null, reason);
    }
}
