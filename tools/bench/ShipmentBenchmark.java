import com.sun.net.httpserver.HttpServer;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shipment updates per second end to end through a running Parla: a carrier's events sent to the real broker over
 * STOMP ({@code parla.shipments.in}, persistent, as a carrier system would), each taken by Parla (idempotency record,
 * the shipment locked and advanced, its timeline, {@code parla.delivery.*} on the events topic, the customer's chat
 * message written to the outbox, all in one transaction) and sent through the connector to the fake Graph API this
 * program plays. An update's latency is from its STOMP SEND to the arrival of the customer's message there.
 *
 * Two commands:
 * <ul>
 * <li>{@code seed}: writes shipments to update straight into the database of the stopped server (as
 * HistorySeeder does): per shipment a new WhatsApp customer of the demo store, their conversation (its last message
 * now, so the 24-hour window is open for a day), a paid order {@code B-000000}, {@code B-000001}, ... with delivery
 * updates wanted, and its booked shipment. References continue after the ones seeded before.</li>
 * <li>{@code run}: takes the next N seeded shipments still booked (found over the REST API: runs use them up in
 * order), sends each the carrier's accepted, then out for delivery, then delivered (a phase after the other, so a
 * shipment's updates are N / rate seconds apart and arrive in order), at the offered rate ({@code --rate}, 0 = as
 * fast as the broker takes them), and waits for every customer message.</li>
 * </ul>
 * Run with the JDK's source launcher (no build): see ./parla bench seed-shipments and ./parla bench shipments.
 */
public class ShipmentBenchmark {

