import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Full shopping conversations per second through a running Parla, as WhatsApp customers have them (the same
 * conversation as ShoppingIT's WhatsApp purchase): a greeting with a search, a product picked from the list, a size
 * picked from the size list, added to the cart, checkout, a typed address, a delivery day, delivery updates yes or
 * no, the payment link; then (--pay=true, the default) the payment page is opened and paid with the approved test
 * card over HTTP, and the "Payment received" message awaited.
 *
 * Every simulated customer is new (a fresh wa_id, unique per run) and behaves like a person: the next webhook is
 * sent only once the reply it answers has reached the fake Graph API this program plays. A reply's latency is the
 * time from the start of the webhook POST that caused it to its arrival at the fake Graph API (the connector sends
 * after the commit, paced at the number's rate: 80 messages/s for the demo account, about 10 messages per
 * conversation, so at most about 8 conversations/s whatever the server could do).
 *
 * Before the run the demo store's stock is set high (parla.catalog.stock.changed over STOMP, the integration path a
 * warehouse uses), so that the run's orders never meet a sold-out size; --restock=false leaves it alone.
 *
 * Run with the JDK's source launcher (no build): see ./parla bench shopping.
 */
public class ShoppingBenchmark {

    // what the customer waits for at each step, in order
    static final String[] STEPS = {"greeting", "search results", "product card", "size list", "added to cart",
            "address request", "delivery days", "updates question", "payment link", "payment received"};

    static String webhookUrl;
    static String secret;
    static String phoneNumberId;
    static long replyTimeoutNanos;
    static boolean pay;
    static String searchText;
    static boolean returning;
    static String NODELAY = "true";
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    static final Map<String, Customer> CUSTOMERS = new ConcurrentHashMap<>();
    static final AtomicLong UNROUTED = new AtomicLong();
    static final AtomicLong GRAPH_REQUESTS = new AtomicLong();
    static final ConcurrentLinkedQueue<Long> GRAPH_TIMES = new ConcurrentLinkedQueue<>();
    static final AtomicLong WAMIDS = new AtomicLong();
    static String run;

    /** One measured phase's figures. */
    static final class Stats {
        final Map<String, ConcurrentLinkedQueue<Long>> perStep = new LinkedHashMap<>();
        final ConcurrentLinkedQueue<Long> allReplies = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<Long> acks = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<Long> conversationTimes = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<Long> payPageGet = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<Long> payPost = new ConcurrentLinkedQueue<>();
        final Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
        final ConcurrentLinkedQueue<String> errorSamples = new ConcurrentLinkedQueue<>();
        final AtomicInteger completed = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();
        final AtomicLong webhooks = new AtomicLong();
        final AtomicLong replies = new AtomicLong();

        Stats() {
            for (String s : STEPS) {
                perStep.put(s, new ConcurrentLinkedQueue<>());
            }
        }

        void error(String kind, String detail) {
            errors.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
            if (errorSamples.size() < 5) {
                errorSamples.add(kind + ": " + detail);
            }
        }
    }

    /** A reply as it reached the fake Graph API. */
    record Reply(long at, String body) {
    }

    static final class Failure extends Exception {
        final String kind;

        Failure(String kind, String detail) {
            super(detail);
            this.kind = kind;
        }
    }

    /** One new customer and what the store sent them. */
    static final class Customer {
        final String waId;
        final BlockingQueue<Reply> inbox = new LinkedBlockingQueue<>();
        final Stats stats;
        final Mac mac;

        Customer(String waId, Stats stats, Mac mac) {
            this.waId = waId;
            this.stats = stats;
            this.mac = mac;
        }

