package com.parla.conversation.control;

import com.parla.connector.api.SendResult;
import java.time.Duration;
import java.util.Optional;

/**
 * When the outbox tries a message again, and when it gives up: the connector says whether an answer is worth
 * another try and what wait the channel asks for; the attempts and the backoff between them are decided here.
 */
public final class RetrySchedule {

    /** Attempts before a message that keeps failing transiently is given up (the channel's error is kept). */
    public static final int MAX_ATTEMPTS = 6;
    private static final Duration FIRST_RETRY = Duration.ofSeconds(2);
    private static final Duration LONGEST_RETRY = Duration.ofMinutes(5);

    private RetrySchedule() {
    }

    /**
     * @param attemptsSoFar failed attempts before this one
     * @return the wait before the next attempt, or empty when this was the last one
     */
    public static Optional<Duration> afterFailedAttempt(SendResult result, int attemptsSoFar) {
        if (attemptsSoFar + 1 >= MAX_ATTEMPTS) {
            return Optional.empty();
        }
        return Optional.of(retryDelay(result, attemptsSoFar));
    }

    /** The channel's own wait when it gives a longer one, else doubling from 2 s, at most 5 min. */
    static Duration retryDelay(SendResult result, int attemptsSoFar) {
        Duration backoff = FIRST_RETRY.multipliedBy(1L << Math.min(attemptsSoFar, 8));
        Duration delay = result.retryAfter() != null && result.retryAfter().compareTo(backoff) > 0
                ? result.retryAfter() : backoff;
        return delay.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : delay;
    }
}
