package com.parla.system;

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
import org.awaitility.Awaitility;

/**
 * A customer of the demo boutique's Facebook page, as the system tests play one: signed Messenger webhooks (what
 * Meta posts when they type, tap a quick reply or press a postback button), and what the page sent them, read back
 * from the fake Send API in order.
 */
final class MessengerCustomer {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String PAGE = "100000000000011";

    final String psid = String.valueOf(ThreadLocalRandom.current().nextLong(1_000_000_000_000L, 9_999_999_999_999L));
    private final FakeChannelApi api;
    private int read;

    MessengerCustomer(FakeChannelApi api) {
        this.api = api;
    }

    int types(String text) throws Exception {
        return post("\"message\":{\"mid\":\"" + mid() + "\",\"text\":" + Json.createValue(text) + "}");
    }

    /** Taps a quick reply: Messenger sends its title as the text and its payload. */
    int tapsQuickReply(JsonObject reply) throws Exception {
        return post("\"message\":{\"mid\":\"" + mid() + "\",\"text\":" + Json.createValue(reply.getString("title"))
                + ",\"quick_reply\":{\"payload\":" + Json.createValue(reply.getString("payload")) + "}}");
    }

    /** Presses a postback button of a template. */
    int pressesPostback(JsonObject button) throws Exception {
        return post("\"postback\":{\"mid\":\"" + mid() + "\",\"title\":" + Json.createValue(button.getString("title"))
                + ",\"payload\":" + Json.createValue(button.getString("payload")) + "}");
    }

    private int post(String event) throws Exception {
        byte[] body = ("{\"object\":\"page\",\"entry\":[{\"id\":\"" + PAGE + "\",\"time\":1750000000000,"
                + "\"messaging\":[{\"sender\":{\"id\":\"" + psid + "\"},\"recipient\":{\"id\":\"" + PAGE + "\"},"
                + "\"timestamp\":1750000000000," + event + "}]}]}").getBytes(StandardCharsets.UTF_8);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("parla-demo-messenger-secret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + Integer.getInteger("parla.webhook.port") + "/webhooks/messenger/demo-messenger"))
                .header("Content-Type", "application/json")
                .header("X-Hub-Signature-256", "sha256=" + HexFormat.of().formatHex(mac.doFinal(body)))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String mid() {
        return "m_IT-" + UUID.randomUUID();
    }

    /** The {@code message} objects the page sent this customer, oldest first. */
    List<JsonObject> received() {
        return api.matching(r -> r.path().startsWith("/messenger/") && r.body().contains("\"id\":\"" + psid + "\""))
                .stream().map(r -> Json.createReader(new StringReader(r.body())).readObject().getJsonObject("message"))
                .toList();
    }

    JsonObject nextMessage() {
        List<JsonObject> all = Awaitility.await("message " + (read + 1) + " to " + psid + "; got " + received())
                .atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(this::received, got -> got.size() > read);
        return all.get(read++);
    }

    static List<JsonObject> quickReplies(JsonObject message) {
        return message.getJsonArray("quick_replies").getValuesAs(JsonObject.class);
    }

    static JsonObject quickReply(JsonObject message, String title) {
        return quickReplies(message).stream().filter(q -> q.getString("title").equals(title)).findFirst()
                .orElseThrow(() -> new AssertionError("no quick reply " + title + " in " + message));
    }

    /** The template's payload: a generic template's elements or a button template's text and buttons. */
    static JsonObject template(JsonObject message) {
        return message.getJsonObject("attachment").getJsonObject("payload");
    }
}
