package com.parla.conversation.boundary;

import com.parla.connector.api.SendResult;
import java.time.Duration;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** How long the outbox waits before trying a message again. */
class OutboxStepsTest {

    @Test
    void backoffDoublesFromTwoSecondsUpToFiveMinutes() {
        SendResult busy = SendResult.retry("500", "Internal Server Error", null);
        assertEquals(Duration.ofSeconds(2), OutboxSteps.retryDelay(busy, 0));
        assertEquals(Duration.ofSeconds(4), OutboxSteps.retryDelay(busy, 1));
        assertEquals(Duration.ofSeconds(32), OutboxSteps.retryDelay(busy, 4));
        assertEquals(Duration.ofMinutes(5), OutboxSteps.retryDelay(busy, 20));
    }

    @Test
    void theChannelsOwnDelayWinsWhenLonger() {
        assertEquals(Duration.ofSeconds(16), OutboxSteps.retryDelay(
                SendResult.retry("131056", "pair rate", Duration.ofSeconds(16)), 0));
        assertEquals(Duration.ofSeconds(8), OutboxSteps.retryDelay(
                SendResult.retry("429", "Too Many Requests", Duration.ofSeconds(1)), 2));
    }
}
