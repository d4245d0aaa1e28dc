package com.parla.connector.outbound;

import com.parla.connector.account.ChannelAccounts;
import com.parla.connector.api.Channel;
import com.parla.connector.api.ChannelAccountRegistration;
import com.parla.connector.api.OutboundMessage;
import com.parla.connector.api.SendResult;
import com.parla.connector.outbound.channel.ChannelClient;
import com.parla.connector.outbound.channel.WeChatAccessTokens;
import com.parla.connector.outbound.pacing.SendPacing;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.resource.ResourceException;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sending path against a local stand-in of WeChat's API (channels.md §4.3: {@code stable_token},
 * {@code message/custom/send}): the access token is obtained from the AppSecret, kept, renewed before it expires
 * and at once when WeChat refuses it.
 */
class ChannelSenderTest {

    private static final String APP_SECRET = "wechat-app-secret-0123456789abcd";

    private HttpServer wechat;
    private final AtomicInteger issued = new AtomicInteger();
    private final List<Boolean> forced = new CopyOnWriteArrayList<>();
    private final List<String> sentWith = new CopyOnWriteArrayList<>();
    private final Set<String> revoked = ConcurrentHashMap.newKeySet();
    private final AtomicReference<String> sameTokenAgain = new AtomicReference<>();
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-01T10:00:00Z"));
    private final ChannelAccounts accounts = new ChannelAccounts();
    private ChannelSender sender;

    @BeforeEach
    void start() throws IOException {
        wechat = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        wechat.createContext("/cgi-bin/stable_token", this::token);
        wechat.createContext("/cgi-bin/message/custom/send", this::send);
        wechat.start();
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        ChannelClient client = new ChannelClient();
        sender = new ChannelSender(accounts, client, new SendPacing(System::nanoTime),
                new WeChatAccessTokens(client, clock));
        accounts.addListener(sender);
        accounts.replaceAll(List.of(new ChannelAccountRegistration(Channel.WECHAT, "wx", "wxappid123", "token",
                "aeskey", APP_SECRET, 0, false, "http://127.0.0.1:" + wechat.getAddress().getPort())));
    }

    @AfterEach
    void stop() {
        wechat.stop(0);
    }

    @Test
    void theTokenIsObtainedOnceAndKeptUntilShortlyBeforeItExpires() throws Exception {
        assertTrue(send("oUser1").accepted());
        assertTrue(send("oUser2").accepted());
        assertEquals(1, issued.get(), "one token for both sends");
        assertEquals(List.of("T1", "T1"), sentWith);

        now.set(now.get().plus(Duration.ofSeconds(7200)).minus(Duration.ofMinutes(4)));
        assertTrue(send("oUser3").accepted());
        assertEquals(List.of("T1", "T1", "T2"), sentWith, "renewed within five minutes of the expiry");
        assertEquals(List.of(false, false), forced, "stable tokens: never forced while WeChat hands out a good one");
    }

    @Test
    void aRefusedTokenIsRenewedForTheNextAttempt() throws Exception {
        assertTrue(send("oUser1").accepted());
        revoked.add("T1");
        SendResult refused = send("oUser1");
        assertEquals(SendResult.Outcome.RETRY, refused.outcome());
        assertEquals("40001", refused.errorCode());
        assertTrue(send("oUser1").accepted());
        assertEquals(List.of("T1", "T1", "T2"), sentWith);
    }

    @Test
    void whenWeChatHandsBackTheRefusedTokenTheRenewalIsForced() throws Exception {
        assertTrue(send("oUser1").accepted());
        revoked.add("T1");
        sameTokenAgain.set("T1"); // a non-forced call still returns the token WeChat just refused
        assertEquals("40001", send("oUser1").errorCode());
        assertTrue(send("oUser1").accepted());
        assertEquals(List.of(false, false, true), forced);
        assertEquals("T2", sentWith.get(sentWith.size() - 1));
    }

    @Test
    void noTokenMeansRetryLaterAndNothingIsSent() throws Exception {
        wechat.removeContext("/cgi-bin/stable_token");
        wechat.createContext("/cgi-bin/stable_token", exchange -> answer(exchange,
                "{\"errcode\":40125,\"errmsg\":\"invalid appsecret\"}"));
        SendResult result = send("oUser1");
        assertEquals(SendResult.Outcome.RETRY, result.outcome());
        assertTrue(result.error().contains("40125"), result.error());
        assertFalse(result.error().contains(APP_SECRET), "the secret stays out of errors");
        assertEquals(List.of(), sentWith);
    }

    @Test
    void beforeTheAccountsAreHandedOverASendIsPostponedNotFailed() throws Exception {
        ChannelAccounts starting = new ChannelAccounts();
        ChannelSender early = new ChannelSender(starting, new ChannelClient(), new SendPacing(System::nanoTime),
                new WeChatAccessTokens(new ChannelClient(), Clock.systemUTC()));
        SendResult result = early.send(OutboundMessage.text("wx", "oUser1", "hi"));
        assertEquals(SendResult.NOT_READY, result.errorCode());
        assertTrue(result.postponed(), "not an attempt: the outbox tries again when the connector is ready");
        starting.replaceAll(List.of());
        assertThrows(ResourceException.class, () -> early.send(OutboundMessage.text("wx", "oUser1", "hi")),
                "once loaded, an unknown account is refused for good");
    }

    @Test
    void anAccountThatIsNotRegisteredCannotSend() {
        assertThrows(ResourceException.class, () -> sender.send(OutboundMessage.text("nobody", "oUser1", "hi")));
    }

    private SendResult send(String to) throws ResourceException {
        return sender.send(OutboundMessage.text("wx", to, "Your order A12 is on its way"));
    }

    private void token(HttpExchange exchange) throws IOException {
        JsonObject request = Json.createReader(new StringReader(new String(exchange.getRequestBody().readAllBytes(),
                StandardCharsets.UTF_8))).readObject();
        boolean force = request.getBoolean("force_refresh");
        forced.add(force);
        String again = sameTokenAgain.getAndSet(null);
        String token = again != null && !force ? again : "T" + issued.incrementAndGet();
        boolean right = request.getString("appid").equals("wxappid123") && request.getString("secret").equals(APP_SECRET)
                && request.getString("grant_type").equals("client_credential");
        answer(exchange, right ? "{\"access_token\":\"" + token + "\",\"expires_in\":7200}"
                : "{\"errcode\":40013,\"errmsg\":\"invalid appid\"}");
    }

    private void send(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        String token = exchange.getRequestURI().getQuery().replace("access_token=", "");
        sentWith.add(token);
        answer(exchange, revoked.contains(token) ? "{\"errcode\":40001,\"errmsg\":\"invalid credential\"}"
                : "{\"errcode\":0,\"errmsg\":\"ok\"}");
    }

    private static void answer(HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }
}
