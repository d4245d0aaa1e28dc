package com.parla.system;

import com.parla.connector.api.Channel;
import com.parla.connector.api.ChannelAdministration;
import com.parla.conversation.boundary.Conversations;
import com.parla.conversation.entity.OutboxMessage;
import com.parla.conversation.entity.ReceivedMessage;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The channel wire end to end, in the deployed EAR: signed webhooks into the connector's own listener, the
 * message-driven bean storing them once, the dialogue engine's greeting and answer going out through the outbox to
 * the channel's API (played by {@link FakeChannelApi}), and the status callbacks coming back.
 */
@ExtendWith(ArquillianExtension.class)
class ChannelWebhooksIT {

    private static final String WHATSAPP = "demo-whatsapp";
    private static final String APP_SECRET = "parla-demo-app-secret";
    private static final String TELEGRAM = "demo-telegram";
    private static final Duration SENT_WITHIN = Duration.ofSeconds(20);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Deployment
    static EnterpriseArchive ear() {
        return ParlaEar.withTestClasses(new Class<?>[]{ChannelWebhooksIT.class, FakeChannelApi.class,
                FakeChannelApi.Request.class});
    }

    @EJB
    Conversations conversations;

    @Resource(lookup = "java:app/eis/channel-administration")
    ChannelAdministration connector;

    @Test
    void whatsAppHandshakeEchoesTheChallengeOnlyForTheRightToken() throws Exception {
        HttpResponse<String> ok = get(WHATSAPP, "hub.mode=subscribe&hub.verify_token=parla-demo-verify-token"
                + "&hub.challenge=1158201444");
        assertEquals(200, ok.statusCode());
        assertEquals("1158201444", ok.body());
        assertEquals(403, get(WHATSAPP, "hub.mode=subscribe&hub.verify_token=guess&hub.challenge=1").statusCode());
    }

    @Test
    void aCustomersFirstWhatsAppMessageIsStoredOnceGreetedAndAnswered() throws Exception {
        FakeChannelApi api = FakeChannelApi.started();
        String waId = customerNumber();
        String wamid = "wamid.IT-" + UUID.randomUUID();
        byte[] body = whatsAppText(waId, wamid, "Hi, do you have the sneakers in 38?");

        assertEquals(200, postSigned(body).statusCode());
        ReceivedMessage stored = conversations.find(Channel.WHATSAPP, WHATSAPP, wamid).orElseThrow();
        assertEquals("Hi, do you have the sneakers in 38?", stored.getBody());

        FakeChannelApi.Request greeting = api.await(r -> r.body().contains("\"to\":\"" + waId + "\""), SENT_WITHIN);
        assertEquals("POST", greeting.method());
        assertEquals("/graph/v23.0/100000000000001/messages", greeting.path());
        assertEquals("Bearer parla-demo-whatsapp-token", greeting.header("Authorization"));
        JsonObject json = Json.createReader(new StringReader(greeting.body())).readObject();
        assertEquals("whatsapp", json.getString("messaging_product"));
        assertEquals("text", json.getString("type"));
        assertTrue(json.getJsonObject("text").getString("body").startsWith("Hello Ana! Welcome to Demo Boutique."));
        // then the answer to what she asked: the sneakers, in a list
        await().atMost(SENT_WITHIN).until(() -> api.matching(r -> r.body().contains("\"to\":\"" + waId + "\"")),
                sent -> sent.size() == 2);
        JsonObject answer = Json.createReader(new StringReader(api.matching(
                r -> r.body().contains("\"to\":\"" + waId + "\"")).get(1).body())).readObject();
        assertEquals("interactive", answer.getString("type"));

        // WhatsApp delivers the same webhook again: 200, and no second message or reply. The message is stored
        // once; the engine answers stored messages, so a redelivery has nothing to answer
        assertEquals(200, postSigned(body).statusCode());
        assertEquals(stored.getId(), conversations.find(Channel.WHATSAPP, WHATSAPP, wamid).orElseThrow().getId());
        await().atMost(SENT_WITHIN).until(() -> conversations.pendingOf(Channel.WHATSAPP, WHATSAPP, waId) == 0);
        assertEquals(2, conversations.outboxOf(stored.getConversationId()).size(), "two replies queued, ever");
        assertEquals(2, api.matching(r -> r.body().contains("\"to\":\"" + waId + "\"")).size());

        // the channel reports delivery, then reading, of our greeting (once its answer is recorded)
        OutboxMessage sent = await().atMost(SENT_WITHIN).until(
                () -> conversations.outboxOf(stored.getConversationId()).get(0),
                m -> m.getStatus() != OutboxMessage.Status.PENDING);
        assertEquals(OutboxMessage.Status.SENT, sent.getStatus());
        assertTrue(sent.getChannelMessageId().startsWith("wamid.FAKE-"), sent.getChannelMessageId());
        assertEquals(200, postSigned(whatsAppStatus(waId, sent.getChannelMessageId(), "delivered")).statusCode());
        assertEquals(200, postSigned(whatsAppStatus(waId, sent.getChannelMessageId(), "read")).statusCode());
        assertEquals(OutboxMessage.Status.READ,
                conversations.outboxOf(stored.getConversationId()).get(0).getStatus());
    }

