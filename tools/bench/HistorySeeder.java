import java.math.BigDecimal;
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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;

/**
 * A year of history for one store, written straight into Parla's database with batched JDBC inserts, so that a
 * benchmark can show whether the cost of a conversation grows with what came before: customers (each with a
 * WhatsApp identity, a conversation and its dialogue state), orders with their lines (paid, expired, cancelled;
 * none left awaiting payment, so the reaper has nothing to do), and the messages of those conversations, received
 * (typed texts and taps) and sent (outbox rows the channel accepted, delivered, read, a few failed), spread over
 * the last 365 days, more orders from some customers than from others.
 *
 * The server must be stopped: ids are given here (from the tables' current maximum on) and the identity columns
 * restarted past them afterwards. A marker row in processed_event makes a second run refuse, and tells a finished
 * seeding from an interrupted one. Works on H2 (the file database) and PostgreSQL (ANALYZE after the load).
 *
 * Run with the JDK's source launcher, the JDBC driver on the class path: see ./parla bench seed-history.
 */
public class HistorySeeder {

    static final String MARKER = "bench-history-seed";
    static final int BATCH = 1000;
    static final String[] FIRST = {"Anna", "Marco", "Giulia", "Luca", "Sofia", "Matteo", "Chiara", "Paolo", "Emma",
            "Oliver", "Amelia", "Jack", "Isla", "Noah", "Lea", "Hugo", "Clara", "Elena", "David", "Sara", "Nina",
            "Tom", "Mia", "Leo", "Ava", "Ben", "Zoe", "Max", "Ida", "Eva"};
    static final String[] LAST = {"Rossi", "Bianchi", "Smith", "Jones", "Müller", "Martin", "Ferrari", "Romano",
            "Brown", "Taylor", "Colombo", "Ricci", "Dubois", "García", "Novak", "Wilson", "Conti", "Greco"};
    static final String[] STREETS = {"Via Roma", "Corso Buenos Aires", "Via Dante", "High Street", "Via Torino",
            "Piazza Duomo", "Rue de Rivoli", "Via Manzoni", "Baker Street", "Corso Venezia"};
    static final String[] CITIES = {"20121 Milano", "00184 Roma", "10121 Torino", "50123 Firenze", "W1U 6AG London",
            "75001 Paris", "80133 Napoli", "40121 Bologna"};
    static final String[] SEARCHES = {"Hi! Do you have heels?", "do you have the ballet flats in a 38?",
            "show me your sneakers", "I'm looking for a leather bag", "any boots in 39?", "hello, a dress for a wedding",
            "do you have sandals", "loafers in size 40 please", "hi", "what's new in bags?"};
    static final String LETTERS = "ABCDEFGHJKMNPQRSTUVWXYZ";
    static final String DIGITS = "23456789";

    record Variant(long id, long productId, String name, String size, BigDecimal price) {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = options(args);
        String url = required(o, "jdbc-url");
        String store = o.getOrDefault("store", "demo-boutique");
        String account = o.getOrDefault("account", "demo-whatsapp");
        int orders = Integer.parseInt(o.getOrDefault("orders", "100000"));
        int messages = Integer.parseInt(o.getOrDefault("messages", "1000000"));
        int customers = Integer.parseInt(o.getOrDefault("customers", "20000"));
        int days = Integer.parseInt(o.getOrDefault("days", "365"));
        if (customers < 1 || orders < customers || messages < 2L * orders) {
            throw new IllegalArgumentException("need orders >= customers >= 1 and messages >= 2 x orders");
        }
        Properties p = new Properties();
        String user = o.getOrDefault("user", System.getenv().getOrDefault("PARLA_DB_USER", ""));
        String password = System.getenv().getOrDefault("PARLA_DB_PASSWORD", "");
        boolean postgres = url.startsWith("jdbc:postgresql:");
        if (postgres) {
            p.setProperty("user", user.isEmpty() ? "postgres" : user);
            p.setProperty("password", password);
            p.setProperty("reWriteBatchedInserts", "true"); // multi-row inserts: an order of magnitude faster
        } else {
            p.setProperty("user", user);
            p.setProperty("password", password);
        }
        long started = System.nanoTime();
        try (Connection db = DriverManager.getConnection(url, p)) {
            db.setAutoCommit(false);
            new HistorySeeder(db, postgres).seed(store, account, customers, orders, messages, days);
        }
        System.out.printf("seed-history: done in %.0f s%n", (System.nanoTime() - started) / 1e9);
    }

