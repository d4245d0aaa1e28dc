package com.parla.connector.outbound.channel;

import com.parla.connector.api.Channel;
import com.parla.connector.api.OutboundMessage;
import com.parla.connector.api.OutboundMessage.Choice;
import com.parla.connector.api.OutboundMessage.Kind;
import com.parla.connector.api.SendResult;
import com.parla.connector.api.SendResult.Outcome;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.parla.connector.outbound.channel.Fixtures.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The client against a local fake channel API: the request on the wire, and the documented answers classified. */
class ChannelClientTest {

    private HttpServer server;
    private String base;
    private volatile int status;
    private volatile String answer;
    private volatile long delayMillis;
    private volatile Seen seen;
    private final List<LogRecord> logs = new CopyOnWriteArrayList<>();
    private final Logger logger = Logger.getLogger(ChannelClient.class.getName());
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logs.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private Level previousLevel;
    private final ChannelClient client = new ChannelClient(Duration.ofSeconds(2), Duration.ofMillis(700));

    record Seen(String method, String path, String query, String authorization, String contentType, String body) {
    }

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        previousLevel = logger.getLevel();
        logger.setLevel(Level.ALL);
        capture.setLevel(Level.ALL);
        logger.addHandler(capture);
    }

    @AfterEach
    void stop() {
        logger.removeHandler(capture);
        logger.setLevel(previousLevel);
        server.stop(0);
        // the token never reaches a log record, its parameters or its thrown cause
        for (LogRecord record : logs) {
            String text = record.getMessage() + " " + java.util.Arrays.toString(record.getParameters())
                    + " " + record.getThrown();
            for (String token : List.of(Fixtures.WA_TOKEN, Fixtures.TG_TOKEN, Fixtures.FB_TOKEN, Fixtures.WX_TOKEN)) {
                assertFalse(text.contains(token), "token in log: " + text);
            }
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        seen = new Seen(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders().getFirst("Authorization"),
                exchange.getRequestHeaders().getFirst("Content-Type"), new String(body, StandardCharsets.UTF_8));
        if (delayMillis > 0) {
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        byte[] out = answer.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, out.length);
        exchange.getResponseBody().write(out);
        exchange.close();
    }

    private void answer(int status, String body) {
        this.status = status;
        this.answer = body;
    }

    private SendResult whatsapp() {
        ChannelRequest request = ChannelRenderers.forChannel(Channel.WHATSAPP).render(
                OutboundMessage.text("store-wa", "5511999990000", "Your order #A12 shipped"), Fixtures.whatsapp(base + "/v25.0"));
        return client.send(request, Channel.WHATSAPP);
    }

    private static String metaError(int code, String message) {
        return "{\"error\":{\"message\":\"" + message + "\",\"type\":\"OAuthException\",\"code\":" + code
                + ",\"error_data\":{\"messaging_product\":\"whatsapp\",\"details\":\"" + message + "\"},\"fbtrace_id\":\"Az8\"}}";
    }

    @Test
    void whatsappAcceptedWithWamidAndTheRequestIsAsRendered() {
        answer(200, "{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"5511999990000\",\"wa_id\":\"5511999990000\"}],"
                + "\"messages\":[{\"id\":\"wamid.HBgLNTUxMTk5OTk5MDAwMBUCABEYEjA=\"}]}");
        SendResult result = whatsapp();
        assertEquals(SendResult.accepted("wamid.HBgLNTUxMTk5OTk5MDAwMBUCABEYEjA="), result);
        assertEquals("POST", seen.method());
        assertEquals("/v25.0/1065550001/messages", seen.path());
        assertEquals("Bearer " + Fixtures.WA_TOKEN, seen.authorization());
        assertEquals("application/json", seen.contentType());
        assertEquals("Your order #A12 shipped", parse(seen.body()).getJsonObject("text").getString("body"));
    }

    @Test
    void whatsappOutsideTheWindowFailsForGood() {
        answer(400, metaError(131047, "Re-engagement message"));
        SendResult result = whatsapp();
        assertEquals(Outcome.FAILED, result.outcome());
        assertEquals("131047", result.errorCode());
        assertTrue(result.error().contains("Re-engagement message"), result.error());
        assertNull(result.retryAfter());
    }

    @Test
    void whatsappThroughputAndPairLimitsAreRetriedAfterTheWaitTheyImply() {
        answer(400, metaError(130429, "Rate limit hit"));
        SendResult throughput = whatsapp();
        assertEquals(Outcome.RETRY, throughput.outcome());
        assertEquals("130429", throughput.errorCode());
        assertEquals(Duration.ofSeconds(1), throughput.retryAfter(), "throughput is counted per second");
        answer(400, metaError(131056, "(Business Account, Consumer Account) pair rate limit hit"));
        SendResult pair = whatsapp();
        assertEquals(Outcome.RETRY, pair.outcome());
        assertEquals("131056", pair.errorCode());
        assertEquals(Duration.ofSeconds(6), pair.retryAfter(), "one message per 6 s to a user");
    }

    @Test
    void serverErrorIsRetriedWithoutAWaitOfTheChannels() {
        answer(500, metaError(131000, "Something went wrong"));
        SendResult result = whatsapp();
        assertEquals(Outcome.RETRY, result.outcome());
        assertNull(result.retryAfter(), "the outbox's backoff decides");
        answer(502, "<html>Bad gateway</html>");
        assertEquals(new SendResult(Outcome.RETRY, null, "502", "HTTP 502 (HTTP 502)", null), whatsapp());
    }

    @Test
    void unreadableSuccessIsRetriedAsBadResponse() {
        answer(200, "{\"messaging_product\":\"whatsapp\"}");
        SendResult result = whatsapp();
        assertEquals(Outcome.RETRY, result.outcome());
        assertEquals(ChannelResponses.BAD_RESPONSE, result.errorCode());
    }

    private SendResult telegram(OutboundMessage message) {
        ChannelRequest request = ChannelRenderers.forChannel(Channel.TELEGRAM).render(message, Fixtures.telegram(base));
        return client.send(request, Channel.TELEGRAM);
    }

    @Test
    void telegramAcceptedWithMessageIdAndButtonsOnTheWire() {
        answer(200, "{\"ok\":true,\"result\":{\"message_id\":4711,\"date\":1750000000,\"chat\":{\"id\":123456789,\"type\":\"private\"},\"text\":\"Pick\"}}");
        SendResult result = telegram(OutboundMessage.builder("store-tg", "123456789", Kind.BUTTONS).text("Pick")
                .choices(List.of(new Choice("ok:A12", "OK", null))).build());
        assertEquals(SendResult.accepted("4711"), result);
        assertEquals("/bot" + Fixtures.TG_TOKEN + "/sendMessage", seen.path());
        assertEquals("ok:A12", parse(seen.body()).getJsonObject("reply_markup").getJsonArray("inline_keyboard")
                .getJsonArray(0).getJsonObject(0).getString("callback_data"));
    }

    @Test
    void telegramTooManyRequestsWaitsRetryAfter() {
        answer(429, "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after 7\",\"parameters\":{\"retry_after\":7}}");
        SendResult result = telegram(OutboundMessage.text("store-tg", "123456789", "hi"));
        assertEquals(Outcome.RETRY, result.outcome());
        assertEquals("429", result.errorCode());
        assertEquals(Duration.ofSeconds(7), result.retryAfter());
    }

    @Test
    void telegramBlockedBotFails() {
        answer(403, "{\"ok\":false,\"error_code\":403,\"description\":\"Forbidden: bot was blocked by the user\"}");
        SendResult result = telegram(OutboundMessage.text("store-tg", "123456789", "hi"));
        assertEquals(Outcome.FAILED, result.outcome());
        assertEquals("403", result.errorCode());
        assertTrue(result.error().startsWith("Forbidden: bot was blocked by the user"), result.error());
    }

    @Test
    void messengerSendsTheTokenAsQueryParameter() {
        answer(200, "{\"recipient_id\":\"PSID1\",\"message_id\":\"m_AAA\"}");
        ChannelRequest request = ChannelRenderers.forChannel(Channel.MESSENGER).render(
                OutboundMessage.text("store-fb", "PSID1", "hi"), Fixtures.messenger(base + "/v25.0"));
        assertEquals(SendResult.accepted("m_AAA"), client.send(request, Channel.MESSENGER));
        assertEquals("/v25.0/me/messages", seen.path());
        assertEquals("access_token=" + Fixtures.FB_TOKEN, seen.query());
        assertNull(seen.authorization());
    }

    private SendResult wechat() {
        ChannelRequest request = ChannelRenderers.forChannel(Channel.WECHAT).render(
                OutboundMessage.text("store-wx", "oUser123", "hi"), Fixtures.wechat(base));
        return client.send(request, Channel.WECHAT);
    }

    @Test
    void wechatErrcodes() {
        answer(200, "{\"errcode\":0,\"errmsg\":\"ok\"}");
        assertEquals(SendResult.accepted(null), wechat());
        assertEquals("/cgi-bin/message/custom/send", seen.path());
        assertEquals("access_token=" + Fixtures.WX_TOKEN, seen.query());
        answer(200, "{\"errcode\":45015,\"errmsg\":\"response out of time limit or subscription is canceled\"}");
        SendResult late = wechat();
        assertEquals(Outcome.FAILED, late.outcome());
        assertEquals("45015", late.errorCode());
        answer(200, "{\"errcode\":-1,\"errmsg\":\"system error\"}");
        assertEquals(Outcome.RETRY, wechat().outcome());
    }

    @Test
    void connectionRefusedIsRetriedAsIo() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        ChannelRequest request = ChannelRenderers.forChannel(Channel.TELEGRAM).render(
                OutboundMessage.text("store-tg", "123456789", "hi"), Fixtures.telegram("http://127.0.0.1:" + closedPort));
        SendResult result = client.send(request, Channel.TELEGRAM);
        assertEquals(Outcome.RETRY, result.outcome());
        assertEquals(ChannelClient.IO, result.errorCode());
        assertNull(result.retryAfter());
        assertFalse(result.error().contains(Fixtures.TG_TOKEN), result.error());
        assertFalse(result.toString().contains(Fixtures.TG_TOKEN));
    }

    @Test
    void slowAnswerTimesOutAndIsRetried() {
        answer(200, "{\"ok\":true,\"result\":{\"message_id\":1}}");
        delayMillis = 2_000;
        ChannelRequest request = ChannelRenderers.forChannel(Channel.TELEGRAM).render(
                OutboundMessage.text("store-tg", "123456789", "hi"), Fixtures.telegram(base));
        SendResult result = client.send(request, Channel.TELEGRAM);
        assertEquals(Outcome.RETRY, result.outcome());
        assertEquals(ChannelClient.IO, result.errorCode());
        assertTrue(result.error().startsWith("timed out"), result.error());
        assertFalse(result.error().contains(Fixtures.TG_TOKEN));
    }

    @Test
    void scrubRemovesTheUriFromExceptionTexts() {
        java.net.URI uri = java.net.URI.create("https://api.example/bot" + Fixtures.TG_TOKEN + "/sendMessage?access_token=x");
        String text = ChannelClient.scrub(new IOException("failed " + uri + " and " + uri.getPath()), uri);
        assertFalse(text.contains(Fixtures.TG_TOKEN), text);
        assertTrue(text.startsWith("IOException failed"), text);
    }

    @Test
    void theWebChatHasNoRenderer() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> ChannelRenderers.forChannel(Channel.WEBCHAT));
    }
}