        /** Posts a webhook; @return when the POST began (the reply latency's start) */
        long post(String message) throws Exception {
            String wamid = "wamid.SHOP-" + run + "-" + WAMIDS.incrementAndGet();
            byte[] body = ("{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102290129340398\","
                    + "\"changes\":[{\"field\":\"messages\",\"value\":{\"messaging_product\":\"whatsapp\","
                    + "\"metadata\":{\"display_phone_number\":\"15550001111\",\"phone_number_id\":\"" + phoneNumberId
                    + "\"},\"contacts\":[{\"profile\":{\"name\":\"Bench\"},\"wa_id\":\"" + waId + "\"}],"
                    + "\"messages\":[{\"from\":\"" + waId + "\",\"id\":\"" + wamid + "\",\"timestamp\":\""
                    + System.currentTimeMillis() / 1000 + "\"," + message + "}]}}]}]}")
                    .getBytes(StandardCharsets.UTF_8);
            String signature = "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
            HttpRequest request = HttpRequest.newBuilder(URI.create(webhookUrl))
                    .header("Content-Type", "application/json").header("X-Hub-Signature-256", signature)
                    .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            long start = System.nanoTime();
            int status;
            try {
                status = HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (java.io.IOException e) {
                throw new Failure("webhook I/O error", e.toString());
            }
            stats.acks.add(System.nanoTime() - start);
            stats.webhooks.incrementAndGet();
            if (status != 200) {
                throw new Failure("webhook HTTP " + status, "webhook answered " + status);
            }
            return start;
        }

        long types(String text) throws Exception {
            return post("\"type\":\"text\",\"text\":{\"body\":\"" + text.replace("\"", "\\\"") + "\"}");
        }

        long picksRow(String id) throws Exception {
            return post("\"type\":\"interactive\",\"interactive\":{\"type\":\"list_reply\",\"list_reply\":{\"id\":\""
                    + id + "\",\"title\":\"row\"}}");
        }

        long taps(String id) throws Exception {
            return post("\"type\":\"interactive\",\"interactive\":{\"type\":\"button_reply\",\"button_reply\":"
                    + "{\"id\":\"" + id + "\",\"title\":\"button\"}}");
        }

        /** Waits for the next reply, recording its latency from {@code sentAt} under the step's name. */
        String next(String step, long sentAt) throws Exception {
            long left = replyTimeoutNanos - (System.nanoTime() - sentAt);
            Reply r = left <= 0 ? null : inbox.poll(left, TimeUnit.NANOSECONDS);
            if (r == null) {
                throw new Failure("timeout waiting for " + step, waId + ": no " + step + " within "
                        + replyTimeoutNanos / 1_000_000_000L + " s");
            }
            long latency = r.at() - sentAt;
            stats.perStep.get(step).add(latency);
            stats.allReplies.add(latency);
            stats.replies.incrementAndGet();
            return r.body();
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = options(args);
        webhookUrl = o.getOrDefault("url", "http://127.0.0.1:8090/webhooks/whatsapp/demo-whatsapp");
        secret = o.getOrDefault("secret", "parla-demo-app-secret");
        phoneNumberId = o.getOrDefault("phone-number-id", "100000000000001");
        String api = o.getOrDefault("api", "http://127.0.0.1:8080");
        String store = o.getOrDefault("store", "demo-boutique");
        int conversations = Integer.parseInt(o.getOrDefault("conversations", "200"));
        int concurrency = Integer.parseInt(o.getOrDefault("concurrency", "16"));
        int warmup = Integer.parseInt(o.getOrDefault("warmup", "32"));
        int graphPort = Integer.parseInt(o.getOrDefault("graph-port", "8099"));
        double rate = Double.parseDouble(o.getOrDefault("rate", "80"));
        replyTimeoutNanos = Long.parseLong(o.getOrDefault("reply-timeout", "60")) * 1_000_000_000L;
        pay = Boolean.parseBoolean(o.getOrDefault("pay", "true"));
        boolean restock = Boolean.parseBoolean(o.getOrDefault("restock", "true"));
        searchText = o.getOrDefault("search", "Hi! Do you have heels?");
        String stomp = o.getOrDefault("stomp", "127.0.0.1:61613");
        NODELAY = o.getOrDefault("graph-nodelay", "true");
        run = Long.toString(System.currentTimeMillis(), 36);
        // new customers on every run: the wa_ids carry the run's start second (as WebhookBenchmark's)
        long customerBase = 1_000_000L * (System.currentTimeMillis() / 1000 % 1_000_000);

        HttpServer graph = fakeGraphApi(graphPort);
        System.out.printf("shopping: %d conversations (+%d warm-up, not counted) by new WhatsApp customers, %d at a"
                        + " time, each a full purchase%s; webhooks to %s%n", conversations, warmup, concurrency,
                pay ? " paid by card on the payment page" : " up to the payment link (not paid)", webhookUrl);
        System.out.printf("outbound: fake Graph API on 127.0.0.1:%d (start Parla with "
                + "PARLA_CHANNEL_WHATSAPP_GRAPH_URL=http://127.0.0.1:%d/v23.0)%n", graphPort, graphPort);
        if (restock) {
            restock(api, store, stomp);
        }

        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        AtomicLong nextCustomer = new AtomicLong();
        String returningFrom = o.get("returning-from");
        if (returningFrom != null) {
            // customers the store knows (e.g. the history's regulars from seed-history: 447700000000 has the most
            // orders, then 447700000001, ...), one conversation each: a WhatsApp recipient is paced at one message
            // per 6 s after a burst of 10, so a customer's second conversation within a minute would wait for that
            returning = true;
            long first = Long.parseLong(returningFrom);
            System.out.printf("returning customers: %d known customers from wa_id %d on, one conversation each, no"
                    + " warm-up%n", conversations, first);
            warmup = 0;
            Stats s = new Stats();
            long graphBefore = GRAPH_REQUESTS.get();
            long start = System.nanoTime();
            phase(s, conversations, concurrency, mac, () -> Long.toString(first + nextCustomer.getAndIncrement()));
            report(s, (System.nanoTime() - start) / 1e9, GRAPH_REQUESTS.get() - graphBefore, rate, concurrency);
            graph.stop(0);
            System.exit(s.failed.get() == 0 ? 0 : 1);
        }
        if (warmup > 0) {
            Stats w = new Stats();
            long t = System.nanoTime();
            phase(w, warmup, concurrency, mac, () -> "39" + (customerBase + nextCustomer.getAndIncrement()));
            System.out.printf("warm-up: %d conversations in %.1f s (%d failed)%n", w.completed.get(),
                    (System.nanoTime() - t) / 1e9, w.failed.get());
        }
        Stats s = new Stats();
        long graphBefore = GRAPH_REQUESTS.get();
        String serverPid = o.get("server-pid");
        long cpuBefore = cpuTicks(serverPid);
        long start = System.nanoTime();
        phase(s, conversations, concurrency, mac, () -> "39" + (customerBase + nextCustomer.getAndIncrement()));
        double seconds = (System.nanoTime() - start) / 1e9;
        long cpuAfter = cpuTicks(serverPid);
        long sends = GRAPH_REQUESTS.get() - graphBefore;
        report(s, seconds, sends, rate, concurrency);
        if (cpuBefore >= 0 && cpuAfter >= 0 && s.completed.get() > 0) {
            // clock ticks of 10 ms (USER_HZ 100 on Linux)
            double cpuMs = (cpuAfter - cpuBefore) * 10.0;
            System.out.printf("server CPU (pid %s, user+system): %.1f s over %.1f s = %.2f of 2 cores; %.0f ms per"
                            + " conversation%n", serverPid, cpuMs / 1000, seconds, cpuMs / 1000 / seconds,
                    cpuMs / s.completed.get());
            System.out.printf("RESULT server_cpu_ms_per_conversation=%.0f%n", cpuMs / s.completed.get());
        }
        graph.stop(0);
        System.exit(s.failed.get() == 0 ? 0 : 1);
    }

    interface Ids {
        String next();
    }

    static void phase(Stats stats, int count, int concurrency, Mac mac, Ids ids) throws Exception {
        AtomicInteger left = new AtomicInteger(count);
        CountDownLatch done = new CountDownLatch(concurrency);
        for (int t = 0; t < concurrency; t++) {
            Mac own = (Mac) mac.clone();
            Thread thread = new Thread(() -> {
                try {
                    while (left.getAndDecrement() > 0) {
                        Customer c = new Customer(ids.next(), stats, own);
                        CUSTOMERS.put(c.waId, c);
                        long began = System.nanoTime();
                        try {
                            converse(c);
                            stats.completed.incrementAndGet();
                            stats.conversationTimes.add(System.nanoTime() - began);
                        } catch (Failure f) {
                            stats.failed.incrementAndGet();
                            stats.error(f.kind, f.getMessage());
                        } catch (Exception e) {
                            stats.failed.incrementAndGet();
                            stats.error(e.getClass().getSimpleName(), String.valueOf(e.getMessage()));
                        } finally {
                            CUSTOMERS.remove(c.waId);
                        }
                    }
                } finally {
                    done.countDown();
                }
            }, "customer-" + t);
            thread.start();
        }
        done.await();
    }

    static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");
    static final Pattern URL = Pattern.compile("\"url\":\"([^\"]+)\"");

    /** The conversation of ShoppingIT's WhatsApp purchase, choosing at random where a person would. */
    static void converse(Customer c) throws Exception {
        long sent = c.types(searchText);
        String results;
        if (returning) { // greeted in an earlier conversation: the search results come first
            results = c.next("search results", sent);
        } else {
            String greeting = c.next("greeting", sent);
            expect(greeting.contains("Welcome"), "greeting", greeting);
            results = c.next("search results", sent);
        }
        String product = pick(results, "p:", "search results");

        sent = c.picksRow(product);
        String card = c.next("product card", sent);
        List<String> sizes = ids(card, "sizes:");
        String added;
        if (sizes.isEmpty()) { // one size (a bag): added from the card
            sent = c.taps(pick(card, "add:", "product card"));
            added = c.next("added to cart", sent);
        } else {
            sent = c.taps(sizes.get(0));
            String sizeList = c.next("size list", sent);
            sent = c.picksRow(pick(sizeList, "v:", "size list"));
            added = c.next("added to cart", sent);
        }
        expect(ids(added, "checkout").contains("checkout"), "added to cart", added);

        sent = c.taps("checkout");
        String where = c.next("address request", sent);
        if (where.contains("addr:saved")) { // a returning customer: the address of their last order, offered
            sent = c.taps("addr:saved");
        } else {
            expect(where.contains("location_request_message"), "address request", where);
            sent = c.types("Via Roma " + ThreadLocalRandom.current().nextInt(1, 200) + ", 20121 Milano");
        }
        String days = c.next("delivery days", sent);
        sent = c.taps(pick(days, "date:", "delivery days"));
        String updates = c.next("updates question", sent);
        expect(updates.contains("updates:yes"), "updates question", updates);

        sent = c.taps(ThreadLocalRandom.current().nextBoolean() ? "updates:yes" : "updates:no");
        String link = c.next("payment link", sent);
        expect(link.contains("cta_url"), "payment link", link);
        if (!pay) {
            return;
        }
        Matcher url = URL.matcher(link);
        expect(url.find(), "payment link", link);
        String payUrl = url.group(1).replace("\\/", "/");

        long t = System.nanoTime();
        HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(URI.create(payUrl)).timeout(Duration.ofSeconds(30))
                .build(), HttpResponse.BodyHandlers.ofString());
        c.stats.payPageGet.add(System.nanoTime() - t);
        if (page.statusCode() != 200) {
            throw new Failure("payment page HTTP " + page.statusCode(), payUrl);
        }
        String form = "card=" + java.net.URLEncoder.encode("4242 4242 4242 4242", StandardCharsets.UTF_8) + "&expiry=12%2F29&cvc=123";
        sent = System.nanoTime();
        HttpResponse<String> paid = HTTP.send(HttpRequest.newBuilder(URI.create(payUrl))
                .header("Content-Type", "application/x-www-form-urlencoded").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        c.stats.payPost.add(System.nanoTime() - sent);
        if (paid.statusCode() != 200 || !paid.body().contains("is paid")) {
            throw new Failure("payment HTTP " + paid.statusCode(), payUrl);
        }
        String received = c.next("payment received", sent);
        expect(received.contains("Payment received"), "payment received", received);
    }

    static void expect(boolean ok, String step, String body) throws Failure {
        if (!ok) {
            throw new Failure("unexpected " + step, body.length() > 300 ? body.substring(0, 300) + "..." : body);
        }
    }

    static List<String> ids(String body, String prefix) {
        List<String> ids = new ArrayList<>();
        Matcher m = ID.matcher(body);
        while (m.find()) {
            if (m.group(1).startsWith(prefix)) {
                ids.add(m.group(1));
            }
        }
        return ids;
    }

    /** A choice with this id prefix, at random, as a person picks. */
    static String pick(String body, String prefix, String step) throws Failure {
        List<String> ids = ids(body, prefix);
        expect(!ids.isEmpty(), step, body);
        return ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
    }

    static final Pattern TO = Pattern.compile("\"to\":\"([^\"]+)\"");

    static HttpServer fakeGraphApi(int port) throws Exception {
        // the JDK's HttpServer writes a response's headers and body apart; without TCP_NODELAY, Nagle holds the body
        // until the client's delayed ACK (about 40 ms), and the connector sends a conversation's next reply only
        // after this answer: the fake Graph API itself would add ~40 ms to some replies (the real API is not slow so)
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", NODELAY);
        }
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 512);
        AtomicLong ids = new AtomicLong();
        server.createContext("/", exchange -> {
            try (exchange) {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                long at = System.nanoTime();
                GRAPH_REQUESTS.incrementAndGet();
                GRAPH_TIMES.add(at);
                Matcher to = TO.matcher(body);
                Customer c = to.find() ? CUSTOMERS.get(to.group(1)) : null;
                if (c == null) {
                    UNROUTED.incrementAndGet();
                } else {
                    c.inbox.add(new Reply(at, body));
                }
                byte[] answer = ("{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"x\",\"wa_id\":\"x\"}],"
                        + "\"messages\":[{\"id\":\"wamid.OUT-" + run + "-" + ids.incrementAndGet() + "\"}]}")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, answer.length);
                exchange.getResponseBody().write(answer);
            }
        });
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(8));
        server.start();
        return server;
    }

    static final Pattern VARIANTS = Pattern.compile("\"variants\":\\[(.*?)\\]");
    static final Pattern SKU = Pattern.compile("\"sku\":\"([^\"]+)\"");
    static final Pattern STOCK = Pattern.compile("\"stock\":([0-9]+)");

    /** Sets every size of the store to a high stock over STOMP (parla.catalog.in), and waits until it shows. */
    static void restock(String api, String store, String stomp) throws Exception {
        final int level = 1_000_000;
        URI products = URI.create(api + "/api/v1/stores/" + store + "/products");
        List<String> skus = new ArrayList<>();
        String catalog = HTTP.send(HttpRequest.newBuilder(products).build(), HttpResponse.BodyHandlers.ofString())
                .body();
        Matcher v = VARIANTS.matcher(catalog);
        while (v.find()) {
            Matcher s = SKU.matcher(v.group(1));
            while (s.find()) {
                skus.add(s.group(1));
            }
        }
        if (skus.isEmpty()) {
            throw new IllegalStateException("no sizes in " + products + ": " + catalog);
        }
        String[] hostPort = stomp.split(":");
        try (Socket socket = new Socket(hostPort[0], Integer.parseInt(hostPort[1]))) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write("CONNECT\naccept-version:1.2\nhost:parla\nlogin:parla\npasscode:parla\n\n\0"
                    .getBytes(StandardCharsets.UTF_8));
            String connected = frame(in);
            if (!connected.startsWith("CONNECTED")) {
                throw new IllegalStateException("STOMP " + stomp + ": " + connected);
            }
            for (String sku : skus) {
                String event = "{\"id\":\"bench-restock-" + run + "-" + sku + "\",\"type\":\"parla.catalog.stock.changed\","
                        + "\"source\":\"shopping-benchmark\",\"data\":{\"store\":\"" + store + "\",\"sku\":\"" + sku
                        + "\",\"stock\":" + level + "}}";
                out.write(("SEND\ndestination:/queue/parla.catalog.in\ncontent-type:application/json\n"
                        + "persistent:true\n\n" + event + "\0").getBytes(StandardCharsets.UTF_8));
            }
            out.write("DISCONNECT\nreceipt:bye\n\n\0".getBytes(StandardCharsets.UTF_8));
            out.flush();
            frame(in);
        }
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (true) {
            String now = HTTP.send(HttpRequest.newBuilder(products).build(), HttpResponse.BodyHandlers.ofString())
                    .body();
            Matcher s = STOCK.matcher(now);
            int low = 0;
            while (s.find()) {
                if (Integer.parseInt(s.group(1)) < level / 2) {
                    low++;
                }
            }
            if (low == 0) {
                break;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(low + " sizes still not restocked after 60 s");
            }
            Thread.sleep(500);
        }
        System.out.printf("restock: the %d sizes of %s set to %,d in stock (parla.catalog.stock.changed over STOMP)%n",
                skus.size(), store, level);
    }

    static String frame(InputStream in) throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) > 0) {
            b.write(c);
        }
        String f = b.toString(StandardCharsets.UTF_8).stripLeading();
        return f;
    }

    static void report(Stats s, double seconds, long sends, double rate, int concurrency) {
        int completed = s.completed.get();
        System.out.printf("conversations: %d completed, %d failed, in %.1f s = %.2f conversations/s%n", completed,
                s.failed.get(), seconds, completed / seconds);
        System.out.printf("counts: %d webhooks posted, %d replies received by this run's customers, %d requests at the"
                        + " fake Graph API (%.1f/s), %d not for a customer of this phase%n", s.webhooks.get(),
                s.replies.get(), sends, sends / seconds, UNROUTED.get());
        if (!s.errors.isEmpty()) {
            System.out.println("errors: " + s.errors);
            s.errorSamples.forEach(e -> System.out.println("  e.g. " + e));
        } else {
            System.out.println("errors: none (timeouts: 0)");
        }
        long[] all = sorted(s.allReplies);
        if (all.length > 0) {
            System.out.printf("reply latency (webhook POST -> reply at the fake Graph API), all %d replies: p50 %.0f ms,"
                    + " p90 %.0f ms, p99 %.0f ms, max %.0f ms%n", all.length, pct(all, 50), pct(all, 90), pct(all, 99),
                    all[all.length - 1] / 1e6);
        }
        System.out.println("per step (ms)            count    p50    p90    p99    max");
        s.perStep.forEach((step, q) -> line(step, sorted(q)));
        line("webhook ack (HTTP 200)", sorted(s.acks));
        if (pay) {
            line("pay page GET", sorted(s.payPageGet));
            line("pay POST (card)", sorted(s.payPost));
        }
        line("whole conversation", sorted(s.conversationTimes));
        double perConversation = completed == 0 ? 0 : sends / (double) Math.max(1, completed);
        double ceiling = perConversation == 0 ? 0 : rate / perConversation;
        double outRate = sends / seconds;
        System.out.printf("pacing: the demo number is paced at %.0f messages/s; %.1f messages per conversation make at"
                        + " most %.1f conversations/s; this run sent %.1f/s = %.0f%% of the pace: %s%n", rate,
                perConversation, ceiling, outRate, 100 * outRate / rate,
                outRate >= 0.9 * rate ? "PACING IS THE BOUND (more --concurrency only makes replies wait longer)"
                        : "pacing is not the bound (the server, or --concurrency=" + concurrency
                        + " customers who each wait for every reply, is)");
        System.out.printf("RESULT conversations_per_s=%.2f reply_p50_ms=%.0f reply_p99_ms=%.0f completed=%d failed=%d%n",
                completed / seconds, all.length == 0 ? 0 : pct(all, 50), all.length == 0 ? 0 : pct(all, 99),
                completed, s.failed.get());
    }

    /** utime + stime of a process, in clock ticks; -1 when unknown. */
    static long cpuTicks(String pid) {
        if (pid == null || pid.isBlank()) {
            return -1;
        }
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc", pid, "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]); // fields 14 and 15 of proc(5)
        } catch (Exception e) {
            return -1;
        }
    }

    static void line(String name, long[] v) {
        if (v.length == 0) {
            return;
        }
        System.out.printf("  %-22s %6d %6.0f %6.0f %6.0f %6.0f%n", name, v.length, pct(v, 50), pct(v, 90), pct(v, 99),
                v[v.length - 1] / 1e6);
    }

    static long[] sorted(ConcurrentLinkedQueue<Long> q) {
        long[] a = q.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(a);
        return a;
    }

    static double pct(long[] sorted, double p) {
        int i = (int) Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1);
        return sorted[Math.max(0, i)] / 1e6;
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> o = new java.util.HashMap<>();
        for (String a : args) {
            if (a.startsWith("--") && a.contains("=")) {
                o.put(a.substring(2, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
            } else if (a.equals("--help")) {
                System.out.println("options: --conversations=200 --concurrency=16 --warmup=32 --pay=true"
                        + " --restock=true --graph-port=8099 --reply-timeout=60 --server-pid=PID --rate=80 --search='Hi! Do you have"
                        + " heels?' --url=... --api=http://127.0.0.1:8080 --stomp=127.0.0.1:61613"
                        + " --returning-from=447700000000 (known customers instead of new ones)");
                System.exit(0);
            } else {
                throw new IllegalArgumentException("options are --name=value: " + a);
            }
        }
        return o;
    }
}
