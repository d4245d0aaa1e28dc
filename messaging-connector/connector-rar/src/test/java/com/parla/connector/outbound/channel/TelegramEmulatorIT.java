package com.parla.connector.outbound.channel;

import com.parla.connector.api.Channel;
import com.parla.connector.api.ChannelAccountRegistration;
import com.parla.connector.api.InboundMessage;
import com.parla.connector.inbound.parse.WebhookParsers;
import com.parla.connector.inbound.polling.TelegramPoller;
import com.parla.connector.inbound.DeliveryOutcome;
import com.parla.connector.api.OutboundMessage;
import com.parla.connector.api.OutboundMessage.Choice;
import com.parla.connector.api.OutboundMessage.Kind;
import com.parla.connector.api.SendResult;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
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
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * TelegramRenderer + ChannelClient against an independent Bot API emulator, the npm package telegram-test-api
 * (jehy/telegram-test-api), read back through its client API ({@code POST /getUpdates {token, chatId}}).
 * Needs node on the PATH and {@code npm install telegram-test-api} in {@code target/telegram-test-api} (or the
 * directory in {@code -Dparla.telegram.emulator.dir}), which the build does. Without them it is skipped on a
 * developer's machine, and fails under CI ({@code CI=true}), where skipping would hide that it never ran.
 */
class TelegramEmulatorIT {

    private static final String TOKEN = "123456:emulator-token";
    private static final long CHAT = 424242L;
    private static Process emulator;
    private static String base;

    @BeforeAll
    static void startEmulator() throws Exception {
        required(nodeAvailable(), "node is not on the PATH");
        Path modules = Path.of(System.getProperty("parla.telegram.emulator.dir", "target/telegram-test-api"))
                .resolve("node_modules").toAbsolutePath();
        required(Files.isDirectory(modules.resolve("telegram-test-api")), "telegram-test-api not installed in " + modules);
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        ProcessBuilder builder = new ProcessBuilder("node", Path.of("src/test/node/telegram-emulator.js").toAbsolutePath()
                .toString(), String.valueOf(port)).redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().put("NODE_PATH", modules.toString());
        emulator = builder.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(emulator.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine(); // blocks until READY, or null if node died
        assertEquals("READY " + port, line, "emulator did not start");
        base = "http://127.0.0.1:" + port;
    }

    @AfterAll
    static void stopEmulator() throws InterruptedException {
        if (emulator != null) {
            emulator.destroy();
            if (!emulator.waitFor(5, TimeUnit.SECONDS)) {
                emulator.destroyForcibly();
            }
        }
    }

    /** Skips the test where it cannot run, except under CI, where that is a failure. */
    private static void required(boolean available, String otherwise) {
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            assertTrue(available, otherwise + " (CI=true: the emulator test must run)");
        }
        assumeTrue(available, otherwise);
    }

    private static boolean nodeAvailable() {
        try {
            Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    @Test
    void textAndButtonsReachTheEmulatorsClient() throws Exception {
        ChannelAccountRegistration account = new ChannelAccountRegistration(Channel.TELEGRAM, "store-tg", "store_bot", null,
                "hooksecret", TOKEN, 0, false, base);
        ChannelRenderer renderer = ChannelRenderers.forChannel(Channel.TELEGRAM);
        ChannelClient client = new ChannelClient();

        SendResult text = client.send(renderer.render(OutboundMessage.text("store-tg", String.valueOf(CHAT),
                "Your order A12 shipped"), account), Channel.TELEGRAM);
        assertTrue(text.accepted(), String.valueOf(text));
        SendResult buttons = client.send(renderer.render(OutboundMessage.builder("store-tg", String.valueOf(CHAT),
                Kind.BUTTONS).text("Delivery A12: tomorrow 9-11h").choices(List.of(new Choice("ok:A12", "✅ OK", null),
                new Choice("resched:A12", "🔁 Reschedule", null))).build(), account), Channel.TELEGRAM);
        assertTrue(buttons.accepted(), String.valueOf(buttons));

        JsonArray updates = clientUpdates();
        assertEquals(2, updates.size(), updates.toString());
        JsonObject first = updates.getJsonObject(0).getJsonObject("message");
        assertEquals("Your order A12 shipped", first.getString("text"));
        assertEquals(CHAT, first.getJsonNumber("chat_id").longValue());
        JsonObject second = updates.getJsonObject(1).getJsonObject("message");
        assertEquals("Delivery A12: tomorrow 9-11h", second.getString("text"));
        JsonArray row = second.getJsonObject("reply_markup").getJsonArray("inline_keyboard").getJsonArray(0);
        assertEquals("✅ OK", row.getJsonObject(0).getString("text"));
        assertEquals("ok:A12", row.getJsonObject(0).getString("callback_data"));
        assertEquals("resched:A12", row.getJsonObject(1).getString("callback_data"));
        assertEquals(Integer.parseInt(text.channelMessageId()) + 1, Integer.parseInt(buttons.channelMessageId()));
    }

    /** The emulator's client API: what the bot sent to the chat. */
    private static JsonArray clientUpdates() throws IOException, InterruptedException {
        String body = "{\"token\":\"" + TOKEN + "\",\"chatId\":" + CHAT + "}";
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/getUpdates"))
                .timeout(Duration.ofSeconds(5)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return Fixtures.parse(response.body()).getJsonArray("result");
    }

    @Test
    void thePollerFetchesWhatACustomerWroteAndMovesItsOffsetOnlyWhenTaken() throws Exception {
        String token = "777001:poller-token";
        ChannelAccountRegistration bot = new ChannelAccountRegistration(Channel.TELEGRAM, "poll-tg", "poll_bot", null,
                null, token, 30, true, base);
        // a customer writes to the bot through the emulator's client API
        String message = "{\"botToken\":\"" + token + "\",\"date\":1750000000,\"text\":\"Hai la borsa rossa?\","
                + "\"from\":{\"id\":5150,\"first_name\":\"Lucia\",\"is_bot\":false},"
                + "\"chat\":{\"id\":5150,\"first_name\":\"Lucia\",\"type\":\"private\"}}";
        HttpResponse<String> sent = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(base + "/sendMessage")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(message)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, sent.statusCode(), sent.body());

        List<InboundMessage> delivered = new CopyOnWriteArrayList<>();
        TelegramPoller poller = new TelegramPoller(bot, new ChannelClient(), WebhookParsers.telegram(), ms -> {
            delivered.addAll(ms);
            return new DeliveryOutcome(1, 1);
        });
        assertEquals(1, poller.pollOnce(0));
        assertEquals(1, delivered.size());
        InboundMessage got = delivered.get(0);
        assertEquals(InboundMessage.Kind.TEXT, got.kind());
        assertEquals("Hai la borsa rossa?", got.text());
        assertEquals("5150", got.sender());
        assertEquals("poll-tg", got.accountKey());
        assertEquals(Long.parseLong(got.channelMessageId()) + 1, poller.offset(), "the offset moved past it");

        // a message the endpoint does not take leaves the offset where it was
        HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/sendMessage"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(message.replace("Hai la borsa rossa?", "e in blu?")))
                .build(), HttpResponse.BodyHandlers.ofString());
        long before = poller.offset();
        TelegramPoller refusing = new TelegramPoller(bot, new ChannelClient(), WebhookParsers.telegram(),
                ms -> new DeliveryOutcome(1, 0));
        org.junit.jupiter.api.Assertions.assertThrows(TelegramPoller.UndeliveredException.class,
                () -> refusing.pollOnce(0));
        assertEquals(0, refusing.offset());
        assertEquals(before, poller.offset());
    }
}
