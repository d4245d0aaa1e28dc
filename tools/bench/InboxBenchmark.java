import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * How long the console's inbox takes to answer a person, as a browser asks for it: signed in, each page of the inbox
 * requested whole (its list with the filters a shopper uses, and one conversation opened), one after another, and the
 * time from request to the last byte of the page measured. Prints p50, p95, p99 and the slowest per page, after a
 * warm-up that is not counted. Run it against a server seeded with ./parla bench seed-history.
 *
 * With --webhook (the demo store's WhatsApp webhook URL), a new customer writes before each request (signed with
 * --app-secret; not timed): the inbox is live, and no database can answer a page from what it computed for the
 * one before.
 *
 * Run with the JDK's source launcher: see ./parla bench inbox.
 */
public class InboxBenchmark {

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new LinkedHashMap<>();
        for (String a : args) {
            String[] kv = a.replaceFirst("^--", "").split("=", 2);
            o.put(kv[0], kv.length > 1 ? kv[1] : "true");
        }
        String base = o.getOrDefault("base", "http://127.0.0.1:8080");
        String email = o.getOrDefault("email", "merchant@parla.demo");
        String password = o.getOrDefault("password", "parla-merchant");
        int warmup = Integer.parseInt(o.getOrDefault("warmup", "20"));
        int rounds = Integer.parseInt(o.getOrDefault("rounds", "100"));
        String webhook = o.get("webhook");
        String appSecret = o.getOrDefault("app-secret", "parla-demo-app-secret");

        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        signIn(browser, base, email, password);
        String inbox = base + "/console/inbox.xhtml";
        String first = get(browser, inbox);
        Matcher row = Pattern.compile("data-conversation=\"(\\d+)\"").matcher(first);
        if (!row.find()) {
            throw new IllegalStateException("the inbox lists no conversation: seed the history first");
        }
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("latest first", inbox);
        pages.put("waiting longest first", inbox + "?waitingFirst=true");
        pages.put("unassigned", inbox + "?show=unassigned");
        pages.put("handed to a person", inbox + "?show=handedOff");
        pages.put("mine", inbox + "?show=mine");
        pages.put("WhatsApp only", inbox + "?channel=whatsapp");
        pages.put("a conversation opened", inbox + "?conversation=" + row.group(1));
        System.out.printf("inbox benchmark: %s as %s, %d warm-up and %d counted requests per page, one at a time%s%n",
                base, email, warmup, rounds, webhook == null ? "" : ", a new customer's message before each");
        System.out.printf("%-24s %8s %8s %8s %8s %8s%n", "page", "p50 ms", "p95 ms", "p99 ms", "max ms", "KiB");
        for (Map.Entry<String, String> page : pages.entrySet()) {
            int size = 0;
            for (int i = 0; i < warmup; i++) {
                size = get(browser, page.getValue()).length();
            }
            double[] ms = new double[rounds];
            for (int i = 0; i < rounds; i++) {
                if (webhook != null) {
                    customerWrites(webhook, appSecret);
                }
                long start = System.nanoTime();
                get(browser, page.getValue());
                ms[i] = (System.nanoTime() - start) / 1e6;
            }
            Arrays.sort(ms);
            System.out.printf("%-24s %8.1f %8.1f %8.1f %8.1f %8d%n", page.getKey(), at(ms, 0.50), at(ms, 0.95),
                    at(ms, 0.99), ms[ms.length - 1], size / 1024);
        }
    }

    private static final HttpClient CUSTOMERS = HttpClient.newHttpClient();
    private static final String RUN = Long.toString(System.currentTimeMillis(), 36);
    private static int written;

    /** A new customer's first message, signed as WhatsApp signs it. */
    private static void customerWrites(String webhook, String appSecret) throws Exception {
        String waId = "3933" + String.format("%08d", (System.nanoTime() / 1000) % 100_000_000L);
        String body = "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"1\",\"changes\":[{\"field\":"
                + "\"messages\",\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":"
                + "\"1555\",\"phone_number_id\":\"100000000000001\"},\"contacts\":[{\"profile\":{\"name\":\"Bench\"},"
                + "\"wa_id\":\"" + waId + "\"}],\"messages\":[{\"from\":\"" + waId + "\",\"id\":\"wamid.inbox-" + RUN + "-"
                + (written++) + "\",\"timestamp\":\"1750000000\",\"type\":\"text\",\"text\":{\"body\":"
                + "\"do you have the ballet flats in a 38?\"}}]}}]}]}";
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = java.util.HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        HttpResponse<Void> r = CUSTOMERS.send(HttpRequest.newBuilder(URI.create(webhook))
                .header("Content-Type", "application/json").header("X-Hub-Signature-256", "sha256=" + signature)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("the webhook answered " + r.statusCode());
        }
    }

    private static double at(double[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
    }

    private static String get(HttpClient browser, String url) throws Exception {
        HttpResponse<String> r = browser.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + r.statusCode());
        }
        return r.body();
    }

    private static void signIn(HttpClient browser, String base, String email, String password) throws Exception {
        String login = get(browser, base + "/login.xhtml");
        Matcher state = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"").matcher(login);
        if (!state.find()) {
            throw new IllegalStateException("no login form at " + base + "/login.xhtml");
        }
        Map<String, String> form = Map.of("login", "login", "login:email", email, "login:password", password,
                "login:submit", "", "jakarta.faces.ViewState", state.group(1));
        HttpResponse<String> r = browser.send(HttpRequest.newBuilder(URI.create(base + "/login.xhtml"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.entrySet().stream()
                        .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"))))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 302) {
            throw new IllegalStateException("sign-in refused (" + r.statusCode() + "): check --email and --password");
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
