import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What a crash costs: signed WhatsApp webhooks from new customers at a running Parla, a kill -9 of its server in
 * the middle, a restart, and a retry of every webhook that was not answered 200, as the channel would. Then the
 * server is stopped and its database read: every webhook answered 200 before the kill must be stored, and no
 * customer may have been greeted twice. A fake Graph API in this process counts the greetings.
 *
 * Run by {@code ./parla chaos kill} (not part of the tests): it starts and restarts the server with
 * {@code ./parla run --no-build}, pointing its WhatsApp API here.
 */
public class CrashUnderLoad {

    private record Webhook(String wamid, String waId, byte[] body) {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = options(args);
        Path parla = Path.of(o.get("parla"));
        Path domain = Path.of(o.get("domain"));
        int customers = Integer.parseInt(o.getOrDefault("customers", "300"));
        int senders = Integer.parseInt(o.getOrDefault("senders", "8"));
        int killAfter = Integer.parseInt(o.getOrDefault("kill-after", String.valueOf(customers * 2 / 5)));
        int graphPort = Integer.parseInt(o.getOrDefault("graph-port", "8098"));
        String webhookUrl = o.getOrDefault("url", "http://127.0.0.1:8090/webhooks/whatsapp/demo-whatsapp");
        String jdbcUrl = o.get("jdbc-url");

        Map<String, AtomicInteger> greetings = new ConcurrentHashMap<>();
        AtomicLong lastGreeting = new AtomicLong(System.nanoTime());
        HttpServer graph = fakeGraphApi(graphPort, greetings, lastGreeting);
        Map<String, String> env = Map.of("PARLA_CHANNEL_WHATSAPP_GRAPH_URL", "http://127.0.0.1:" + graphPort + "/v23.0");
        System.out.printf("chaos: %d new customers' webhooks from %d senders, kill -9 of the server after %d are"
                + " answered 200, restart, retry of all not answered 200%n", customers, senders, killAfter);
        parla(parla, env, "run", "--no-build");

        String run = Long.toString(System.currentTimeMillis(), 36);
        long base = 1_000_000L * (System.currentTimeMillis() / 1000 % 1_000_000);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(o.getOrDefault("secret", "parla-demo-app-secret").getBytes(StandardCharsets.UTF_8),
                "HmacSHA256"));
        List<Webhook> webhooks = new ArrayList<>();
        for (int i = 0; i < customers; i++) {
            String waId = "39" + (base + i);
            String wamid = "wamid.CHAOS-" + run + "-" + i;
            webhooks.add(new Webhook(wamid, waId, textWebhook(waId, wamid, "hello " + i)));
        }

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicInteger next = new AtomicInteger();
        CountDownLatch killed = new CountDownLatch(1);
        Thread[] threads = new Thread[senders];
        for (int s = 0; s < senders; s++) {
            threads[s] = new Thread(() -> {
                int i;
                while ((i = next.getAndIncrement()) < webhooks.size()) {
                    Webhook w = webhooks.get(i);
                    if (post(http, webhookUrl, mac, w) == 200) {
                        acknowledged.add(w.wamid());
                        if (acknowledged.size() >= killAfter) {
                            killed.countDown();
                        }
                    }
                }
            });
            threads[s].start();
        }
        killed.await();
        long pid = Long.parseLong(Files.readString(domain.resolve("config/pid")).trim());
        new ProcessBuilder("kill", "-9", String.valueOf(pid)).inheritIO().start().waitFor();
        Set<String> acknowledgedBeforeKill = Set.copyOf(acknowledged);
        System.out.printf("killed the server (pid %d) with %d webhooks answered 200%n", pid,
                acknowledgedBeforeKill.size());
        for (Thread t : threads) {
            t.join();
        }
        parla(parla, env, "run", "--no-build");
        int retries = 0;
        for (Webhook w : webhooks) {
            while (!acknowledged.contains(w.wamid())) {
                retries++;
                if (post(http, webhookUrl, mac, w) == 200) {
                    acknowledged.add(w.wamid());
                } else {
                    Thread.sleep(200); // the channel retries later
                }
            }
        }
        System.out.printf("posted %d, answered 200 before the kill %d, answered 200 in the end %d (%d retries)%n",
                webhooks.size(), acknowledgedBeforeKill.size(), acknowledged.size(), retries);

