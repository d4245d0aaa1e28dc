package com.parla.connector.api;

import java.io.Serializable;
import java.time.Duration;

/**
 * What became of one send. The connector paces sends and classifies the channel's answer: accepted, worth another
 * try, or refused for good. The caller (the application's outbox) owns the attempts and the backoff between them;
 * the connector only reports the wait the channel itself asks for or implies.
 *
 * @param outcome          accepted by the channel, retry later, or failed for good
 * @param channelMessageId the channel's id of the sent message when accepted (status callbacks carry it)
 * @param errorCode        the channel's error code (131047, 429, 403…) or {@code io} for no answer, else null
 * @param error            the channel's error description, else null
 * @param retryAfter       for {@link Outcome#RETRY}: the shortest wait the channel asks for (Telegram's
 *                         {@code retry_after}) or implies (WhatsApp's pair limit of one message per 6 s to a user),
 *                         or the recipient's next pacing slot for {@link #PACED}; null when the channel says nothing
 */
public record SendResult(Outcome outcome, String channelMessageId, String errorCode, String error,
                         Duration retryAfter) implements Serializable {

    public enum Outcome { ACCEPTED, RETRY, FAILED }

    /**
     * Error code of a send held back by the connector's pacing for this recipient: not a failure and not an
     * attempt; send again after {@code retryAfter}.
     */
    public static final String PACED = "paced";

    /**
     * Error code of a send the connector cannot make yet because the application has not handed it its accounts
     * (it is starting): not a failure and not an attempt; send again after {@code retryAfter}.
     */
    public static final String NOT_READY = "not-ready";

    /** Whether this is a hold-back (pacing, the connector starting) rather than an attempt that failed. */
    public boolean postponed() {
        return outcome == Outcome.RETRY && (PACED.equals(errorCode) || NOT_READY.equals(errorCode));
    }

    public static SendResult accepted(String channelMessageId) {
        return new SendResult(Outcome.ACCEPTED, channelMessageId, null, null, null);
    }

    public static SendResult retry(String errorCode, String error, Duration retryAfter) {
        return new SendResult(Outcome.RETRY, null, errorCode, error, retryAfter);
    }

    public static SendResult failed(String errorCode, String error) {
        return new SendResult(Outcome.FAILED, null, errorCode, error, null);
    }

    public boolean accepted() {
        return outcome == Outcome.ACCEPTED;
    }
}
