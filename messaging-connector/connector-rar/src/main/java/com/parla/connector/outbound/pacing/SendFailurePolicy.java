package com.parla.connector.outbound.pacing;

import java.time.Duration;

/**
 * What to do after a failed send, by the channel's error (channels.md §1.9, §2): retry after a wait, or stop for
 * good with the reason, so that a message outside the 24-hour window or to an opted-out user is never retried
 * and a throttled one is retried with backoff.
 */
public final class SendFailurePolicy {

    /** Attempts after which a transient failure is given up. */
    public static final int MAX_ATTEMPTS = 6;

    private SendFailurePolicy() {
    }

    /** A decision: retry after {@code delay}, or (delay null) give up; {@code reason} says why. */
    public record Decision(Duration delay, String reason) {

        public boolean retry() {
            return delay != null;
        }
    }

    /**
     * @param httpStatus  the HTTP status of the channel's answer (0 if no answer: network failure)
     * @param errorCode   the channel's error code, 0 if none
     * @param retryAfter  the channel's own wait (Telegram {@code parameters.retry_after}), seconds, or -1
     * @param attempt     how many attempts failed so far, from 1
     */
    public static Decision decide(String channel, int httpStatus, int errorCode, int retryAfter, int attempt) {
        if (attempt >= MAX_ATTEMPTS) {
            return giveUp("gave up after " + attempt + " attempts");
        }
        if (retryAfter >= 0) {
            return retry(Duration.ofSeconds(retryAfter), "channel asked to wait");
        }
        if ("whatsapp".equals(channel)) {
            switch (errorCode) {
                case 131047: return giveUp("outside the 24-hour window: send a template");
                case 131026: return giveUp("undeliverable to this recipient");
                case 131050: return giveUp("recipient stopped marketing messages");
                case 131048: return giveUp("number restricted for spam: stop the campaign");
                case 131049: return giveUp("per-user marketing limit: not now");
                case 132000, 132001, 132012, 132015: return giveUp("template problem " + errorCode + ": fix the template");
                case 190: return giveUp("access token expired");
                case 131056: return retry(Duration.ofSeconds(pow4(attempt - 1)), "pair rate limit");
                case 130429, 4, 80007: return retry(exponential(attempt), "throughput limit");
                default: break;
            }
        }
        if ("messenger".equals(channel) && (errorCode == 4 || errorCode == 613)) {
            return retry(exponential(attempt), "rate limit"); // app / page call-rate limit (§3.3)
        }
        if ("wechat".equals(channel)) {
            // WeChat answers HTTP 200 with errcode in the body (§4.3)
            switch (errorCode) {
                case -1: return retry(exponential(attempt), "system busy");
                // the token lasts 2 h and the application refreshes it: a later attempt may carry the new one
                case 40001, 40014, 42001: return retry(exponential(attempt), "access token invalid or expired");
                case 45015: return giveUp("outside the 48-hour window: send a template");
                case 45047: return giveUp("customer-service quota used: wait for the user to write");
                default: break;
            }
        }
        if (httpStatus == 0 || httpStatus == 429 || httpStatus >= 500) {
            return retry(exponential(attempt), httpStatus == 0 ? "no answer" : "HTTP " + httpStatus);
        }
        return giveUp("refused: HTTP " + httpStatus + (errorCode != 0 ? ", error " + errorCode : ""));
    }

    /** 1, 2, 4, 8 … s, at most 5 minutes. */
    private static Duration exponential(int attempt) {
        return Duration.ofSeconds(Math.min(300, 1L << Math.min(attempt - 1, 20)));
    }

    /** 1, 4, 16, 64 … s, at most 5 minutes (Meta's 4^n for 131056). */
    private static long pow4(int n) {
        return Math.min(300, 1L << (2 * Math.min(n, 10)));
    }

    private static Decision retry(Duration wait, String reason) {
        return new Decision(wait, reason);
    }

    private static Decision giveUp(String reason) {
        return new Decision(null, reason);
    }
}
