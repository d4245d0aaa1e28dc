package com.parla.system;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.awaitility.Awaitility;

/**
 * The channels' APIs as the system tests play them, inside the server's JVM, on the port the test domain points
 * the {@code parla.channel.*} API URLs at (WhatsApp, Messenger, Telegram, WeChat). It answers with the
 * documented success bodies and remembers every request exactly as it arrived.
 */
final class FakeChannelApi {

    record Request(String method, String path, Map<String, List<String>> headers, String body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    private static FakeChannelApi running;

    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong();
    /**
     * Message ids are unique across deployments, as the channels' are: every test class deploys anew into one
     * server, and a repeated id would let a status callback move another class's message.
     */
    private static final String RUN = Long.toString(System.nanoTime(), 36);

    private FakeChannelApi() {
    }

    /**
     * Started once per deployment, on the port of the configured Graph API URL. The server JVM outlives a test
     * class's deployment: the previous deployment's fake (another class loader's) is stopped first; the JDK's
     * HttpServer is the same class in both, so it is kept where both see it, in the system properties.
     */
    static synchronized FakeChannelApi started() throws IOException {
        if (running == null) {
            if (System.getProperties().get(FakeChannelApi.class.getName()) instanceof HttpServer previous) {
                previous.stop(0);
            }
            int port = URI.create(System.getProperty("parla.channel.whatsapp.graph-url")).getPort();
            FakeChannelApi api = new FakeChannelApi();
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
            server.createContext("/", api::answer);
            server.start();
            System.getProperties().put(FakeChannelApi.class.getName(), server);
            running = api;
        }
        return running;
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getPath();
            requests.add(new Request(exchange.getRequestMethod(), path, Map.copyOf(exchange.getRequestHeaders()),
                    body));
            long id = ids.incrementAndGet();
            String answer = answerTo(path, id);
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    /** The documented success body of each API (channels.md §1–4). */
    private static String answerTo(String path, long id) {
        if (path.startsWith("/telegram/")) {
            // answer* methods return plain true; sends return the message
            return path.substring(path.lastIndexOf('/') + 1).startsWith("answer") ? "{\"ok\":true,\"result\":true}"
                    : "{\"ok\":true,\"result\":{\"message_id\":" + id + ",\"date\":1750000000,\"chat\":{\"id\":1}}}";
        }
        if (path.startsWith("/messenger/")) {
            return "{\"recipient_id\":\"x\",\"message_id\":\"m_FAKE-" + RUN + "-" + id + "\"}";
        }
        if (path.startsWith("/wechat/")) {
            return path.endsWith("/stable_token") ? "{\"access_token\":\"FAKE-WECHAT-TOKEN\",\"expires_in\":7200}"
                    : "{\"errcode\":0,\"errmsg\":\"ok\"}";
        }
        return "{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"x\",\"wa_id\":\"x\"}],"
                + "\"messages\":[{\"id\":\"wamid.FAKE-" + RUN + "-" + id + "\"}]}";
    }

    List<Request> matching(Predicate<Request> which) {
        return requests.stream().filter(which).toList();
    }

    /** Waits up to {@code timeout} for a request like this; the outbox sends after the webhook's commit. */
    Request await(Predicate<Request> which, Duration timeout) {
        return Awaitility.await("a request like this to the channel API; got " + requests).atMost(timeout)
                .pollInterval(Duration.ofMillis(50)).until(() -> matching(which), found -> !found.isEmpty()).get(0);
    }
}