    @Test
    void forgedMissingAndReserializedSignaturesAreRefusedAndNothingIsStored() throws Exception {
        String wamid = "wamid.FORGED-" + UUID.randomUUID();
        byte[] body = whatsAppText(customerNumber(), wamid, "hello");
        String good = signature(body);
        char last = good.charAt(good.length() - 1);
        String oneOff = good.substring(0, good.length() - 1) + (last == '0' ? '1' : '0');
        assertEquals(401, post(WHATSAPP, body, "X-Hub-Signature-256", oneOff).statusCode());
        assertEquals(401, post(WHATSAPP, body, "X-Hub-Signature-256", good.substring(0, 40)).statusCode());
        assertEquals(401, post(WHATSAPP, body, null, null).statusCode());
        // the same JSON re-serialized (a space added) no longer matches the signature of the original bytes
        byte[] reserialized = new String(body, StandardCharsets.UTF_8).replace("{\"object\"", "{ \"object\"")
                .getBytes(StandardCharsets.UTF_8);
        assertEquals(401, post(WHATSAPP, reserialized, "X-Hub-Signature-256", good).statusCode());
        assertTrue(conversations.find(Channel.WHATSAPP, WHATSAPP, wamid).isEmpty());
    }

    @Test
    void malformedOversizedAndUnknownAreRefusedClearly() throws Exception {
        byte[] malformed = "{\"object\":\"whatsapp_business_account\",\"entry\":[".getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> bad = postSigned(malformed);
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().startsWith("malformed payload"), bad.body());
        byte[] huge = new byte[(1 << 20) + 1];
        java.util.Arrays.fill(huge, (byte) ' ');
        assertEquals(413, postSigned(huge).statusCode());
        assertEquals(404, post("no-such-account", whatsAppText("1", "wamid.X", "hi"), null, null).statusCode());
        assertEquals(404, get("../../console", "").statusCode());
    }

    @Test
    void aTelegramMessageWithTheSecretTokenIsAnsweredWithInlineButtons() throws Exception {
        FakeChannelApi api = FakeChannelApi.started();
        long chatId = ThreadLocalRandom.current().nextLong(1_000_000, 9_000_000_000L);
        long updateId = ThreadLocalRandom.current().nextLong(1, Integer.MAX_VALUE);
        String update = "{\"update_id\":" + updateId + ",\"message\":{\"message_id\":5,\"date\":1750000000,"
                + "\"from\":{\"id\":" + chatId + ",\"is_bot\":false,\"first_name\":\"Marco\"},"
                + "\"chat\":{\"id\":" + chatId + ",\"type\":\"private\",\"first_name\":\"Marco\"},\"text\":\"/start\"}}";
        byte[] body = update.getBytes(StandardCharsets.UTF_8);
        assertEquals(401, post("telegram", TELEGRAM, body, "X-Telegram-Bot-Api-Secret-Token", "wrong").statusCode());
        assertTrue(conversations.find(Channel.TELEGRAM, TELEGRAM, String.valueOf(updateId)).isEmpty());
        assertEquals(200, post("telegram", TELEGRAM, body, "X-Telegram-Bot-Api-Secret-Token",
                "parla-demo-telegram-secret").statusCode());

        FakeChannelApi.Request reply = api.await(r -> r.body().contains(String.valueOf(chatId)), SENT_WITHIN);
        assertEquals("/telegram/bot123456789:parla-demo-telegram-bot-token/sendMessage", reply.path());
        JsonObject json = Json.createReader(new StringReader(reply.body())).readObject();
        assertTrue(json.getString("text").startsWith("Hello Marco!"), json.getString("text"));
        assertEquals(3, json.getJsonObject("reply_markup").getJsonArray("inline_keyboard").stream()
                .mapToInt(row -> row.asJsonArray().size()).sum());
    }

    @Test
    void aTappedTelegramButtonIsTakenAndItsSpinnerStopped() throws Exception {
        FakeChannelApi api = FakeChannelApi.started();
        long chatId = ThreadLocalRandom.current().nextLong(1_000_000, 9_000_000_000L);
        long updateId = ThreadLocalRandom.current().nextLong(1, Integer.MAX_VALUE);
        String queryId = "cq-" + UUID.randomUUID();
        String update = "{\"update_id\":" + updateId + ",\"callback_query\":{\"id\":\"" + queryId + "\","
                + "\"from\":{\"id\":" + chatId + ",\"is_bot\":false,\"first_name\":\"Marco\"},"
                + "\"message\":{\"message_id\":9,\"date\":1750000000,\"chat\":{\"id\":" + chatId
                + ",\"type\":\"private\"}},\"chat_instance\":\"1\",\"data\":\"menu:browse\"}}";
        assertEquals(200, post("telegram", TELEGRAM, update.getBytes(StandardCharsets.UTF_8),
                "X-Telegram-Bot-Api-Secret-Token", "parla-demo-telegram-secret").statusCode());
        ReceivedMessage stored = conversations.find(Channel.TELEGRAM, TELEGRAM, String.valueOf(updateId)).orElseThrow();
        assertEquals("menu:browse", stored.getPayload());
        FakeChannelApi.Request answer = api.await(r -> r.body().contains(queryId), SENT_WITHIN);
        assertEquals("/telegram/bot123456789:parla-demo-telegram-bot-token/answerCallbackQuery", answer.path());
    }

    @Test
    void theListenerIsOnTheConfiguredPort() throws Exception {
        assertEquals(Integer.getInteger("parla.webhook.port").intValue(), connector.status().webhookPort());
    }

    private static String customerNumber() {
        return "39" + ThreadLocalRandom.current().nextLong(3_000_000_000L, 3_999_999_999L);
    }

    private static byte[] whatsAppText(String waId, String wamid, String text) {
        return ("{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102290129340398\",\"changes\":[{"
                + "\"field\":\"messages\",\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":{"
                + "\"display_phone_number\":\"15550001111\",\"phone_number_id\":\"100000000000001\"},"
                + "\"contacts\":[{\"profile\":{\"name\":\"Ana\"},\"wa_id\":\"" + waId + "\"}],"
                + "\"messages\":[{\"from\":\"" + waId + "\",\"id\":\"" + wamid + "\",\"timestamp\":\"1750000000\","
                + "\"type\":\"text\",\"text\":{\"body\":\"" + text + "\"}}]}}]}]}").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] whatsAppStatus(String waId, String wamid, String status) {
        return ("{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102290129340398\",\"changes\":[{"
                + "\"field\":\"messages\",\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":{"
                + "\"display_phone_number\":\"15550001111\",\"phone_number_id\":\"100000000000001\"},"
                + "\"statuses\":[{\"id\":\"" + wamid + "\",\"status\":\"" + status + "\",\"timestamp\":\"1750000001\","
                + "\"recipient_id\":\"" + waId + "\"}]}}]}]}").getBytes(StandardCharsets.UTF_8);
    }

    private HttpResponse<String> postSigned(byte[] body) throws Exception {
        return post(WHATSAPP, body, "X-Hub-Signature-256", signature(body));
    }

    private HttpResponse<String> post(String account, byte[] body, String header, String value) throws Exception {
        return post("whatsapp", account, body, header, value);
    }

    private HttpResponse<String> post(String channel, String account, byte[] body, String header, String value)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(webhook(channel, account, ""))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (header != null) {
            request.header(header, value);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String account, String query) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(webhook("whatsapp", account, query)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI webhook(String channel, String account, String query) throws Exception {
        int port = connector.status().webhookPort();
        return URI.create("http://127.0.0.1:" + port + "/webhooks/" + channel + "/" + account
                + (query.isEmpty() ? "" : "?" + query));
    }

    private static String signature(byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(APP_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    }
}
