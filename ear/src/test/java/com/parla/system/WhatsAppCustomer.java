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

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A customer on WhatsApp, as the system tests play one: signed webhooks to the connector's listener (what Meta
 * posts when they type or tap), and what the store sent them, read back from the fake Graph API in the order it
 * arrived.
 */
final class WhatsAppCustomer {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration ANSWERED_WITHIN = Duration.ofSeconds(30);

    final String waId;
    private final String accountKey;
    private final String phoneNumberId;
    private final String appSecret;
    private final FakeChannelApi api;
    private int read;

    WhatsAppCustomer(FakeChannelApi api, String waId, String accountKey, String phoneNumberId, String appSecret) {
        this.api = api;
        this.waId = waId;
        this.accountKey = accountKey;
        this.phoneNumberId = phoneNumberId;
        this.appSecret = appSecret;
    }

    /** A new customer of the demo boutique. */
    static WhatsAppCustomer ofDemoBoutique(FakeChannelApi api) {
        return new WhatsAppCustomer(api, randomNumber(), "demo-whatsapp", "100000000000001", "parla-demo-app-secret");
    }

    static String randomNumber() {
        return "39" + ThreadLocalRandom.current().nextLong(3_000_000_000L, 3_999_999_999L);
    }

    /** Types a text; @return the webhook's HTTP status */
    int types(String text) throws Exception {
        return post("{\"from\":\"" + waId + "\",\"id\":\"" + wamid() + "\",\"timestamp\":\"1750000000\","
                + "\"type\":\"text\",\"text\":{\"body\":" + Json.createValue(text) + "}}");
    }

    /** Taps a list row (WhatsApp sends its id back). */
    int picksRow(String id) throws Exception {
        return post("{\"from\":\"" + waId + "\",\"id\":\"" + wamid() + "\",\"timestamp\":\"1750000000\","
                + "\"type\":\"interactive\",\"interactive\":{\"type\":\"list_reply\",\"list_reply\":{\"id\":"
                + Json.createValue(id) + ",\"title\":\"row\"}}}");
    }

    /** Taps a reply button. */
    int taps(String id) throws Exception {
        return post("{\"from\":\"" + waId + "\",\"id\":\"" + wamid() + "\",\"timestamp\":\"1750000000\","
                + "\"type\":\"interactive\",\"interactive\":{\"type\":\"button_reply\",\"button_reply\":{\"id\":"
                + Json.createValue(id) + ",\"title\":\"button\"}}}");
    }

    /**
     * Sends the cart put together in the store's WhatsApp catalog (an order message).
     *
     * @param items retailer id, quantity, retailer id, quantity...
     */
    int sendsCart(String catalogId, Object... items) throws Exception {
        StringBuilder products = new StringBuilder();
        for (int i = 0; i + 1 < items.length; i += 2) {
            products.append(i == 0 ? "" : ",").append("{\"product_retailer_id\":").append(Json.createValue(
                    (String) items[i])).append(",\"quantity\":").append(items[i + 1])
                    .append(",\"item_price\":89,\"currency\":\"EUR\"}");
        }
        return post("{\"from\":\"" + waId + "\",\"id\":\"" + wamid() + "\",\"timestamp\":\"1750000000\","
                + "\"type\":\"order\",\"order\":{\"catalog_id\":" + Json.createValue(catalogId) + ",\"text\":\"\","
                + "\"product_items\":[" + products + "]}}");
    }

    /** Shares a location (the answer to a location request). */
    int sharesLocation(double latitude, double longitude, String name, String address) throws Exception {
        return post("{\"from\":\"" + waId + "\",\"id\":\"" + wamid() + "\",\"timestamp\":\"1750000000\","
                + "\"type\":\"location\",\"location\":{\"latitude\":" + latitude + ",\"longitude\":" + longitude
                + ",\"name\":" + Json.createValue(name) + ",\"address\":" + Json.createValue(address) + "}}");
    }

    private int post(String message) throws Exception {
        byte[] body = ("{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102290129340398\","
                + "\"changes\":[{\"field\":\"messages\",\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":{"
                + "\"display_phone_number\":\"15550001111\",\"phone_number_id\":\"" + phoneNumberId + "\"},"
                + "\"contacts\":[{\"profile\":{\"name\":\"Ana\"},\"wa_id\":\"" + waId + "\"}],"
                + "\"messages\":[" + message + "]}}]}]}").getBytes(StandardCharsets.UTF_8);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + Integer.getInteger("parla.webhook.port") + "/webhooks/whatsapp/" + accountKey))
                .header("Content-Type", "application/json")
                .header("X-Hub-Signature-256", "sha256=" + HexFormat.of().formatHex(mac.doFinal(body)))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String wamid() {
        return "wamid.IT-" + UUID.randomUUID();
    }

    /** Everything the store sent this customer so far, oldest first. */
    List<JsonObject> received() {
        return api.matching(r -> r.body().contains("\"to\":\"" + waId + "\"")).stream()
                .map(r -> Json.createReader(new StringReader(r.body())).readObject()).toList();
    }

    /** Waits for the next {@code n} messages the store sends; @return them, oldest first */
    List<JsonObject> nextMessages(int n) {
        List<JsonObject> all = Awaitility.await("message " + (read + n) + " to " + waId + "; got " + received())
                .atMost(ANSWERED_WITHIN).pollInterval(Duration.ofMillis(50))
                .until(this::received, got -> got.size() >= read + n);
        List<JsonObject> next = all.subList(read, read + n);
        read += n;
        return next;
    }

    JsonObject nextMessage() {
        return nextMessages(1).get(0);
    }

    /** Nothing beyond what was read has been sent. */
    void assertNothingMore() {
        assertEquals(read, received().size(), "no further message, got " + received());
    }

    // what a person reads of a message

    static String text(JsonObject m) {
        return switch (m.getString("type")) {
            case "text" -> m.getJsonObject("text").getString("body");
            case "interactive" -> m.getJsonObject("interactive").getJsonObject("body").getString("text");
            case "image" -> m.getJsonObject("image").getString("caption", "");
            default -> m.toString();
        };
    }

    static String interactiveType(JsonObject m) {
        return "interactive".equals(m.getString("type")) ? m.getJsonObject("interactive").getString("type")
                : m.getString("type");
    }

    /** Reply buttons as (id, title). */
    static List<String[]> buttons(JsonObject m) {
        return m.getJsonObject("interactive").getJsonObject("action").getJsonArray("buttons").stream()
                .map(b -> b.asJsonObject().getJsonObject("reply"))
                .map(r -> new String[]{r.getString("id"), r.getString("title")}).toList();
    }

    /** List rows as (id, title, description). */
    static List<String[]> rows(JsonObject m) {
        return m.getJsonObject("interactive").getJsonObject("action").getJsonArray("sections").getJsonObject(0)
                .getJsonArray("rows").stream().map(JsonObject.class::cast)
                .map(r -> new String[]{r.getString("id"), r.getString("title"), r.getString("description", "")})
                .toList();
    }

    static String idOfTitled(List<String[]> choices, String title) {
        return choices.stream().filter(c -> c[1].equals(title)).findFirst()
                .orElseThrow(() -> new AssertionError("no choice titled " + title + " in "
                        + choices.stream().map(c -> c[1]).toList()))[0];
    }

    static List<String> titles(List<String[]> choices) {
        return choices.stream().map(c -> c[1]).toList();
    }
}