    final Connection db;
    final boolean postgres;
    final Random random = new Random(20260101L);
    final SecureRandom tokens = new SecureRandom();
    final Instant now = Instant.now();

    HistorySeeder(Connection db, boolean postgres) {
        this.db = db;
        this.postgres = postgres;
    }

    void seed(String storeSlug, String account, int customers, int orderCount, int messageCount, int days)
            throws Exception {
        long store = single("select id from store where slug = ?", storeSlug);
        long accountStore = single("select store_id from channel_account where account_key = ?", account);
        if (store != accountStore) {
            throw new IllegalStateException("account " + account + " is not the store " + storeSlug + "'s");
        }
        claimMarker(storeSlug);
        List<Variant> variants = new ArrayList<>();
        try (PreparedStatement s = db.prepareStatement("select v.id, p.id, p.name, v.size_label, p.price from"
                + " product_variant v join product p on p.id = v.product_id where p.store_id = ? order by v.id")) {
            s.setLong(1, store);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    variants.add(new Variant(r.getLong(1), r.getLong(2), r.getString(3), r.getString(4),
                            r.getBigDecimal(5)));
                }
            }
        }
        if (variants.isEmpty()) {
            throw new IllegalStateException("store " + storeSlug + " has no products (demo data not loaded?)");
        }
        Set<String> references = new HashSet<>();
        try (Statement s = db.createStatement(); ResultSet r = s.executeQuery("select reference from customer_order")) {
            while (r.next()) {
                references.add(r.getString(1));
            }
        }

        long customerId = next("customer");
        long identityId = next("customer_identity");
        long conversationId = next("conversation");
        long orderId = next("customer_order");
        long lineId = next("order_line");
        long receivedId = next("received_message");
        long outboxId = next("outbox_message");
        long firstCustomer = customerId;
        long firstOrder = orderId;
        long firstReceived = receivedId;
        long firstOutbox = outboxId;

        // every customer orders at least once; the other orders go mostly to the first customers (regulars)
        int[] ordersOf = new int[customers];
        Arrays.fill(ordersOf, 1);
        for (int i = customers; i < orderCount; i++) {
            ordersOf[(int) (customers * Math.pow(random.nextDouble(), 2.5))]++;
        }
        // messages per order: the total, as evenly as it goes
        int perOrder = messageCount / orderCount;
        int extra = messageCount % orderCount;

        Batch customer = batch("insert into customer (id, store_id, display_name, phone, email, payment_account,"
                + " delivery_address, marketing_opt_in_at, opt_in_source, opted_out_at, reference, created_at)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        Batch identity = batch("insert into customer_identity (id, store_id, channel, account_key, channel_user_id,"
                + " display_name, opted_out, first_seen_at, last_seen_at, customer_id) values (?, ?, ?, ?, ?, ?, ?, ?,"
                + " ?, ?)");
        Batch conversation = batch("insert into conversation (id, store_id, identity_id, channel, account_key,"
                + " started_at, last_inbound_at, dispatch_claimed_until, greeted_at, dispatch_claimed_by)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        Batch state = batch("insert into dialogue_state (conversation_id, store_id, step, language, product_id,"
                + " variant_id, wanted_size, order_id, offer_code, delivery_address, delivery_date, offered_choices,"
                + " unsure_count, handed_off_at, handoff_reason, turns, updated_at)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        Batch order = batch("insert into customer_order (id, store_id, customer_id, conversation_id, reference,"
                + " status, payment_method, total, currency, delivery_address, delivery_date, updates_opt_in,"
                + " payment_token, offer_id, reserved_until, created_at, paid_at, updated_at)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        Batch line = batch("insert into order_line (id, order_id, variant_id, product_name, size_label, unit_price,"
                + " quantity) values (?, ?, ?, ?, ?, ?, ?)");
        Batch received = batch("insert into received_message (id, channel, account_key, channel_message_id, sender,"
                + " kind, body, received_at, conversation_id, payload) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        Batch outbox = batch("insert into outbox_message (id, conversation_id, account_key, recipient, kind, content,"
                + " status, attempts, next_attempt_at, channel_message_id, error_code, error, created_at, sent_at,"
                + " updated_at, attempt_started_at, resent_after_interruption)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        List<Batch> all = List.of(customer, identity, conversation, state, order, line, received, outbox);

        long yearAgo = now.minus(Duration.ofDays(days)).getEpochSecond();
        long span = Duration.ofDays(days).getSeconds() - 3 * 3600;
        int ordersDone = 0;
        long lastReport = System.nanoTime();
        for (int c = 0; c < customers; c++) {
            String waId = "447" + (700_000_000L + c); // UK mobile numbers: never a benchmark customer's 39...
            String name = FIRST[random.nextInt(FIRST.length)] + " " + LAST[random.nextInt(LAST.length)];
            String address = STREETS[random.nextInt(STREETS.length)] + " " + (1 + random.nextInt(150)) + ", "
                    + CITIES[random.nextInt(CITIES.length)];
            long[] times = new long[ordersOf[c]];
            long firstSeen = yearAgo + (long) (random.nextDouble() * span * 0.9);
            for (int k = 0; k < times.length; k++) {
                times[k] = k == 0 ? firstSeen + 60 : firstSeen + 60 + (long) (random.nextDouble()
                        * (yearAgo + span - firstSeen));
            }
            Arrays.sort(times);
            long lastInbound = firstSeen;
            int turns = 0;
            long cid = customerId++;
            long iid = identityId++;
            long vid = conversationId++;
            boolean optIn = random.nextInt(3) == 0;
            // as a customer met in the chat is stored: no phone, email or reference of a CRM
            customer.row(cid, store, name, null, null, null, address, optIn ? ts(firstSeen + 600) : null,
                    optIn ? "whatsapp checkout" : null, null, null, ts(firstSeen));
            for (int k = 0; k < times.length; k++) {
                long placedAt = times[k];
                long oid = orderId++;
                int lines = random.nextInt(100) < 70 ? 1 : random.nextInt(100) < 73 ? 2 : 3;
                BigDecimal total = BigDecimal.ZERO;
                Variant first = null;
                for (int l = 0; l < lines; l++) {
                    Variant v = variants.get(random.nextInt(variants.size()));
                    first = first == null ? v : first;
                    int quantity = random.nextInt(10) == 0 ? 2 : 1;
                    line.row(lineId++, oid, v.id(), v.name(), v.size(), v.price(), quantity);
                    total = total.add(v.price().multiply(BigDecimal.valueOf(quantity)));
                }
                int fate = random.nextInt(100);
                String status = fate < 88 ? "PAID" : fate < 97 ? "EXPIRED" : "CANCELLED";
                boolean link = random.nextInt(100) < 95;
                String reference;
                do {
                    reference = "P-" + readable(6);
                } while (!references.add(reference));
                String token = link ? token() : null;
                long paidAt = placedAt + 30 + random.nextInt(600);
                long updatedAt = "PAID".equals(status) ? paidAt : placedAt + 1800;
                LocalDate delivery = LocalDate.ofEpochDay(placedAt / 86_400 + 2 + random.nextInt(3));
                order.row(oid, store, cid, vid, reference, status, link ? "PAYMENT_LINK" : "STORED_ACCOUNT", total,
                        "EUR", address, delivery, random.nextBoolean(), token, null, null, ts(placedAt),
                        "PAID".equals(status) ? ts(paidAt) : null, ts(updatedAt));
                // the conversation that led to the order: the customer and the store in turn, seconds apart, the
                // payment link at the time the order was placed
                Sale sale = new Sale(name, address, first, reference, token, total, status, k == 0);
                int m = perOrder + (ordersDone < extra ? 1 : 0);
                long at = placedAt - 12L * (m - 3);
                for (int j = 0; j < m; j++) {
                    at = j == m - 1 ? ("PAID".equals(status) ? paidAt : updatedAt) : at + 4 + random.nextInt(16);
                    boolean inbound = j % 2 == 0 && j < m - 1; // the customer begins, the store has the last word
                    if (inbound) {
                        receivedRow(received, receivedId++, account, waId, vid, j, at, sale);
                        lastInbound = at;
                        turns++;
                    } else {
                        outboxRow(outbox, outboxId++, vid, account, waId, j == m - 1 ? -1 : j, at, sale);
                    }
                }
                ordersDone++;
            }
            identity.row(iid, store, "whatsapp", account, waId, name, false, ts(firstSeen), ts(lastInbound), cid);
            conversation.row(vid, store, iid, "whatsapp", account, ts(firstSeen), ts(lastInbound), null,
                    ts(firstSeen), null);
            state.row(vid, store, "IDLE", "en", null, null, null, null, null, null, null, null, 0, null, null, turns,
                    ts(lastInbound));
            // parents before children: each batch is flushed in the order of the list
            if (received.pending + outbox.pending >= BATCH * 5 || c == customers - 1) {
                for (Batch b : all) {
                    b.flush();
                }
                db.commit();
            }
            if (System.nanoTime() - lastReport > 5_000_000_000L) {
                lastReport = System.nanoTime();
                System.out.printf("seed-history: %,d of %,d customers, %,d orders, %,d messages%n", c + 1, customers,
                        ordersDone, (receivedId - firstReceived) + (outboxId - firstOutbox));
            }
        }
        for (Batch b : all) {
            b.close();
        }
        db.commit();
        restart("customer", customerId);
        restart("customer_identity", identityId);
        restart("conversation", conversationId);
        restart("customer_order", orderId);
        restart("order_line", lineId);
        restart("received_message", receivedId);
        restart("outbox_message", outboxId);
        db.commit();
        if (postgres) {
            db.setAutoCommit(true);
            try (Statement s = db.createStatement()) {
                for (String t : List.of("customer", "customer_identity", "conversation", "dialogue_state",
                        "customer_order", "order_line", "received_message", "outbox_message")) {
                    s.execute("analyze " + t);
                }
            }
            db.setAutoCommit(false);
        }
        try (PreparedStatement s = db.prepareStatement("update processed_event set event_type = ?, processed_at = ?"
                + " where event_id = ?")) {
            s.setString(1, "bench.history.seeded");
            s.setObject(2, OffsetDateTime.now(ZoneOffset.UTC));
            s.setString(3, MARKER);
            s.executeUpdate();
        }
        db.commit();
        System.out.printf("seed-history: %,d customers (identities, conversations, dialogue states) from id %d, %,d"
                        + " orders from id %d with %,d lines, %,d received and %,d sent messages (%,d in all), over"
                        + " %d days%n", customerId - firstCustomer, firstCustomer, orderId - firstOrder, firstOrder,
                line.total, receivedId - firstReceived, outboxId - firstOutbox,
                (receivedId - firstReceived) + (outboxId - firstOutbox), days);
        for (String t : List.of("customer", "customer_order", "order_line", "received_message", "outbox_message")) {
            System.out.printf("  %-18s %,10d rows%n", t, single("select count(*) from " + t));
        }
    }

    /** What one history order was, for the messages about it. */
    record Sale(String name, String address, Variant variant, String reference, String token, BigDecimal total,
                String status, boolean firstOrder) {
    }

    /** The customer's side of the conversation: what they typed and tapped (as the connector stores them). */
    void receivedRow(Batch b, long id, String account, String waId, long conversation, int j, long at, Sale sale)
            throws SQLException {
        String kind = "CHOICE";
        String body;
        String payload;
        switch (j % 10) {
            case 0 -> {
                kind = "TEXT";
                body = SEARCHES[random.nextInt(SEARCHES.length)];
                payload = null;
            }
            case 2 -> {
                body = "row";
                payload = "p:" + sale.variant().productId();
            }
            case 4 -> {
                body = "row";
                payload = "v:" + sale.variant().id();
            }
            case 6 -> {
                kind = "TEXT";
                body = sale.address();
                payload = null;
            }
            default -> {
                body = "button";
                payload = random.nextBoolean() ? "updates:yes" : "updates:no";
            }
        }
        b.row(id, "whatsapp", account, "wamid.HIST-" + id, waId, kind, body, ts(at), conversation, payload);
    }

    /** The store's side, as OutboundCodec writes it: accepted by the channel, most delivered and read since. */
    void outboxRow(Batch b, long id, long conversation, String account, String waId, int j, long at, Sale sale)
            throws SQLException {
        String head = "{\"accountKey\":\"" + account + "\",";
        String tail = "\"productIds\":[],\"recipient\":\"" + waId + "\",\"text\":";
        Variant v = sale.variant();
        String price = "€" + sale.total().toPlainString();
        String kind;
        String content;
        if (j == -1) { // the last word: paid, or lapsed
            kind = "TEXT";
            content = head + "\"choices\":[],\"kind\":\"TEXT\"," + tail + ("PAID".equals(sale.status())
                    ? "\"Payment received, thank you! Order " + sale.reference() + " is confirmed: " + v.name() + " ("
                    + v.size() + ").\"}"
                    : "\"Order " + sale.reference() + " was not paid in time, so the items went back on sale.\"}");
        } else if (j % 10 == 1 && sale.firstOrder()) {
            kind = "TEXT";
            content = head + "\"choices\":[],\"kind\":\"TEXT\"," + tail + "\"Hello " + sale.name()
                    + "! Welcome to Demo Boutique. I can find products for you, take your order right here, or put"
                    + " you in touch with a person.\"}";
        } else if (j % 10 == 1) {
            kind = "LIST";
            StringBuilder rows = new StringBuilder();
            for (int r = 0; r < 6; r++) {
                rows.append(r == 0 ? "" : ",").append("{\"description\":\"€").append(89 + 10 * random.nextInt(60))
                        .append(".00 · 36 37 38 39 40\",\"id\":\"p:").append(1 + random.nextInt(48))
                        .append("\",\"title\":\"").append(r == 0 ? v.name() : "Product " + r).append("\"}");
            }
            content = head + "\"choices\":[" + rows + "],\"kind\":\"LIST\",\"listLabel\":\"See products\","
                    + tail + "\"Here is what I found:\"}";
        } else if (j % 10 == 3) {
            kind = "BUTTONS";
            content = head + "\"choices\":[{\"id\":\"sizes:" + v.productId() + "\",\"title\":\"Choose a size\"},"
                    + "{\"id\":\"more:" + v.productId() + "\",\"title\":\"Show me more\"},{\"id\":\"menu:cart\","
                    + "\"title\":\"My cart\"}],\"kind\":\"BUTTONS\",\"media\":{\"type\":\"image\",\"url\":"
                    + "\"http://localhost:8080/c/img/products/demo-boutique/SHOE-STL-04.png\"}," + tail + "\"*"
                    + v.name() + "* · €" + v.price().toPlainString() + "\\nA product of the demo catalog, described in"
                    + " a sentence or two, as the cards show it.\\nSizes in stock: 36, 37, 38, 39, 40\"}";
        } else if (j % 10 == 5) {
            kind = "BUTTONS";
            content = head + "\"choices\":[{\"id\":\"checkout\",\"title\":\"Checkout\"},{\"id\":\"menu:browse\","
                    + "\"title\":\"Keep shopping\"},{\"id\":\"menu:cart\",\"title\":\"My cart\"}],\"kind\":"
                    + "\"BUTTONS\"," + tail + "\"Added to your cart: " + v.name() + ", size " + v.size()
                    + ". Your cart: 1 item, €" + v.price().toPlainString() + ".\"}";
        } else if (j % 10 == 7 && sale.token() != null) {
            kind = "PAYMENT_REQUEST";
            String text = "Order " + sale.reference() + ": " + v.name() + " (" + v.size() + "). Total " + price + ".";
            content = head + "\"choices\":[],\"kind\":\"PAYMENT_REQUEST\",\"payment\":{\"amountMinor\":"
                    + sale.total().movePointRight(2).longValue() + ",\"currency\":\"EUR\",\"description\":\"" + text
                    + "\",\"payload\":\"" + sale.reference() + "\",\"title\":\"Pay " + price + "\",\"url\":"
                    + "\"http://localhost:8080/c/pay/" + sale.token() + "\"}," + tail + "\"" + text
                    + "\\nWe hold the items for 30 minutes: please pay below.\"}";
        } else {
            kind = "BUTTONS";
            content = head + "\"choices\":[{\"id\":\"updates:yes\",\"title\":\"Yes please\"},{\"id\":"
                    + "\"updates:no\",\"title\":\"No thanks\"}],\"kind\":\"BUTTONS\"," + tail
                    + "\"Shall we send you delivery updates here in the chat?\"}";
        }
        int fate = random.nextInt(100);
        String status = fate < 70 ? "READ" : fate < 95 ? "DELIVERED" : fate < 99 ? "SENT" : "FAILED";
        long sent = at + 1;
        b.row(id, conversation, account, waId, kind, content, status, 1, ts(at), "wamid.HISTOUT-" + id,
                "FAILED".equals(status) ? "131026" : null, "FAILED".equals(status) ? "Message undeliverable" : null,
                ts(at), ts(sent), ts(sent + 2 + random.nextInt(600)), null, false);
    }

    /** Taken in a transaction of its own before anything is written: a second run stops here. */
    void claimMarker(String store) throws SQLException {
        try (PreparedStatement s = db.prepareStatement("select event_type, processed_at from processed_event"
                + " where event_id = ?")) {
            s.setString(1, MARKER);
            try (ResultSet r = s.executeQuery()) {
                if (r.next()) {
                    String what = "bench.history.seeded".equals(r.getString(1))
                            ? "this database already has the benchmark's history (seeded " + r.getString(2) + ")"
                            : "a seeding of this database began at " + r.getString(2) + " and never finished: its"
                            + " history is partial";
                    System.err.println("seed-history: refused: " + what + ". Seed a fresh database (a new"
                            + " PARLA_HOME, or dropdb/createdb on PostgreSQL) to seed again.");
                    System.exit(3);
                }
            }
        }
        try (PreparedStatement s = db.prepareStatement("insert into processed_event (event_id, event_type, source,"
                + " delivery_count, processed_at) values (?, ?, ?, ?, ?)")) {
            s.setString(1, MARKER);
            s.setString(2, "bench.history.started");
            s.setString(3, "tools/bench/HistorySeeder (" + store + ")");
            s.setInt(4, 1);
            s.setObject(5, OffsetDateTime.now(ZoneOffset.UTC));
            s.executeUpdate();
        }
        db.commit();
    }

    long next(String table) throws SQLException {
        return single("select coalesce(max(id), 0) + 1 from " + table);
    }

    /** The identity column goes on past the ids given here (the same statement on H2 2.x and PostgreSQL). */
    void restart(String table, long next) throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute("alter table " + table + " alter column id restart with " + next);
        }
    }

    long single(String sql, Object... params) throws SQLException {
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

    static OffsetDateTime ts(long epochSecond) {
        return OffsetDateTime.ofInstant(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC);
    }

    String readable(int length) {
        StringBuilder code = new StringBuilder(length);
        String alphabet = LETTERS + DIGITS;
        int digitAt = random.nextInt(length);
        int letterAt = (digitAt + 1 + random.nextInt(length - 1)) % length;
        for (int i = 0; i < length; i++) {
            String from = i == digitAt ? DIGITS : i == letterAt ? LETTERS : alphabet;
            code.append(from.charAt(random.nextInt(from.length())));
        }
        return code.toString();
    }

    String token() {
        byte[] bytes = new byte[32];
        tokens.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    Batch batch(String sql) throws SQLException {
        return new Batch(db.prepareStatement(sql));
    }

    /** One table's insert, sent in batches. */
    static final class Batch {
        final PreparedStatement statement;
        int pending;
        long total;

        Batch(PreparedStatement statement) {
            this.statement = statement;
        }

        void row(Object... values) throws SQLException {
            for (int i = 0; i < values.length; i++) {
                Object v = values[i];
                if (v == null) {
                    statement.setNull(i + 1, java.sql.Types.NULL);
                } else {
                    statement.setObject(i + 1, v);
                }
            }
            statement.addBatch();
            pending++;
            total++;
        }

        void flush() throws SQLException {
            if (pending > 0) {
                statement.executeBatch();
                pending = 0;
            }
        }

        void close() throws SQLException {
            flush();
            statement.close();
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
