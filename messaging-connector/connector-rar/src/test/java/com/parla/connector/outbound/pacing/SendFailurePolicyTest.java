package com.parla.connector.outbound.pacing;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SendFailurePolicyTest {

    @ParameterizedTest(name = "{0} HTTP {1} error {2} → give up")
    @CsvSource({
            "whatsapp, 400, 131047", // outside the 24-hour window
            "whatsapp, 400, 131026", // undeliverable
            "whatsapp, 400, 131050", // opted out
            "whatsapp, 400, 131048",
            "whatsapp, 400, 132001",
            "whatsapp, 401, 190",
            "telegram, 403, 403", // bot blocked by the user
            "telegram, 400, 400",
            "messenger, 400, 100",
            "messenger, 400, 10", // outside the window (subcode 2018278)
            "wechat, 200, 45015", // outside the 48-hour window
            "wechat, 200, 45047", // customer-service quota used
            "wechat, 200, 40003", // invalid OpenID
    })
    void permanentErrorsAreNeverRetried(String channel, int status, int code) {
        assertFalse(SendFailurePolicy.decide(channel, status, code, -1, 1).retry());
    }

    @ParameterizedTest(name = "{0} HTTP {1} error {2} attempt {3} → retry in {4} s")
    @CsvSource({
            "whatsapp, 400, 131056, 1, 1", // pair rate: 4^n
            "whatsapp, 400, 131056, 2, 4",
            "whatsapp, 400, 131056, 3, 16",
            "whatsapp, 429, 130429, 1, 1", // throughput: exponential
            "whatsapp, 429, 130429, 3, 4",
            "whatsapp, 500, 131000, 2, 2",
            "messenger, 503, 0, 1, 1",
            "wechat, 0, 0, 4, 8", // no answer at all
            "wechat, 200, -1, 1, 1", // system busy
            "wechat, 200, 40001, 2, 2", // token refreshed meanwhile
            "messenger, 400, 613, 1, 1", // call-rate limit
    })
    void transientErrorsBackOff(String channel, int status, int code, int attempt, long seconds) {
        SendFailurePolicy.Decision decision = SendFailurePolicy.decide(channel, status, code, -1, attempt);
        assertTrue(decision.retry(), decision.reason());
        assertEquals(Duration.ofSeconds(seconds), decision.delay());
    }

    @ParameterizedTest(name = "telegram retry_after {0}")
    @CsvSource({"3", "35"})
    void telegramsRetryAfterIsObeyed(int retryAfter) {
        assertEquals(Duration.ofSeconds(retryAfter), SendFailurePolicy.decide("telegram", 429, 429, retryAfter, 1).delay());
    }

    @ParameterizedTest(name = "attempt {0}")
    @CsvSource({"6", "7"})
    void transientFailuresAreBounded(int attempt) {
        assertFalse(SendFailurePolicy.decide("whatsapp", 500, 131000, -1, attempt).retry());
    }
}