    static final String PREFIX = "B-";
    static final String WA_PREFIX = "4479"; // UK mobile numbers of their own: no other benchmark's customers
    static final String[] PHASES = {"accepted", "out_for_delivery", "delivered"};
    /** What the customer reads of each phase: the message must say it. */
    static final String[] SAYS = {"is with the courier", "is out for delivery", "has been delivered"};
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || !(args[0].equals("seed") || args[0].equals("run"))) {
            System.err.println("usage: ShipmentBenchmark seed --jdbc-url=... [--shipments=50000]\n"
                    + "       ShipmentBenchmark run [--shipments=5000] [--rate=500] [--messages-per-second=1000]"
                    + " [--graph-port=8099] [--api=http://127.0.0.1:8080] [--stomp=127.0.0.1:61613]");
            System.exit(2);
        }
        Map<String, String> o = options(Arrays.copyOfRange(args, 1, args.length));
        if (args[0].equals("seed")) {
            seed(o);
        } else {
            System.exit(new Run(o).call() ? 0 : 1);
        }
    }

    // ------------------------------------------------------------------------------------------------ seeding

    static void seed(Map<String, String> o) throws Exception {
        String url = required(o, "jdbc-url");
        String storeSlug = o.getOrDefault("store", "demo-boutique");
        String account = o.getOrDefault("account", "demo-whatsapp");
        String carrier = o.getOrDefault("carrier", "parla-courier");
        int count = Integer.parseInt(o.getOrDefault("shipments", "50000"));
        Properties p = new Properties();
        String user = o.getOrDefault("user", System.getenv().getOrDefault("PARLA_DB_USER", ""));
        boolean postgres = url.startsWith("jdbc:postgresql:");
        p.setProperty("user", postgres && user.isEmpty() ? "postgres" : user);
        p.setProperty("password", System.getenv().getOrDefault("PARLA_DB_PASSWORD", ""));
        if (postgres) {
            p.setProperty("reWriteBatchedInserts", "true");
        }
        long started = System.nanoTime();
        try (Connection db = DriverManager.getConnection(url, p)) {
            db.setAutoCommit(false);
            long store = single(db, "select id from store where slug = ?", storeSlug);
            if (single(db, "select store_id from channel_account where account_key = ?", account) != store) {
                throw new IllegalStateException("account " + account + " is not the store " + storeSlug + "'s");
            }
            long[] variant = new long[1];
            String[] line = new String[2];
            BigDecimal[] price = new BigDecimal[1];
            try (PreparedStatement s = db.prepareStatement("select v.id, p.name, v.size_label, p.price from"
                    + " product_variant v join product p on p.id = v.product_id where p.store_id = ? order by v.id")) {
                s.setLong(1, store);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        throw new IllegalStateException("store " + storeSlug + " has no products (demo data?)");
                    }
                    variant[0] = r.getLong(1);
                    line[0] = r.getString(2);
                    line[1] = r.getString(3);
                    price[0] = r.getBigDecimal(4);
                }
            }
            int first = 0;
            try (PreparedStatement s = db.prepareStatement("select max(reference) from customer_order where"
                    + " reference like ?")) {
                s.setString(1, PREFIX + "%");
                try (ResultSet r = s.executeQuery()) {
                    if (r.next() && r.getString(1) != null) {
                        first = Integer.parseInt(r.getString(1).substring(PREFIX.length())) + 1;
                    }
                }
            }
            if (first + count > 1_000_000) {
                throw new IllegalArgumentException("references go up to " + PREFIX + "999999");
            }
            long customerId = next(db, "customer");
            long identityId = next(db, "customer_identity");
            long conversationId = next(db, "conversation");
            long orderId = next(db, "customer_order");
            long lineId = next(db, "order_line");
            long shipmentId = next(db, "shipment");
            long stepId = next(db, "shipment_step");
            Batch customer = new Batch(db, "insert into customer (id, store_id, display_name, delivery_address,"
                    + " created_at) values (?, ?, ?, ?, ?)");
            Batch identity = new Batch(db, "insert into customer_identity (id, store_id, channel, account_key,"
                    + " channel_user_id, display_name, opted_out, first_seen_at, last_seen_at, customer_id)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            Batch conversation = new Batch(db, "insert into conversation (id, store_id, identity_id, channel,"
                    + " account_key, started_at, last_inbound_at, greeted_at) values (?, ?, ?, ?, ?, ?, ?, ?)");
            Batch state = new Batch(db, "insert into dialogue_state (conversation_id, store_id, step, language,"
                    + " unsure_count, turns, updated_at) values (?, ?, ?, ?, ?, ?, ?)");
            Batch order = new Batch(db, "insert into customer_order (id, store_id, customer_id, conversation_id,"
                    + " reference, status, payment_method, total, currency, delivery_address, delivery_date,"
                    + " updates_opt_in, created_at, paid_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                    + " ?, ?, ?)");
            Batch lines = new Batch(db, "insert into order_line (id, order_id, variant_id, product_name, size_label,"
                    + " unit_price, quantity) values (?, ?, ?, ?, ?, ?, ?)");
            Batch shipment = new Batch(db, "insert into shipment (id, store_id, order_id, order_reference,"
                    + " customer_id, conversation_id, carrier, status, delivery_address, updates_opt_in,"
                    + " tracking_token, courier_token, status_at, revision, created_at) values (?, ?, ?, ?, ?, ?, ?,"
                    + " ?, ?, ?, ?, ?, ?, ?, ?)");
            Batch step = new Batch(db, "insert into shipment_step (id, shipment_id, status, happened_at) values (?, ?,"
                    + " ?, ?)");
            List<Batch> all = List.of(customer, identity, conversation, state, order, lines, shipment, step);
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            LocalDate day = LocalDate.now().plusDays(2);
            String address = "Via Roma 1, 20121 Milano";
            SecureRandom random = new SecureRandom();
            for (int i = first; i < first + count; i++) {
                String name = "Bench Customer " + i;
                String waId = waId(i);
                long cid = customerId++;
                long iid = identityId++;
                long vid = conversationId++;
                long oid = orderId++;
                long sid = shipmentId++;
                customer.row(cid, store, name, address, now);
                identity.row(iid, store, "whatsapp", account, waId, name, false, now, now, cid);
                conversation.row(vid, store, iid, "whatsapp", account, now, now, now);
                state.row(vid, store, "IDLE", "en", 0, 1, now);
                order.row(oid, store, cid, vid, reference(i), "PAID", "PAYMENT_LINK", price[0], "EUR", address, day,
                        true, now, now, now);
                lines.row(lineId++, oid, variant[0], line[0], line[1], price[0], 1);
                shipment.row(sid, store, oid, reference(i), cid, vid, carrier, "BOOKED", address, true,
                        token(random), token(random), now, 0, now);
                step.row(stepId++, sid, "BOOKED", now);
                if (customer.pending >= 1000 || i == first + count - 1) {
                    for (Batch b : all) { // parents before children
                        b.flush();
                    }
                    db.commit();
                }
            }
            for (Batch b : all) {
                b.statement.close();
            }
            for (String[] t : new String[][]{{"customer", "" + customerId}, {"customer_identity", "" + identityId},
                    {"conversation", "" + conversationId}, {"customer_order", "" + orderId},
                    {"order_line", "" + lineId}, {"shipment", "" + shipmentId}, {"shipment_step", "" + stepId}}) {
                try (Statement s = db.createStatement()) {
                    s.execute("alter table " + t[0] + " alter column id restart with " + t[1]);
                }
            }
            db.commit();
            if (postgres) {
                db.setAutoCommit(true);
                try (Statement s = db.createStatement()) {
                    for (Batch b : all) {
                        s.execute("analyze " + b.table);
                    }
                }
            }
            System.out.printf("seed-shipments: %,d booked shipments %s to %s of store %s (customers %s%08d on, on"
                            + " account %s, their chat window open until %s), in %.0f s%n", count, reference(first),
                    reference(first + count - 1), storeSlug, WA_PREFIX, first, account, now.plusHours(24),
                    (System.nanoTime() - started) / 1e9);
        }
    }

    static String reference(int i) {
        return String.format("%s%06d", PREFIX, i);
    }

    static String waId(int i) {
        return String.format("%s%08d", WA_PREFIX, i);
    }

    static String token(SecureRandom random) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static long next(Connection db, String table) throws SQLException {
        return single(db, "select coalesce(max(id), 0) + 1 from " + table);
    }

    static long single(Connection db, String sql, Object... params) throws SQLException {
        try (PreparedStatement s = db.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    throw new IllegalStateException("nothing found: " + sql + " " + Arrays.toString(params));
                }
                return r.getLong(1);
            }
        }
    }

    /** One table's insert, sent in batches. */
    static final class Batch {
        final String table;
        final PreparedStatement statement;
        int pending;

        Batch(Connection db, String sql) throws SQLException {
            this.table = sql.split(" ")[2];
            this.statement = db.prepareStatement(sql);
        }

        void row(Object... values) throws SQLException {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            statement.addBatch();
            pending++;
        }

        void flush() throws SQLException {
            if (pending > 0) {
                statement.executeBatch();
                pending = 0;
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ the run

    static final class Run {
        final String api;
        final String store;
        final String account;
        final String token;
        final String stomp;
        final int shipments;
        final double rate;
        final int graphPort;
        final int messagesPerSecond;
        final String serverPid;
        final long timeoutNanos;
        final String run = Long.toString(System.currentTimeMillis(), 36);

        int first;
        /** When each update was sent and its message arrived, by phase and shipment (0 = not yet). */
        AtomicLongArray[] sent;
        AtomicLongArray[] arrived;
        AtomicInteger[] messagesTo;
        final AtomicLong unexpected = new AtomicLong();
        final AtomicLong wrongWords = new AtomicLong();
        final List<String> samples = java.util.Collections.synchronizedList(new ArrayList<>());
        final AtomicLong received = new AtomicLong();

        Run(Map<String, String> o) {
            api = o.getOrDefault("api", "http://127.0.0.1:8080");
            store = o.getOrDefault("store", "demo-boutique");
            account = o.getOrDefault("account", "demo-whatsapp");
            token = o.getOrDefault("token", "parla-demo-api-token");
            stomp = o.getOrDefault("stomp", "127.0.0.1:61613");
            shipments = Integer.parseInt(o.getOrDefault("shipments", "5000"));
            rate = Double.parseDouble(o.getOrDefault("rate", "500"));
            graphPort = Integer.parseInt(o.getOrDefault("graph-port", "8099"));
            messagesPerSecond = Integer.parseInt(o.getOrDefault("messages-per-second", "1000"));
            serverPid = o.get("server-pid");
            timeoutNanos = Duration.ofSeconds(Long.parseLong(o.getOrDefault("reply-timeout", "60"))).toNanos();
        }

        boolean call() throws Exception {
            first = firstBooked();
            if (!"BOOKED".equals(status(first + shipments - 1))) {
                System.err.printf("shipments: only %s on are still booked, fewer than %d: seed more (./parla stop &&"
                        + " ./parla bench seed-shipments && ./parla run)%n", reference(first), shipments);
                return false;
            }
            sent = new AtomicLongArray[PHASES.length];
            arrived = new AtomicLongArray[PHASES.length];
            for (int p = 0; p < PHASES.length; p++) {
                sent[p] = new AtomicLongArray(shipments);
                arrived[p] = new AtomicLongArray(shipments);
            }
            messagesTo = new AtomicInteger[shipments];
            Arrays.setAll(messagesTo, i -> new AtomicInteger());
            HttpServer graph = fakeGraphApi();
            int previousRate = accountRate(messagesPerSecond);
            System.out.printf("shipments: %,d seeded shipments %s to %s, %d updates each (%s) = %,d updates, offered"
                            + " at %s; replies at the fake Graph API on 127.0.0.1:%d (start Parla with"
                            + " PARLA_CHANNEL_WHATSAPP_GRAPH_URL=http://127.0.0.1:%d/v23.0)%n", shipments,
                    reference(first), reference(first + shipments - 1), PHASES.length, String.join(", ", PHASES),
                    shipments * PHASES.length, rate > 0 ? String.format("%.0f/s", rate) : "once (as fast as it goes)",
                    graphPort, graphPort);
            System.out.printf("account %s sends at %d messages/s for this run (was %s)%n", account,
                    messagesPerSecond > 0 ? messagesPerSecond : previousRate,
                    previousRate == 0 ? "the channel's default" : previousRate + "/s");
            long cpuBefore = cpuTicks(serverPid);
            long start = System.nanoTime();
            try {
                send(start);
                long sentAll = System.nanoTime();
                boolean complete = awaitMessages();
                long end = lastArrival();
                long cpuAfter = cpuTicks(serverPid);
                report(start, sentAll, end, cpuBefore, cpuAfter, complete);
                return complete && wrongWords.get() == 0;
            } finally {
                graph.stop(0);
                if (messagesPerSecond > 0 && previousRate != messagesPerSecond) {
                    accountRate(previousRate);
                }
            }
        }

        /** The first seeded shipment still booked: runs use them up in order, so a binary search finds it. */
        int firstBooked() throws Exception {
            if (status(0) == null) {
                throw new IllegalStateException("no seeded shipments (" + reference(0) + " not found at " + api
                        + "): ./parla stop && ./parla bench seed-shipments && ./parla run");
            }
            int lo = 0;
            int hi = 1;
            while (isUsed(status(hi))) { // exponential, then binary: the first index not used
                lo = hi;
                hi *= 2;
            }
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (isUsed(status(mid))) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }

        static boolean isUsed(String status) {
            return status != null && !status.equals("BOOKED");
        }

        static final Pattern STATUS = Pattern.compile("\"status\":\"([A-Z_]+)\"");

        /** The shipment's status over the REST API; null if there is no such order. */
        String status(int i) throws Exception {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(api + "/api/v1/stores/" + store
                    + "/orders/" + reference(i) + "/shipment")).header("Authorization", "Bearer " + token).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 404) {
                return null;
            }
            Matcher m = STATUS.matcher(r.body());
            if (r.statusCode() != 200 || !m.find()) {
                throw new IllegalStateException("shipment of " + reference(i) + ": HTTP " + r.statusCode() + " "
                        + r.body());
            }
            return m.group(1);
        }

        static final Pattern RATE = Pattern.compile("\"messagesPerSecond\":([0-9]+)");

        /** Sets the account's send rate over the REST API (0 leaves it); @return the rate it had */
        int accountRate(int perSecond) throws Exception {
            String path = api + "/api/v1/stores/" + store + "/channel-accounts";
            HttpResponse<String> list = HTTP.send(HttpRequest.newBuilder(URI.create(path)).header("Authorization",
                    "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            int at = list.body().indexOf("\"accountKey\":\"" + account + "\"");
            Matcher before = RATE.matcher(list.body());
            if (list.statusCode() != 200 || at < 0) {
                throw new IllegalStateException("channel accounts: HTTP " + list.statusCode() + " " + list.body());
            }
            int objectStart = list.body().lastIndexOf('{', at);
            int previous = before.find(objectStart) ? Integer.parseInt(before.group(1)) : 0;
            if (perSecond > 0 || previous != perSecond) {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(path + "/" + account))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                        .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"messagesPerSecond\":" + perSecond
                                + "}")).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200) {
                    throw new IllegalStateException("setting the send rate: HTTP " + r.statusCode() + " " + r.body());
                }
            }
            return previous;
        }

        static final Pattern TO = Pattern.compile("\"to\":\"" + WA_PREFIX + "([0-9]{8})\"");

        HttpServer fakeGraphApi() throws Exception {
            // TCP_NODELAY, as the shopping benchmark explains: else Nagle and the delayed ACK add ~40 ms per send
            System.setProperty("sun.net.httpserver.nodelay", "true");
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", graphPort), 1024);
            AtomicLong ids = new AtomicLong();
            server.createContext("/", exchange -> {
                try (exchange) {
                    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                    long at = System.nanoTime();
                    arrivedMessage(body, at);
                    byte[] answer = ("{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"x\",\"wa_id\":"
                            + "\"x\"}],\"messages\":[{\"id\":\"wamid.SHIP-" + run + "-" + ids.incrementAndGet()
                            + "\"}]}").getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().set("Content-Type", "application/json");
                    exchange.sendResponseHeaders(200, answer.length);
                    exchange.getResponseBody().write(answer);
                }
            });
            server.setExecutor(Executors.newFixedThreadPool(8));
            server.start();
            return server;
        }

        /** A customer's message: the k-th to a shipment's customer answers its k-th update (a conversation's are in order). */
        void arrivedMessage(String body, long at) {
            Matcher to = TO.matcher(body);
            int i = to.find() ? Integer.parseInt(to.group(1)) - first : -1;
            if (i < 0 || i >= shipments) {
                unexpected.incrementAndGet();
                return;
            }
            int k = messagesTo[i].getAndIncrement();
            if (k >= PHASES.length) {
                unexpected.incrementAndGet();
                return;
            }
            if (!(body.contains(reference(first + i)) && body.contains(SAYS[k]))) {
                if (wrongWords.incrementAndGet() <= 3) {
                    samples.add("update " + PHASES[k] + " of " + reference(first + i) + " read: " + body);
                }
            }
            arrived[k].set(i, at);
            received.incrementAndGet();
        }

        /** The updates over one STOMP connection, phase after phase, at the offered rate. */
        void send(long start) throws Exception {
            String[] hostPort = stomp.split(":");
            try (Socket socket = new Socket(hostPort[0], Integer.parseInt(hostPort[1]))) {
                socket.setTcpNoDelay(true);
                socket.setSoTimeout(30_000);
                OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 1 << 16);
                InputStream in = socket.getInputStream();
                out.write("CONNECT\naccept-version:1.2\nhost:parla\nlogin:parla\npasscode:parla\n\n\0"
                        .getBytes(StandardCharsets.UTF_8));
                out.flush();
                String connected = frame(in);
                if (!connected.startsWith("CONNECTED")) {
                    throw new IllegalStateException("STOMP " + stomp + ": " + connected);
                }
                long n = 0;
                for (int p = 0; p < PHASES.length; p++) {
                    for (int i = 0; i < shipments; i++, n++) {
                        if (rate > 0) {
                            long due = start + (long) (n * 1e9 / rate);
                            long wait;
                            while ((wait = due - System.nanoTime()) > 0) {
                                java.util.concurrent.locks.LockSupport.parkNanos(wait);
                            }
                        }
                        String event = "{\"id\":\"bench-" + run + "-" + p + "-" + i + "\",\"type\":"
                                + "\"parla.shipment." + PHASES[p] + "\",\"source\":\"shipment-benchmark\",\"time\":\""
                                + Instant.now() + "\",\"data\":{\"order\":\"" + reference(first + i) + "\",\"store\":\""
                                + store + "\",\"at\":\"" + Instant.now() + "\"" + (p == 1 ? ",\"eta\":\""
                                + Instant.now().plus(Duration.ofHours(2)) + "\"" : "") + "}}";
                        sent[p].set(i, System.nanoTime());
                        out.write(("SEND\ndestination:/queue/parla.shipments.in\ncontent-type:application/json\n"
                                + "persistent:true\n\n" + event + "\0").getBytes(StandardCharsets.UTF_8));
                        if (rate > 0) {
                            out.flush();
                        }
                    }
                }
                // a receipt: every SEND before it was taken by the broker
                out.write("DISCONNECT\nreceipt:bye\n\n\0".getBytes(StandardCharsets.UTF_8));
                out.flush();
                String receipt = frame(in);
                if (!receipt.startsWith("RECEIPT")) {
                    throw new IllegalStateException("STOMP: no receipt: " + receipt);
                }
            }
        }

        boolean awaitMessages() throws InterruptedException {
            long expected = (long) shipments * PHASES.length;
            long lastCount = -1;
            long lastProgress = System.nanoTime();
            while (received.get() < expected) {
                long now = System.nanoTime();
                if (received.get() != lastCount) {
                    lastCount = received.get();
                    lastProgress = now;
                } else if (now - lastProgress > timeoutNanos) {
                    return false;
                }
                Thread.sleep(50);
            }
            return true;
        }

        long lastArrival() {
            long last = 0;
            for (AtomicLongArray a : arrived) {
                for (int i = 0; i < a.length(); i++) {
                    last = Math.max(last, a.get(i));
                }
            }
            return last;
        }

        void report(long start, long sentAll, long end, long cpuBefore, long cpuAfter, boolean complete) {
            long updates = (long) shipments * PHASES.length;
            double sendSeconds = (sentAll - start) / 1e9;
            double seconds = (end - start) / 1e9;
            System.out.printf("sent: %,d updates in %.1f s = %.0f/s offered over STOMP%n", updates, sendSeconds,
                    updates / sendSeconds);
            System.out.printf("received: %,d customer messages of %,d (%s), %d not for this run's shipments, %d with"
                            + " words other than the update's%n", received.get(), updates,
                    complete ? "all" : "MISSING " + (updates - received.get()) + " after " + timeoutNanos / 1_000_000_000
                            + " s without progress", unexpected.get(), wrongWords.get());
            samples.forEach(s -> System.out.println("  e.g. " + s));
            System.out.printf("end to end: %,d updates from the first SEND to the last message at the fake Graph API in"
                    + " %.1f s = %.0f updates/s%n", received.get(), seconds, received.get() / seconds);
            List<Long> all = new ArrayList<>();
            System.out.println("latency (SEND -> message at the fake Graph API), ms   count    p50    p90    p99    max");
            for (int p = 0; p < PHASES.length; p++) {
                List<Long> phase = new ArrayList<>();
                for (int i = 0; i < shipments; i++) {
                    if (arrived[p].get(i) != 0) {
                        phase.add(arrived[p].get(i) - sent[p].get(i));
                    }
                }
                all.addAll(phase);
                line(PHASES[p], phase);
            }
            line("all", all);
            long[] sorted = all.stream().mapToLong(Long::longValue).sorted().toArray();
            double cpuMs = cpuBefore >= 0 && cpuAfter >= 0 ? (cpuAfter - cpuBefore) * 10.0 : -1; // USER_HZ 100
            if (cpuMs >= 0) {
                System.out.printf("server CPU (pid %s, user+system): %.1f s over %.1f s = %.2f cores; %.2f ms per"
                        + " update%n", serverPid, cpuMs / 1000, seconds, cpuMs / 1000 / seconds,
                        cpuMs / Math.max(1, received.get()));
            }
            System.out.printf("RESULT updates_per_s=%.0f p50_ms=%.0f p99_ms=%.0f received=%d of %d%s%n",
                    received.get() / seconds, sorted.length == 0 ? 0 : pct(sorted, 50),
                    sorted.length == 0 ? 0 : pct(sorted, 99), received.get(), updates,
                    cpuMs >= 0 ? String.format(" server_cpu_ms_per_update=%.2f", cpuMs / Math.max(1, received.get()))
                            : "");
        }
    }

    static void line(String name, List<Long> nanos) {
        if (nanos.isEmpty()) {
            return;
        }
        long[] v = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("  %-50s %6d %6.0f %6.0f %6.0f %6.0f%n", name, v.length, pct(v, 50), pct(v, 90), pct(v, 99),
                v[v.length - 1] / 1e6);
    }

    static double pct(long[] sorted, double p) {
        int i = (int) Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1);
        return sorted[Math.max(0, i)] / 1e6;
    }

    static String frame(InputStream in) throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) > 0) {
            b.write(c);
        }
        return b.toString(StandardCharsets.UTF_8).stripLeading();
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

    static String required(Map<String, String> o, String name) {
        String v = o.get(name);
        if (v == null) {
            throw new IllegalArgumentException("--" + name + "=... is required");
        }
        return v;
    }

    static Map<String, String> options(String[] args) {
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
