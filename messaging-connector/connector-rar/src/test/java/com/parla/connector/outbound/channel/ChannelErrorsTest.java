package com.parla.connector.outbound.channel;

import com.parla.connector.api.Channel;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What each documented error means: never again, or again after the channel's own wait (or none). */
class ChannelErrorsTest {

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
        assertFalse(classify(channel, status, code, -1).retry());
    }

    @ParameterizedTest(name = "{0} HTTP {1} error {2} → retry after at least {3} s")
    @CsvSource({
            "whatsapp, 400, 131056, 6", // pair rate: one per 6 s to a user
            "whatsapp, 429, 130429, 1", // throughput: per second
            "whatsapp, 400, 80007, 60", // account call-rate limit: minutes
            "messenger, 400, 613, 60", // call-rate limit
    })
    void rateLimitsCarryTheWaitTheyImply(String channel, int status, int code, long seconds) {
        ChannelErrors.Verdict verdict = classify(channel, status, code, -1);
        assertTrue(verdict.retry(), verdict.reason());
        assertEquals(Duration.ofSeconds(seconds), verdict.channelWait());
    }

    @ParameterizedTest(name = "{0} HTTP {1} error {2} → retry, the caller's backoff")
    @CsvSource({
            "whatsapp, 500, 131000",
            "messenger, 503, 0",
            "wechat, 0, 0", // no answer at all
            "wechat, 200, -1", // system busy
            "wechat, 200, 40001", // token refused: renewed for the next attempt
            "telegram, 502, 502",
    })
    void transientErrorsAreRetriedWithoutAWaitOfTheirOwn(String channel, int status, int code) {
        ChannelErrors.Verdict verdict = classify(channel, status, code, -1);
        assertTrue(verdict.retry(), verdict.reason());
        assertNull(verdict.channelWait());
    }

    @ParameterizedTest(name = "telegram retry_after {0}")
    @CsvSource({"3", "35"})
    void telegramsRetryAfterIsObeyed(int retryAfter) {
        assertEquals(Duration.ofSeconds(retryAfter), classify("telegram", 429, 429, retryAfter).channelWait());
    }

    private static ChannelErrors.Verdict classify(String channel, int status, int code, int retryAfter) {
        return ChannelErrors.classify(Channel.ofWireName(channel).orElseThrow(), status, code, retryAfter);
    }
}
