package com.parla.system;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.jms.Connection;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.apache.activemq.ActiveMQConnectionFactory;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import java.io.IOException;
import java.io.StringReader;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Drives the deployed EAR from outside, as its users do: an operator's health probe, a merchant signing in to
 * the console, a customer page reading the catalog, and enterprise IT sending catalog feeds over OpenWire and STOMP.
 */
@ExtendWith(ArquillianExtension.class)
class ExternalClientsIT {

    private static final String STORE = "demo-boutique";
    private static final String CATALOG_IN = "parla.catalog.in";
    private static final String CATALOG_DLQ = "DLQ.parla.catalog.in";

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return ParlaEar.asBuilt();
    }

    private static final String BASE = "http://127.0.0.1:" + System.getProperty("parla.it.http.port");
    private static Connection broker;
    private static Session session;

    @BeforeAll
    static void connectToBroker() throws Exception {
        var factory = new ActiveMQConnectionFactory("parla", "parla",
                "tcp://127.0.0.1:" + System.getProperty("parla.it.openwire.port"));
        broker = factory.createConnection();
        broker.start();
        session = broker.createSession(false, Session.AUTO_ACKNOWLEDGE);
    }

    @AfterAll
    static void disconnect() throws Exception {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void healthReportsEachReadinessCheckUp() throws Exception {
        HttpResponse<String> response = get(HttpClient.newHttpClient(), "/health");
        assertEquals(200, response.statusCode(), response.body());
        JsonObject health = json(response.body()).asJsonObject();
        assertEquals("UP", health.getString("status"));
        Map<String, String> checks = health.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .collect(Collectors.toMap(c -> c.getString("name"), c -> c.getString("status")));
        assertEquals(Map.of("database", "UP", "broker", "UP", "messaging-connector", "UP"), checks);
    }

    @Test
    void consoleRequiresSignInAndShowsTheDemoStoreToItsShopper() throws Exception {
        HttpClient browser = browser();
        HttpResponse<String> anonymous = get(browser, "/console/index.xhtml");
        assertEquals(302, anonymous.statusCode());
        assertTrue(anonymous.headers().firstValue("Location").orElse("").endsWith("/login.xhtml"));

        HttpResponse<String> login = get(browser, "/login.xhtml");
        assertTrue(login.body().contains("PrimeFaces.settings"), "PrimeFaces renders the login page");
        HttpResponse<String> signedIn = signIn(browser, login.body(), "shopper@parla.demo", "parla-shopper");
        assertEquals(302, signedIn.statusCode(), signedIn.body());

        HttpResponse<String> console = get(browser, "/console/index.xhtml");
        assertEquals(200, console.statusCode());
        assertTrue(console.body().contains("Giulia Bianchi · Personal shopper"), console.body());
        assertTrue(console.body().contains("Catalog of Demo Boutique"));
        assertTrue(console.body().contains("Milano leather sneaker"));
    }

    @Test
    void merchantSignsInWithARealBrowserAndSeesTheCatalog() throws Exception {
        // CI installs Debian's chromium; a developer without it is told, not silently passed
        assumeTrue(HeadlessChromium.installed() || System.getenv("CI") != null,
                "apt-get install chromium chromium-driver to run the browser test");
        ChromeDriver chrome = HeadlessChromium.start();
        try {
            chrome.get(BASE + "/console/index.xhtml");
            new WebDriverWait(chrome, Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().endsWith("/login.xhtml"));
            chrome.findElement(By.id("login:email")).sendKeys("merchant@parla.demo");
            chrome.findElement(By.id("login:password")).sendKeys("parla-merchant");
            chrome.findElement(By.id("login:submit")).click();

            WebElement who = new WebDriverWait(chrome, Duration.ofSeconds(20))
                    .until(d -> d.findElement(By.id("session:who")));
            assertEquals("Anna Rossi · Merchant admin", who.getText());
            assertTrue(chrome.findElements(By.cssSelector("#products tbody tr")).size() >= 7,
                    "the demo catalog is listed");
            // PrimeFaces ran in the browser (its widgets are registered)
            assertEquals(Boolean.TRUE, chrome.executeScript("return !!(window.PrimeFaces && PrimeFaces.widgets);"));
            // kept with the build output, for a person to look at
            Files.copy(chrome.getScreenshotAs(OutputType.FILE).toPath(), Path.of("target", "console.png"),
                    StandardCopyOption.REPLACE_EXISTING);

            // the store's intent model: its version, and a message tried on it
            // the merchant runs both demo stores: the English one's intents
            chrome.findElements(By.cssSelector("[id^='stores:'][id$=':intents']")).stream()
                    .filter(link -> link.getAttribute("href").contains("store=demo-boutique")).findFirst()
                    .orElseThrow(() -> new AssertionError("no intents link of demo-boutique")).click();
            String baseVersion = new WebDriverWait(chrome, Duration.ofSeconds(20))
                    .until(d -> d.findElement(By.id("model:version"))).getText();
            assertTrue(baseVersion.matches("en-[0-9a-f]{12}"), baseVersion);
            chrome.findElement(By.id("trial:text")).sendKeys("where is my parcel");
            chrome.findElement(By.id("trial:classify")).click();
            WebElement intent = new WebDriverWait(chrome, Duration.ofSeconds(20))
                    .until(d -> d.findElement(By.id("trial:intent")));
            assertEquals("track_order", intent.getText());
            // teach the store an intent of its own and retrain: the version in use changes to the store's model
            chrome.findElement(By.id("examples:utterance")).sendKeys("can you gift wrap the tote?");
            chrome.findElement(By.id("examples:intent_input")).sendKeys("gift_wrapping");
            chrome.findElement(By.id("examples:add")).click();
            new WebDriverWait(chrome, Duration.ofSeconds(20)).until(d -> d.findElement(By.id("examples:table"))
                    .getText().contains("can you gift wrap the tote?"));
            chrome.findElement(By.id("model:retrain")).click();
            WebElement kind = new WebDriverWait(chrome, Duration.ofSeconds(180))
                    .until(d -> d.findElement(By.id("model:kind")));
            assertTrue(kind.getText().contains("trained for this store with 1 of its examples by merchant@parla.demo"),
                    kind.getText());
            String storeVersion = chrome.findElement(By.id("model:version")).getText();
            assertTrue(storeVersion.matches("en-[0-9a-f]{12}") && !storeVersion.equals(baseVersion),
                    storeVersion);
            Files.copy(chrome.getScreenshotAs(OutputType.FILE).toPath(), Path.of("target", "intents.png"),
                    StandardCopyOption.REPLACE_EXISTING);

            chrome.findElement(By.id("session:logout")).click();
            new WebDriverWait(chrome, Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().endsWith("/login.xhtml"));
            chrome.get(BASE + "/console/index.xhtml");
            assertTrue(chrome.getCurrentUrl().endsWith("/login.xhtml"), "signed out");
        } finally {
            chrome.quit();
        }
    }

    @Test
    void wrongPasswordIsRefused() throws Exception {
        HttpClient browser = browser();
        HttpResponse<String> login = get(browser, "/login.xhtml");
        HttpResponse<String> refused = signIn(browser, login.body(), "merchant@parla.demo", "not-the-password");
        assertEquals(200, refused.statusCode());
        assertTrue(refused.body().contains("Wrong email or password"));
        assertEquals(302, get(browser, "/console/index.xhtml").statusCode(), "still signed out");
    }

    @Test
    void customerPagesReadTheDemoCatalog() throws Exception {
        HttpResponse<String> response = get(HttpClient.newHttpClient(), "/api/v1/stores/" + STORE + "/products");
        assertEquals(200, response.statusCode());
        JsonArray products = json(response.body()).asJsonArray();
        Set<String> categories = products.getValuesAs(JsonObject.class).stream()
                .map(p -> p.getString("category")).collect(Collectors.toSet());
        assertTrue(categories.containsAll(Set.of("shoes", "bags", "dresses")), categories.toString());
        assertEquals(404, get(HttpClient.newHttpClient(), "/api/v1/stores/no-such-store/products").statusCode());
        String image = products.getJsonObject(0).getString("imagePath");
        assertEquals(200, get(HttpClient.newHttpClient(), image).statusCode(), image);
    }

    @Test
    void productFeedOverOpenWireIsAppliedOnceEvenIfSentTwice() throws Exception {
        String sku = sku("OW");
        String eventId = UUID.randomUUID().toString();
        sendOpenWire(productUpserted(eventId, sku, "First name", 5));
        JsonObject product = awaitProduct(sku, p -> true);
        assertEquals("First name", product.getString("name"));

        // the same event again (a retrying sender), with changed content: no second effect
        sendOpenWire(productUpserted(eventId, sku, "Changed name", 9));
        // a later, different event for the same product shows the queue has moved past the duplicate
        sendOpenWire(stockChanged(UUID.randomUUID().toString(), sku + "-38", 4));
        product = awaitProduct(sku, p -> stockOf(p) == 4);
        assertEquals("First name", product.getString("name"));
    }

    @Test
    void documentedExampleMessagesDoWhatTheDocsSay() throws Exception {
        Path examples = Path.of(System.getProperty("parla.examples"));
        sendOpenWire(Files.readString(examples.resolve("product-upserted.json")));
        JsonObject loafer = awaitProduct("SHOE-LOF-04", p -> true);
        assertEquals("Suede loafer", loafer.getString("name"));

        sendOpenWire(Files.readString(examples.resolve("stock-changed.json")));
        awaitProduct("SHOE-LOF-04", p -> p.getJsonArray("variants").getValuesAs(JsonObject.class).stream()
                .anyMatch(v -> v.getString("sku").equals("SHOE-LOF-04-39") && v.getInt("stock") == 6));

        sendOpenWire(Files.readString(examples.resolve("product-removed.json")));
        awaitProduct("SHOE-LOF-04", p -> !p.getBoolean("active"));
    }

    @Test
    void stockBeforeItsProductIsRolledBackRedeliveredAndThenApplied() throws Exception {
        String sku = sku("ORDER");
        sendOpenWire(stockChanged(UUID.randomUUID().toString(), sku + "-38", 7));
        // its first tries (0.5 and 1 s apart) fail, the variant does not exist yet, and leave nothing behind
        await().pollDelay(Duration.ofMillis(100)).during(Duration.ofMillis(1200)).atMost(Duration.ofSeconds(5))
                .until(() -> productResponse(sku).statusCode() == 404);

        sendOpenWire(productUpserted(UUID.randomUUID().toString(), sku, "Late product", 0));
        JsonObject product = awaitProduct(sku, p -> stockOf(p) == 7);
        assertEquals(7, stockOf(product), "the rolled-back stock message was redelivered, not lost");
    }

    @Test
    void messageThatKeepsFailingEndsInTheDeadLetterQueueAfterBoundedRetries() throws Exception {
        String variant = sku("NEVER") + "-38";
        String eventId = UUID.randomUUID().toString();
        sendOpenWire(stockChanged(eventId, variant, 1));

        // 1 delivery + 5 redeliveries with backoff 0.5+1+2+4+8 s
        Message dead = awaitDeadLetter(eventId, Duration.ofSeconds(60));
        assertNotNull(dead.getStringProperty("dlqDeliveryFailureCause"), "the broker gave up after its retries");
        assertTrue(dead.getStringProperty("dlqDeliveryFailureCause").contains("redelivery"));
    }

    @Test
    void malformedMessageOverStompIsDeadLetteredAtOnceWithItsReason() throws Exception {
        String marker = UUID.randomUUID().toString();
        try (StompClient stomp = new StompClient(Integer.getInteger("parla.it.stomp.port"), "parla", "parla")) {
            stomp.send(CATALOG_IN, "{\"id\": \"" + marker + "\", \"type\": ");
        }
        Message dead = awaitDeadLetter(marker, Duration.ofSeconds(20));
        assertTrue(dead.getStringProperty("parlaRejectReason").startsWith("malformed JSON"),
                dead.getStringProperty("parlaRejectReason"));
        assertNull(dead.getStringProperty("dlqDeliveryFailureCause"), "rejected without retrying");
    }

    @Test
    void brokerRefusesClientsWithoutTheRightCredentials() {
        var stranger = new ActiveMQConnectionFactory("parla", "wrong-password",
                "tcp://127.0.0.1:" + System.getProperty("parla.it.openwire.port"));
        assertThrows(JMSSecurityException.class, () -> {
            try (Connection connection = stranger.createConnection()) {
                connection.start();
            }
        });
        IOException refused = assertThrows(IOException.class,
                () -> new StompClient(Integer.getInteger("parla.it.stomp.port"), "parla", "wrong-password").close());
        assertTrue(refused.getMessage().contains("refused"), refused.getMessage());
    }

    @Test
    void validFeedOverStompIsApplied() throws Exception {
        String sku = sku("STOMP");
        try (StompClient stomp = new StompClient(Integer.getInteger("parla.it.stomp.port"), "parla", "parla")) {
            stomp.send(CATALOG_IN, productUpserted(UUID.randomUUID().toString(), sku, "Via STOMP", 2));
        }
        assertEquals("Via STOMP", awaitProduct(sku, p -> true).getString("name"));
    }

    @Test
    void invalidDataIsDeadLetteredWithTheFieldsNamed() throws Exception {
        String eventId = UUID.randomUUID().toString();
        String sku = sku("BAD");
        sendOpenWire(productUpserted(eventId, sku, "Bad", -3));
        Message dead = awaitDeadLetter(eventId, Duration.ofSeconds(20));
        assertTrue(dead.getStringProperty("parlaRejectReason").contains("stock"),
                dead.getStringProperty("parlaRejectReason"));
        assertEquals(404, productResponse(sku).statusCode(), "nothing was written");
    }

    // --- helpers

    private static String productUpserted(String id, String sku, String name, int stock) {
        return Json.createObjectBuilder()
                .add("id", id).add("type", "parla.catalog.product.upserted").add("source", "erp-test")
                .add("time", Instant.now().toString()).add("subject", sku)
                .add("data", Json.createObjectBuilder()
                        .add("store", STORE).add("sku", sku).add("name", name).add("category", "shoes")
                        .add("price", 99.5).add("currency", "EUR")
                        .add("variants", Json.createArrayBuilder().add(Json.createObjectBuilder()
                                .add("sku", sku + "-38").add("size", "38").add("stock", stock))))
                .build().toString();
    }

    private static String stockChanged(String id, String variantSku, int stock) {
        return Json.createObjectBuilder()
                .add("id", id).add("type", "parla.catalog.stock.changed").add("source", "wms-test")
                .add("data", Json.createObjectBuilder().add("store", STORE).add("sku", variantSku).add("stock", stock))
                .build().toString();
    }

    private static void sendOpenWire(String body) throws Exception {
        try (MessageProducer producer = session.createProducer(session.createQueue(CATALOG_IN))) {
            producer.send(session.createTextMessage(body));
        }
    }

    private static Message awaitDeadLetter(String marker, Duration timeout) throws Exception {
        String selector = "JMSMessageID IS NOT NULL";
        try (MessageConsumer consumer = session.createConsumer(session.createQueue(CATALOG_DLQ), selector)) {
            Instant deadline = Instant.now().plus(timeout);
            while (Instant.now().isBefore(deadline)) {
                Message message = consumer.receive(1000);
                if (message instanceof TextMessage text && text.getText() != null
                        && text.getText().contains(marker)) {
                    return message;
                }
            }
        }
        throw new AssertionError("no dead letter containing " + marker + " within " + timeout);
    }

    private static JsonObject awaitProduct(String sku, Predicate<JsonObject> condition) {
        HttpResponse<String> found = await("product " + sku + " as expected").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200)).until(() -> productResponse(sku),
                        r -> r.statusCode() == 200 && condition.test(json(r.body()).asJsonObject()));
        return json(found.body()).asJsonObject();
    }

    private static HttpResponse<String> productResponse(String sku) throws Exception {
        return get(HttpClient.newHttpClient(), "/api/v1/stores/" + STORE + "/products/" + sku);
    }

    private static int stockOf(JsonObject product) {
        return product.getJsonArray("variants").getJsonObject(0).getInt("stock");
    }

    private static HttpClient browser() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    }

    private static HttpResponse<String> get(HttpClient client, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(BASE + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> signIn(HttpClient browser, String loginPage, String email, String password)
            throws Exception {
        Matcher viewState = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"")
                .matcher(loginPage);
        assertTrue(viewState.find(), "the login form carries a view state");
        String form = Map.of("login", "login", "login:email", email, "login:password", password,
                        "login:submit", "", "jakarta.faces.ViewState", viewState.group(1))
                .entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return browser.send(HttpRequest.newBuilder(URI.create(BASE + "/login.xhtml"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static jakarta.json.JsonValue json(String body) {
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.readValue();
        }
    }

    private static String sku(String prefix) {
        return "IT-" + prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
