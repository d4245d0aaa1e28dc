package com.parla.system;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The npm package telegram-test-api (an independent Bot API emulator) run by node for a system test, in the server's
 * JVM where the test runs: the bot's side is the Bot API Parla's account talks to, the users' side its client API
 * (a user writes, taps a button, shares a location; the emulator posts the update to the bot's webhook). The
 * connector module's build installs it; the test domain says where ({@code parla.it.telegram-emulator}). Where it
 * cannot run, the test is skipped, except under CI, where that is a failure.
 */
final class TelegramEmulator implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Process node;
    private final String base;

    private TelegramEmulator(Process node, String base) {
        this.node = node;
        this.base = base;
    }

    static TelegramEmulator start() throws Exception {
        Path connector = Path.of(System.getProperty("parla.it.telegram-emulator", "-"));
        Path modules = connector.resolve("target/telegram-test-api/node_modules");
        required(Files.isDirectory(modules.resolve("telegram-test-api")), "telegram-test-api is not installed in "
                + modules + " (the connector module's build installs it)");
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        ProcessBuilder builder = new ProcessBuilder("node", connector.resolve("src/test/node/telegram-emulator.js")
                .toString(), String.valueOf(port)).redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().put("NODE_PATH", modules.toString());
        Process node;
        try {
            node = builder.start();
        } catch (java.io.IOException e) {
            required(false, "node cannot be started: " + e.getMessage());
            throw e;
        }
        String ready = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8))
                .readLine();
        assertEquals("READY " + port, ready, "the emulator did not start");
        return new TelegramEmulator(node, "http://127.0.0.1:" + port);
    }

    private static void required(boolean available, String otherwise) {
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            assertTrue(available, otherwise + " (CI=true: the emulator story must run)");
        }
        assumeTrue(available, otherwise);
    }

    /** The Bot API base URL, as an account's API URL. */
    String botApi() {
        return base;
    }

    /** Points the bot's updates at its webhook, with the secret Telegram sends back on each. */
    void setWebhook(String botToken, String url, String secretToken) throws Exception {
        JsonObject answer = post("/bot" + botToken + "/setWebhook", Json.createObjectBuilder().add("url", url)
                .add("secret_token", secretToken).build().toString());
        assertTrue(answer.getBoolean("ok"), answer.toString());
    }

    User user(String botToken, String firstName) {
        return new User(botToken, firstName);
    }

    private JsonObject post(String path, String json) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        return Json.createReader(new StringReader(r.body())).readObject();
    }

    @Override
    public void close() {
        node.destroy();
        try {
            if (!node.waitFor(5, TimeUnit.SECONDS)) {
                node.destroyForcibly();
            }
        } catch (InterruptedException e) {
            node.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** A user chatting with the bot through the emulator's client API. */
    final class User {

        final long chat = ThreadLocalRandom.current().nextLong(1_000_000, 9_000_000_000L);
        private final String botToken;
        private final String firstName;
        private final List<JsonObject> received = new ArrayList<>();
        private int read;

        private User(String botToken, String firstName) {
            this.botToken = botToken;
            this.firstName = firstName;
        }

        void types(String text) throws Exception {
            writes("\"text\":" + Json.createValue(text));
        }

        void sharesLocation(double latitude, double longitude) throws Exception {
            writes("\"location\":{\"latitude\":" + latitude + ",\"longitude\":" + longitude + "}");
        }

        private void writes(String fields) throws Exception {
            post("/sendMessage", "{\"botToken\":\"" + botToken + "\",\"date\":" + System.currentTimeMillis() / 1000
                    + "," + from() + "," + chatOf() + "," + fields + "}");
        }

        /** Taps an inline keyboard button: its callback data goes to the bot. */
        void taps(String callbackData) throws Exception {
            post("/sendCallback", "{\"botToken\":\"" + botToken + "\"," + from() + ",\"message\":{\"message_id\":1,"
                    + chatOf() + "},\"data\":" + Json.createValue(callbackData) + "}");
        }

        private String from() {
            return "\"from\":{\"id\":" + chat + ",\"is_bot\":false,\"first_name\":" + Json.createValue(firstName)
                    + "}";
        }

        private String chatOf() {
            return "\"chat\":{\"id\":" + chat + ",\"type\":\"private\",\"first_name\":" + Json.createValue(firstName)
                    + "}";
        }

        /** The next message the bot sent to this chat (what it posted to sendMessage), in order. */
        JsonObject nextMessage() {
            Awaitility.await("message " + (read + 1) + " to chat " + chat + "; got " + received)
                    .atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
                        post("/getUpdates", "{\"token\":\"" + botToken + "\",\"chatId\":" + chat + "}")
                                .getJsonArray("result").getValuesAs(JsonObject.class)
                                .forEach(update -> received.add(update.getJsonObject("message")));
                        return received.size() > read;
                    });
            return received.get(read++);
        }
    }
}
