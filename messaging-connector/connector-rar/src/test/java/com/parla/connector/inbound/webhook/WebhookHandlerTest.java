package com.parla.connector.inbound.webhook;

import com.parla.connector.api.Channel;
import com.parla.connector.account.ChannelAccounts;
import com.parla.connector.api.ChannelAccountRegistration;
import com.parla.connector.api.InboundMessage;
import com.parla.connector.inbound.DeliveryOutcome;
import com.parla.connector.inbound.authenticity.MetaWebhook;
import com.parla.connector.inbound.authenticity.WeChatMessageCrypto;
import com.parla.connector.inbound.authenticity.WeChatWebhook;
import com.parla.connector.inbound.parse.WebhookParsers;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The webhook listener's answers for the channels the system tests do not drive (Messenger, WeChat plain and safe
 * mode), and what it does when a receiver fails or none is bound: the real handler and parsers, a plain executor
 * in place of the WorkManager, and a recording receiver.
 */
class WebhookHandlerTest {

    private static final String AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    private static final String WECHAT_APP_ID = "wx5823bf96d3bd56c7";
    private static final String WECHAT_TOKEN = "wechat-token";

    private final ChannelAccounts accounts = new ChannelAccounts();
    private final List<InboundMessage> delivered = new CopyOnWriteArrayList<>();
    private Function<InboundMessage, DeliveryOutcome> receivers = m -> {
        delivered.add(m);
        return new DeliveryOutcome(1, 1);
    };
    private HttpServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void listen() throws IOException {
        accounts.replaceAll(List.of(
                new ChannelAccountRegistration(Channel.MESSENGER, "fb-page", "104455667788990", "fb-verify",
                        "fb-secret", "page-token", 0, false, "http://127.0.0.1:9"),
                new ChannelAccountRegistration(Channel.WECHAT, "wx-plain", WECHAT_APP_ID, WECHAT_TOKEN, null,
                        "wx-token", 0, false, "http://127.0.0.1:9"),
                new ChannelAccountRegistration(Channel.WECHAT, "wx-safe", WECHAT_APP_ID, WECHAT_TOKEN, AES_KEY,
                        "wx-token", 0, false, "http://127.0.0.1:9")));
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        server.createContext(WebhookListener.CONTEXT, new WebhookHandler(accounts, WebhookParsers::forChannel,
                this::oneByOne));
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void aSignedMessengerBatchIsDeliveredMessageByMessage() throws Exception {
        byte[] body = fixture("messenger/messages.json");
        HttpResponse<String> answer = post("messenger/fb-page", "", body,
                "X-Hub-Signature-256", MetaWebhook.signature(body, "fb-secret"));
        assertEquals(200, answer.statusCode());
        assertTrue(delivered.size() >= 2, "all its messages: " + delivered);
        assertEquals("m_text-1", delivered.get(0).channelMessageId());
        assertEquals("Do you ship to Porto?", delivered.get(0).text());
    }

    @Test
    void messengerWithTheSecretOfAnotherAppIsRefused() throws Exception {
        byte[] body = fixture("messenger/messages.json");
        assertEquals(401, post("messenger/fb-page", "", body, "X-Hub-Signature-256",
                MetaWebhook.signature(body, "other-app-secret")).statusCode());
        assertEquals(List.of(), delivered);
    }

    @Test
    void messengerHandshake() throws Exception {
        assertEquals("42", get("messenger/fb-page", "hub.mode=subscribe&hub.verify_token=fb-verify&hub.challenge=42")
                .body());
        assertEquals(403, get("messenger/fb-page", "hub.mode=subscribe&hub.verify_token=no&hub.challenge=42")
                .statusCode());
    }

    @Test
    void weChatEchoesOnlyASignedCheck() throws Exception {
        String signature = WeChatWebhook.signature(WECHAT_TOKEN, "1761500000", "nonce1");
        HttpResponse<String> ok = get("wechat/wx-plain", "signature=" + signature
                + "&timestamp=1761500000&nonce=nonce1&echostr=echo-123");
        assertEquals(200, ok.statusCode());
        assertEquals("echo-123", ok.body());
        assertEquals(403, get("wechat/wx-plain", "signature=" + signature
                + "&timestamp=1761500001&nonce=nonce1&echostr=echo-123").statusCode());
    }

    @Test
    void aSignedPlainWeChatMessageIsAnsweredSuccess() throws Exception {
        HttpResponse<String> answer = post("wechat/wx-plain", signedQuery("1761500000", "n2"),
                fixture("wechat/text.xml"), null, null);
        assertEquals(200, answer.statusCode());
        assertEquals("success", answer.body(), "anything else makes WeChat show the customer an error");
        assertEquals("24601357913579246", delivered.get(0).channelMessageId());
        assertEquals(" 我的订单到哪里了？ ", delivered.get(0).text());
    }

    @Test
    void aSafeModeWeChatMessageIsCheckedDecryptedAndDelivered() throws Exception {
        String encrypted = new WeChatMessageCrypto(AES_KEY, WECHAT_APP_ID)
                .encrypt(new String(fixture("wechat/text.xml"), StandardCharsets.UTF_8));
        byte[] envelope = ("<xml><ToUserName><![CDATA[gh_3a9c0b1d2e4f]]></ToUserName><Encrypt><![CDATA["
                + encrypted + "]]></Encrypt></xml>").getBytes(StandardCharsets.UTF_8);
        String query = signedQuery("1761500000", "n3") + "&encrypt_type=aes&msg_signature="
                + WeChatWebhook.signature(WECHAT_TOKEN, "1761500000", "n3", encrypted);
        assertEquals(200, post("wechat/wx-safe", query, envelope, null, null).statusCode());
        assertEquals(" 我的订单到哪里了？ ", delivered.get(0).text());

        // the same envelope with a msg_signature over something else is refused, nothing delivered
        delivered.clear();
        String forged = signedQuery("1761500000", "n3") + "&encrypt_type=aes&msg_signature="
                + WeChatWebhook.signature(WECHAT_TOKEN, "1761500000", "n3", encrypted + "x");
        assertEquals(401, post("wechat/wx-safe", forged, envelope, null, null).statusCode());
        assertEquals(List.of(), delivered);
    }

    @Test
    void anUnsignedWeChatPushIsRefused() throws Exception {
        assertEquals(401, post("wechat/wx-plain", "timestamp=1&nonce=2", fixture("wechat/text.xml"), null, null)
                .statusCode());
        assertEquals(List.of(), delivered);
    }

    @Test
    void aReceiverFailureIs500AndNoReceiverIs503SoTheChannelRetries() throws Exception {
        byte[] body = fixture("messenger/messages.json");
        String signature = MetaWebhook.signature(body, "fb-secret");
        receivers = m -> new DeliveryOutcome(1, 0);
        assertEquals(500, post("messenger/fb-page", "", body, "X-Hub-Signature-256", signature).statusCode());
        receivers = m -> new DeliveryOutcome(0, 0);
        assertEquals(503, post("messenger/fb-page", "", body, "X-Hub-Signature-256", signature).statusCode());
    }

    @Test
    void whenTheSecondMessageOfABatchFailsTheAnswerIs500AndTheRetryRedeliversBoth() throws Exception {
        byte[] body = fixture("messenger/messages.json");
        String signature = MetaWebhook.signature(body, "fb-secret");
        receivers = m -> {
            delivered.add(m);
            return new DeliveryOutcome(1, delivered.size() == 2 ? 0 : 1);
        };
        assertEquals(500, post("messenger/fb-page", "", body, "X-Hub-Signature-256", signature).statusCode());
        assertEquals(2, delivered.size(), "it stopped at the failure");
        // the channel's retry brings the first one again: the application's unique key makes that harmless
        assertEquals(200, post("messenger/fb-page", "", body, "X-Hub-Signature-256", signature).statusCode());
        assertEquals(delivered.get(0).channelMessageId(), delivered.get(2).channelMessageId());
    }

    @Test
    void aChannelAndAccountThatDoNotMatchAreUnknown() throws Exception {
        byte[] body = fixture("messenger/messages.json");
        assertEquals(404, post("whatsapp/fb-page", "", body, "X-Hub-Signature-256",
                MetaWebhook.signature(body, "fb-secret")).statusCode());
        assertEquals(404, post("messenger/fb-page/extra", "", body, null, null).statusCode());
        assertEquals(405, http.send(HttpRequest.newBuilder(uri("messenger/fb-page", ""))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode());
        assertEquals(List.of(), delivered);
    }

    @Test
    void beforeTheApplicationHasRegisteredItsAccountsAnUnknownAccountIs503NotRefused() throws Exception {
        ChannelAccounts starting = new ChannelAccounts();
        HttpServer early = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        early.createContext(WebhookListener.CONTEXT, new WebhookHandler(starting, WebhookParsers::forChannel,
                this::oneByOne));
        early.start();
        try {
            byte[] body = fixture("messenger/messages.json");
            String signature = MetaWebhook.signature(body, "fb-secret");
            URI webhook = URI.create("http://127.0.0.1:" + early.getAddress().getPort() + "/webhooks/messenger/fb-page");
            HttpRequest request = HttpRequest.newBuilder(webhook).header("X-Hub-Signature-256", signature)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
            assertEquals(503, answer.statusCode(), "the channel delivers it again later");
            assertTrue(answer.body().contains("not loaded yet"), answer.body());
            // an account registered on its own before the full load is served already
            starting.register(new ChannelAccountRegistration(Channel.MESSENGER, "fb-page", "104455667788990",
                    "fb-verify", "fb-secret", "page-token", 0, false, "http://127.0.0.1:9"));
            assertEquals(200, http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode());
            URI other = URI.create("http://127.0.0.1:" + early.getAddress().getPort() + "/webhooks/messenger/other");
            assertEquals(503, http.send(HttpRequest.newBuilder(other).POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build(), HttpResponse.BodyHandlers.ofString()).statusCode());
            starting.replaceAll(List.of());
            assertEquals(404, http.send(HttpRequest.newBuilder(other).POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build(), HttpResponse.BodyHandlers.ofString()).statusCode(), "loaded: unknown is unknown");
        } finally {
            early.stop(0);
        }
    }

    /** The receivers' answer for each message in turn, up to the first not taken (as the connector falls back). */
    private DeliveryOutcome oneByOne(List<InboundMessage> messages) {
        DeliveryOutcome outcome = null;
        for (InboundMessage message : messages) {
            outcome = receivers.apply(message);
            if (!outcome.taken()) {
                break;
            }
        }
        return outcome;
    }

    private static String signedQuery(String timestamp, String nonce) {
        return "signature=" + WeChatWebhook.signature(WECHAT_TOKEN, timestamp, nonce) + "&timestamp=" + timestamp
                + "&nonce=" + URLEncoder.encode(nonce, StandardCharsets.UTF_8);
    }

    private HttpResponse<String> post(String path, String query, byte[] body, String header, String value)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path, query))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (header != null) {
            request.header(header, value);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String query) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path, query)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path, String query) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + WebhookListener.CONTEXT + path
                + (query.isEmpty() ? "" : "?" + query));
    }

    private static byte[] fixture(String path) throws IOException {
        try (InputStream in = WebhookHandlerTest.class.getResourceAsStream("/fixtures/" + path)) {
            return in.readAllBytes();
        }
    }
}
