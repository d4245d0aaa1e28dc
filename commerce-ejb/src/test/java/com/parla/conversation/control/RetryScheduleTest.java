package com.parla.conversation.control;

import com.parla.connector.api.SendResult;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** How long the outbox waits before trying a message again, and when it stops. */
class RetryScheduleTest {

    @Test
    void backoffDoublesFromTwoSecondsUpToFiveMinutes() {
        SendResult busy = SendResult.retry("500", "Internal Server Error", null);
        assertEquals(Duration.ofSeconds(2), RetrySchedule.retryDelay(busy, 0));
        assertEquals(Duration.ofSeconds(4), RetrySchedule.retryDelay(busy, 1));
        assertEquals(Duration.ofSeconds(32), RetrySchedule.retryDelay(busy, 4));
        assertEquals(Duration.ofMinutes(5), RetrySchedule.retryDelay(busy, 20));
    }

    @Test
    void theChannelsOwnDelayWinsWhenLonger() {
        assertEquals(Duration.ofSeconds(16), RetrySchedule.retryDelay(
                SendResult.retry("131056", "pair rate", Duration.ofSeconds(16)), 0));
        assertEquals(Duration.ofSeconds(8), RetrySchedule.retryDelay(
                SendResult.retry("429", "Too Many Requests", Duration.ofSeconds(1)), 2));
    }

    @Test
    void transientFailuresAreBoundedAtSixAttempts() {
        SendResult busy = SendResult.retry("500", "Internal Server Error", null);
        for (int failedBefore = 0; failedBefore < RetrySchedule.MAX_ATTEMPTS - 1; failedBefore++) {
            assertEquals(Optional.of(RetrySchedule.retryDelay(busy, failedBefore)),
                    RetrySchedule.afterFailedAttempt(busy, failedBefore), "attempt " + (failedBefore + 1));
        }
        assertEquals(Optional.empty(), RetrySchedule.afterFailedAttempt(busy, 5), "the 6th attempt is the last");
        assertEquals(Optional.empty(), RetrySchedule.afterFailedAttempt(busy, 9));
    }
}
