package com.parla.connector.outbound.channel;

import com.parla.connector.api.Channel;
import com.parla.connector.api.SendResult;
import com.parla.connector.api.SendResult.Outcome;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Documented answers (channels.md §1.1, §1.7, §2, §3.2, §4.3) to SendResult, without HTTP. */
class ChannelResponsesTest {

    @Test
    void successes() {
        assertEquals(SendResult.accepted("wamid.X"), ChannelResponses.interpret(Channel.WHATSAPP, 200,
                "{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"1\",\"wa_id\":\"1\"}],\"messages\":[{\"id\":\"wamid.X\",\"message_status\":\"accepted\"}]}"));
        assertEquals(SendResult.accepted("m_1"), ChannelResponses.interpret(Channel.MESSENGER, 200,
                "{\"recipient_id\":\"PSID\",\"message_id\":\"m_1\"}"));
        assertEquals(SendResult.accepted("20"), ChannelResponses.interpret(Channel.TELEGRAM, 200,
                "{\"ok\":true,\"result\":{\"message_id\":20,\"date\":1,\"chat\":{\"id\":1,\"type\":\"private\"}}}"));
        assertEquals(SendResult.accepted(null), ChannelResponses.interpret(Channel.TELEGRAM, 200, "{\"ok\":true,\"result\":true}"));
        assertEquals(SendResult.accepted("200228332"), ChannelResponses.interpret(Channel.WECHAT, 200,
                "{\"errcode\":0,\"errmsg\":\"ok\",\"msgid\":200228332}"));
    }

    @ParameterizedTest(name = "{0} HTTP {1} {2} → {3} {4}")
    @CsvSource(delimiter = '|', value = {
            "whatsapp | 400 | {\"error\":{\"message\":\"Re-engagement message\",\"code\":131047}} | FAILED | 131047",
            "whatsapp | 401 | {\"error\":{\"message\":\"Session expired\",\"code\":190,\"error_subcode\":463}} | FAILED | 190",
            "whatsapp | 400 | {\"error\":{\"message\":\"pair rate\",\"code\":131056}} | RETRY | 131056",
            "whatsapp | 429 | {\"error\":{\"message\":\"Rate limit\",\"code\":130429}} | RETRY | 130429",
            "messenger | 400 | {\"error\":{\"message\":\"outside window\",\"code\":10,\"error_subcode\":2018278}} | FAILED | 10",
            "messenger | 400 | {\"error\":{\"message\":\"calls limit\",\"code\":613}} | RETRY | 613",
            "messenger | 503 | not json | RETRY | 503",
            "telegram | 400 | {\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: chat not found\"} | FAILED | 400",
            "telegram | 502 | <html>bad gateway</html> | RETRY | 502",
            "telegram | 200 | {\"ok\":true} | RETRY | bad-response",
            "wechat | 200 | {\"errcode\":45047,\"errmsg\":\"out of response count limit\"} | FAILED | 45047",
            "wechat | 200 | {\"errcode\":45015,\"errmsg\":\"response out of time limit\"} | FAILED | 45015",
            "wechat | 200 | {\"errcode\":40001,\"errmsg\":\"invalid credential\"} | RETRY | 40001",
            "wechat | 200 | {\"errcode\":-1,\"errmsg\":\"system error\"} | RETRY | -1",
            "wechat | 200 | '' | RETRY | bad-response",
    })
    void errors(String channel, int status, String body, Outcome outcome, String code) {
        SendResult result = ChannelResponses.interpret(Channel.ofWireName(channel).orElseThrow(), status, body);
        assertEquals(outcome, result.outcome(), String.valueOf(result));
        assertEquals(code, result.errorCode());
    }

    @Test
    void subcodeIsKeptInTheDescription() {
        SendResult result = ChannelResponses.interpret(Channel.MESSENGER, 400,
                "{\"error\":{\"message\":\"outside window\",\"code\":10,\"error_subcode\":2018278}}");
        assertEquals("outside window (subcode 2018278) (refused: HTTP 400, error 10)", result.error());
    }

    @Test
    void telegramRetryAfterWins() {
        SendResult result = ChannelResponses.interpret(Channel.TELEGRAM, 429,
                "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after 35\",\"parameters\":{\"retry_after\":35}}");
        assertEquals(Duration.ofSeconds(35), result.retryAfter());
    }
}
