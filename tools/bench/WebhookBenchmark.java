import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Drives signed WhatsApp webhooks at a running Parla from a separate process, and plays the Graph API for its
 * replies. Prints accepted messages/s, acknowledgement latency percentiles and errors for the inbound side, and
 * the rate at which the replies reached the fake Graph API for the outbound side (the connector paces them at
 * the number's configured rate: 80/s for the demo account).
 *
 * Run with the JDK's source launcher (no build): see ./parla bench.
 */
public class WebhookBenchmark {

    public static void main(String[] args) throws Exception {
        Map<String, String> o = options(args);
        String url = o.getOrDefault("url", "http://127.0.0.1:8090/webhooks/whatsapp/demo-whatsapp");
        String secret = o.getOrDefault("secret", "parla-demo-app-secret");
        String phoneNumberId = o.getOrDefault("phone-number-id", "100000000000001");
        int seconds = Integer.parseInt(o.getOrDefault("seconds", "20"));
        int warmup = Integer.parseInt(o.getOrDefault("warmup", "5"));
        int connections = Integer.parseInt(o.getOrDefault("connections", "16"));
        int newEvery = Integer.parseInt(o.getOrDefault("new-customer-every", "10"));
        int graphPort = Integer.parseInt(o.getOrDefault("graph-port", "8099"));
        double expectedRate = Double.parseDouble(o.getOrDefault("rate", "80"));

        ConcurrentLinkedQueue<Long> sendTimes = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> queued = new ConcurrentLinkedQueue<>();
        java.util.Set<Long> greeted = ConcurrentHashMap.newKeySet();
        String run = Long.toString(System.currentTimeMillis(), 36);
        // new customers on every run: a customer id carries the run's start second, so a later run on the same
        // server greets (and the outbound figure measures) customers of its own
        long customerBase = 1_000_000L * (System.currentTimeMillis() / 1000 % 1_000_000);
        boolean outbound = Boolean.parseBoolean(o.getOrDefault("outbound", "true"));
        HttpServer graph = outbound ? fakeGraphApi(graphPort, sendTimes) : null;
        System.out.printf("inbound: %s, %d connections, %d s (+%d s warm-up), a new customer every %d messages%n",
                url, connections, seconds, warmup, newEvery);
        if (outbound) {
            System.out.printf("outbound: fake Graph API on 127.0.0.1:%d (start Parla with "
                    + "PARLA_CHANNEL_WHATSAPP_GRAPH_URL=http://127.0.0.1:%d/v23.0)%n", graphPort, graphPort);
        }

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        AtomicLong sequence = new AtomicLong();
        long[][] latencies = new long[connections][];
        int[] counts = new int[connections];
        AtomicLong errors = new AtomicLong();
        Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
        long start = System.nanoTime();
        long measureFrom = start + warmup * 1_000_000_000L;
        long end = measureFrom + seconds * 1_000_000_000L;
        CountDownLatch done = new CountDownLatch(connections);
        for (int c = 0; c < connections; c++) {
            int worker = c;
            latencies[c] = new long[1 << 16];
            Thread thread = new Thread(() -> {
                try {
                    Mac own = (Mac) mac.clone();
                    while (true) {
                        long n = sequence.incrementAndGet();
                        // each customer writes newEvery messages, spaced 1,000 apart: like real chats, one
                        // customer's messages are not sent at the same instant
                        long customer = n % 1000 + 1000 * (n / (1000L * newEvery));
                        byte[] body = textWebhook(phoneNumberId, "39" + (customerBase + customer),
                                "wamid.BENCH-" + run + "-" + n, "message " + n);
                        String signature = "sha256=" + HexFormat.of().formatHex(own.doFinal(body));
                        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                                .header("Content-Type", "application/json")
                                .header("X-Hub-Signature-256", signature)
                                .timeout(Duration.ofSeconds(30))
                                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
                        long sent = System.nanoTime();
                        if (sent >= end) {
                            break;
                        }
                        int status;
                        try {
                            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                        } catch (java.io.IOException e) {
                            status = -1;
                        }
                        long took = System.nanoTime() - sent;
                        if (status == 200 && greeted.add(customer)) {
                            queued.add(System.nanoTime()); // a new customer's first message: a greeting is due
                        }
                        if (sent >= measureFrom) {
                            statuses.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
                            if (status == 200) {
                                if (counts[worker] == latencies[worker].length) {
                                    latencies[worker] = Arrays.copyOf(latencies[worker], counts[worker] * 2);
                                }
                                latencies[worker][counts[worker]++] = took;
                            } else {
                                errors.incrementAndGet();
                            }
                        }
                    }
                } catch (Exception e) {
                    e.printStackTrace();
                } finally {
                    done.countDown();
                }
            });
            thread.start();
        }
        done.await();
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int c = 0; c < connections; c++) {
            System.arraycopy(latencies[c], 0, all, at, counts[c]);
            at += counts[c];
        }
        Arrays.sort(all);
        System.out.printf("inbound: %d accepted in %d s = %.0f messages/s; errors %d; statuses %s%n", total, seconds,
                total / (double) seconds, errors.get(), statuses);
        if (total > 0) {
            System.out.printf("ack latency: p50 %.1f ms, p99 %.1f ms, p99.9 %.1f ms, max %.1f ms%n",
                    pct(all, 50), pct(all, 99), pct(all, 99.9), all[all.length - 1] / 1e6);
        }

        if (!outbound) {
            System.exit(0);
        }
        // outbound: the pacing shows while replies are waiting; wait until they are all out (or 60 s of nothing)
        System.out.println("outbound: waiting for the replies...");
        long quietSince = System.nanoTime();
        int seen = -1;
        while (sendTimes.size() < queued.size() && System.nanoTime() - quietSince < 60_000_000_000L) {
            Thread.sleep(500);
            if (sendTimes.size() != seen) {
                seen = sendTimes.size();
                quietSince = System.nanoTime();
            }
        }
        long[] times = sendTimes.stream().mapToLong(Long::longValue).sorted().toArray();
        long[] due = queued.stream().mapToLong(Long::longValue).sorted().toArray();
        if (times.length < 3) {
            System.out.println("outbound: fewer than 3 replies reached the fake Graph API (is Parla pointed at it?)");
        } else {
            // the rate over the time at least a second's worth of replies (at the configured rate) was waiting
            double threshold = expectedRate;
            long busyNanos = 0;
            long busyReplies = 0;
            int q = 0;
            int r = 0;
            long previous = Math.min(due[0], times[0]);
            while (r < times.length) {
                long t = q < due.length && due[q] <= times[r] ? due[q] : times[r];
                boolean busy = q - r >= threshold;
                if (busy) {
                    busyNanos += t - previous;
                }
                if (q < due.length && due[q] <= times[r]) {
                    q++;
                } else {
                    busyReplies += busy ? 1 : 0;
                    r++;
                }
                previous = t;
            }
            double span = (times[times.length - 1] - times[0]) / 1e9;
            System.out.printf("outbound: %d replies for %d new customers, over %.1f s%n", times.length, due.length,
                    span);
            if (busyNanos < 2_000_000_000L) {
                System.out.printf("outbound: never a second's worth (%.0f) of replies waiting for over 2 s: the pacing"
                        + " was not put to the test (try --new-customer-every=1)%n", threshold);
            } else {
                double rate = busyReplies / (busyNanos / 1e9);
                System.out.printf("outbound: %.2f sends/s over the %.1f s during which at least %.0f replies waited "
                        + "(configured %.0f/s, off by %.2f%%)%n", rate, busyNanos / 1e9, threshold, expectedRate,
                        100 * Math.abs(rate - expectedRate) / expectedRate);
            }
        }
        graph.stop(0);
        System.exit(0);
    }

    private static HttpServer fakeGraphApi(int port, ConcurrentLinkedQueue<Long> times) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 256);
        AtomicLong ids = new AtomicLong();
        server.createContext("/", exchange -> {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                times.add(System.nanoTime());
                byte[] answer = ("{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"x\",\"wa_id\":\"x\"}],"
                        + "\"messages\":[{\"id\":\"wamid.OUT-" + ids.incrementAndGet() + "\"}]}")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, answer.length);
                exchange.getResponseBody().write(answer);
            }
        });
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        server.start();
        return server;
    }

    private static byte[] textWebhook(String phoneNumberId, String waId, String wamid, String text) {
        return ("{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102290129340398\",\"changes\":[{"
                + "\"field\":\"messages\",\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":{"
                + "\"display_phone_number\":\"15550001111\",\"phone_number_id\":\"" + phoneNumberId + "\"},"
                + "\"contacts\":[{\"profile\":{\"name\":\"Bench\"},\"wa_id\":\"" + waId + "\"}],"
                + "\"messages\":[{\"from\":\"" + waId + "\",\"id\":\"" + wamid + "\",\"timestamp\":\""
                + System.currentTimeMillis() / 1000 + "\",\"type\":\"text\",\"text\":{\"body\":\"" + text
                + "\"}}]}}]}]}").getBytes(StandardCharsets.UTF_8);
    }

    private static double pct(long[] sorted, double p) {
        int i = (int) Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1);
        return sorted[Math.max(0, i)] / 1e6;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> o = new java.util.HashMap<>();
        for (String a : args) {
            if (a.startsWith("--") && a.contains("=")) {
                o.put(a.substring(2, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
            } else {
                throw new IllegalArgumentException("options are --name=value: " + a);
            }
        }
        return o;
    }
}