        Set<String> waIds = webhooks.stream().map(Webhook::waId).collect(Collectors.toSet());
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline && !greetings.keySet().containsAll(waIds)) {
            Thread.sleep(500);
        }
        // then until the outbox has been quiet for five seconds: a second greeting would come by then
        while (System.nanoTime() - lastGreeting.get() < Duration.ofSeconds(5).toNanos()) {
            Thread.sleep(500);
        }
        parla(parla, Map.of(), "stop");
        graph.stop(0);

        int stored = 0;
        int lost = 0;
        int queuedTwice = 0;
        int flagged = 0;
        // the server's own database settings; the password from the environment, never a command line
        try (Connection db = DriverManager.getConnection(jdbcUrl, envOr("PARLA_DB_USER", ""),
                envOr("PARLA_DB_PASSWORD", ""))) {
            try (PreparedStatement q = db.prepareStatement("select count(*) from received_message"
                    + " where channel = 'whatsapp' and channel_message_id = ?")) {
                for (Webhook w : webhooks) {
                    q.setString(1, w.wamid());
                    try (ResultSet rs = q.executeQuery()) {
                        rs.next();
                        boolean there = rs.getInt(1) == 1;
                        stored += there ? 1 : 0;
                        lost += !there && acknowledgedBeforeKill.contains(w.wamid()) ? 1 : 0;
                    }
                }
            }
            try (PreparedStatement q = db.prepareStatement("select count(*) from outbox_message"
                    + " where account_key = 'demo-whatsapp' and recipient = ?")) {
                for (Webhook w : webhooks) {
                    q.setString(1, w.waId());
                    try (ResultSet rs = q.executeQuery()) {
                        rs.next();
                        queuedTwice += rs.getInt(1) > 1 ? 1 : 0;
                    }
                }
            }
            flagged = countFlagged(db, waIds);
        }
        long greeted = waIds.stream().filter(greetings::containsKey).count();
        long greetedTwice = waIds.stream().filter(id -> greetings.getOrDefault(id, new AtomicInteger()).get() > 1)
                .count();
        System.out.printf("stored %d of %d posted%n", stored, webhooks.size());
        System.out.printf("answered 200 before the kill but not stored (lost): %d%n", lost);
        System.out.printf("not greeted within two minutes: %d of %d customers%n", waIds.size() - greeted, waIds.size());
        System.out.printf("duplicated effects: customers greeted twice %d; greetings queued twice %d;"
                + " sends repeated after an attempt the kill interrupted %d%n", greetedTwice, queuedTwice, flagged);
        parla(parla, Map.of(), "run", "--no-build");
        System.exit(lost == 0 ? 0 : 1);
    }

    /** Sends flagged as possibly repeated (the column exists from schema version 4 on). */
    private static int countFlagged(Connection db, Set<String> waIds) {
        try (PreparedStatement q = db.prepareStatement("select recipient from outbox_message"
                + " where account_key = 'demo-whatsapp' and resent_after_interruption");
             ResultSet rs = q.executeQuery()) {
            int n = 0;
            while (rs.next()) {
                n += waIds.contains(rs.getString(1)) ? 1 : 0;
            }
            return n;
        } catch (java.sql.SQLException noSuchColumn) {
            return -1;
        }
    }

    private static int post(HttpClient http, String url, Mac shared, Webhook w) {
        try {
            Mac mac = (Mac) shared.clone();
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .header("X-Hub-Signature-256", "sha256=" + HexFormat.of().formatHex(mac.doFinal(w.body())))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(w.body())).build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1; // no answer: the server is down
        }
    }

    private static void parla(Path parla, Map<String, String> env, String... command) throws Exception {
        List<String> line = new ArrayList<>(List.of(parla.toString()));
        line.addAll(List.of(command));
        ProcessBuilder builder = new ProcessBuilder(line).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().putAll(env);
        int exit = builder.start().waitFor();
        if (exit != 0) {
            throw new IllegalStateException("./parla " + String.join(" ", command) + " failed: " + exit);
        }
    }

    private static HttpServer fakeGraphApi(int port, Map<String, AtomicInteger> greetings, AtomicLong last)
            throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 256);
        AtomicLong ids = new AtomicLong();
        server.createContext("/", exchange -> {
            try (exchange) {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                int to = body.indexOf("\"to\":\"");
                if (to >= 0) {
                    String waId = body.substring(to + 6, body.indexOf('"', to + 6));
                    greetings.computeIfAbsent(waId, k -> new AtomicInteger()).incrementAndGet();
                    last.set(System.nanoTime());
                }
                byte[] answer = ("{\"messaging_product\":\"whatsapp\",\"messages\":[{\"id\":\"wamid.CHAOS-OUT-"
                        + ids.incrementAndGet() + "\"}]}").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, answer.length);
                exchange.getResponseBody().write(answer);
            }
        });
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        server.start();
        return server;
    }

    private static byte[] textWebhook(String waId, String wamid, String text) {
        return ("{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102290129340398\",\"changes\":[{"
                + "\"field\":\"messages\",\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":{"
                + "\"display_phone_number\":\"15550001111\",\"phone_number_id\":\"100000000000001\"},"
                + "\"contacts\":[{\"profile\":{\"name\":\"Chaos\"},\"wa_id\":\"" + waId + "\"}],"
                + "\"messages\":[{\"from\":\"" + waId + "\",\"id\":\"" + wamid + "\",\"timestamp\":\""
                + System.currentTimeMillis() / 1000 + "\",\"type\":\"text\",\"text\":{\"body\":\"" + text
                + "\"}}]}}]}]}").getBytes(StandardCharsets.UTF_8);
    }

    private static String envOr(String name, String otherwise) {
        String value = System.getenv(name);
        return value == null ? otherwise : value;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> o = new HashMap<>();
        for (String a : args) {
            if (!a.startsWith("--") || !a.contains("=")) {
                throw new IllegalArgumentException("options are --name=value: " + a);
            }
            o.put(a.substring(2, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
        }
        return o;
    }
}
