package com.parla.system;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.awaitility.Awaitility;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A user of a store's Telegram bot, as the system tests play one: updates posted to the webhook with the bot's
 * secret token (what Telegram sends when they type, tap an inline button or share a location), and what the bot
 * sent to their chat, read back from the fake Bot API in order.
 */
final class TelegramCustomer {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    final long chat = ThreadLocalRandom.current().nextLong(1_000_000, 9_000_000_000L);
    private final FakeChannelApi api;
    private final String accountKey;
    private final String secretToken;
    private final String firstName;
    private int read;

    TelegramCustomer(FakeChannelApi api, String accountKey, String secretToken, String firstName) {
        this.api = api;
        this.accountKey = accountKey;
        this.secretToken = secretToken;
        this.firstName = firstName;
    }

    static TelegramCustomer ofDemoBoutique(FakeChannelApi api, String firstName) {
        return new TelegramCustomer(api, "demo-telegram", "parla-demo-telegram-secret", firstName);
    }

    void types(String text) throws Exception {
        sendsMessage("\"text\":" + Json.createValue(text));
    }

    void sharesLocation(double latitude, double longitude) throws Exception {
        sendsMessage("\"location\":{\"latitude\":" + latitude + ",\"longitude\":" + longitude + "}");
    }

    /** A message from this user in their chat, with these fields (text, location, successful_payment...). */
    void sendsMessage(String fields) throws Exception {
        sends("\"message\":{\"message_id\":" + messageId() + ",\"date\":1750000000," + from() + "," + chatOf()
                + "," + fields + "}");
    }

    /** Taps an inline keyboard button: its callback data comes back. */
    void taps(String callbackData) throws Exception {
        sends("\"callback_query\":{\"id\":\"cq-" + UUID.randomUUID() + "\"," + from() + ",\"message\":{\"message_id\":9,"
                + "\"date\":1750000000," + chatOf() + "},\"chat_instance\":\"1\",\"data\":"
                + Json.createValue(callbackData) + "}");
    }

    /** Posts an update with this content (after its update_id); Telegram wants a 200. */
    void sends(String content) throws Exception {
        long update = ThreadLocalRandom.current().nextLong(1, Integer.MAX_VALUE);
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + Integer.getInteger("parla.webhook.port") + "/webhooks/telegram/" + accountKey))
                .header("Content-Type", "application/json")
                .header("X-Telegram-Bot-Api-Secret-Token", secretToken)
                .POST(HttpRequest.BodyPublishers.ofString("{\"update_id\":" + update + "," + content + "}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
    }

    String from() {
        return "\"from\":{\"id\":" + chat + ",\"is_bot\":false,\"first_name\":" + Json.createValue(firstName) + "}";
    }

    private String chatOf() {
        return "\"chat\":{\"id\":" + chat + ",\"type\":\"private\"}";
    }

    private static int messageId() {
        return ThreadLocalRandom.current().nextInt(1, Integer.MAX_VALUE);
    }

    /** The Bot API requests sent to this chat (sendMessage, sendPhoto, sendInvoice...), oldest first. */
    List<JsonObject> received() {
        return api.matching(r -> r.path().startsWith("/telegram/") && r.body().contains("\"chat_id\":" + chat + ","))
                .stream().map(r -> Json.createReader(new StringReader(r.body())).readObject()).toList();
    }

    JsonObject nextMessage() {
        List<JsonObject> all = Awaitility.await("message " + (read + 1) + " to chat " + chat + "; got " + received())
                .atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(this::received, got -> got.size() > read);
        return all.get(read++);
    }

    /** The text of a message, or the caption of a photo. */
    static String text(JsonObject message) {
        return message.containsKey("text") ? message.getString("text") : message.getString("caption", "");
    }

    /** The inline keyboard's buttons, row after row. */
    static List<JsonObject> keyboard(JsonObject message) {
        return message.getJsonObject("reply_markup").getJsonArray("inline_keyboard").stream()
                .flatMap(row -> row.asJsonArray().getValuesAs(JsonObject.class).stream()).toList();
    }

    static List<String> buttonTitles(JsonObject message) {
        return keyboard(message).stream().map(b -> b.getString("text")).toList();
    }
}
