package com.parla.system;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static com.parla.system.ParlaApi.basic;
import static com.parla.system.ParlaApi.call;
import static com.parla.system.ParlaApi.object;
import static com.parla.system.WhatsAppCustomer.rows;
import static com.parla.system.WhatsAppCustomer.text;
import static com.parla.system.WhatsAppCustomer.titles;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The REST API's writes on the deployed EAR, as a store's systems and staff use them: the catalog, the store's
 * settings and wording, customers; each change checked as the customer then reads it in the chat, each refusal
 * with its reason and nothing changed, each call kept to the caller's store and role.
 */
@ExtendWith(ArquillianExtension.class)
class StoreApiIT {

    private static final String TOKEN = "Bearer parla-demo-api-token";
    private static final String PRODUCTS = "/api/v1/stores/demo-boutique/products/";

    @Deployment
    static EnterpriseArchive ear() {
        return ParlaEar.withTestClasses(new Class<?>[]{StoreApiIT.class, FakeChannelApi.class,
                FakeChannelApi.Request.class, WhatsAppCustomer.class, MessengerCustomer.class, ParlaApi.class});
    }

    @Test
    void theStoresSystemsWriteTheCatalogAndTheChatShowsItAtOnce() throws Exception {
        String product = "{\"name\":\"Opera glove\",\"description\":\"Elbow-length satin glove for evenings.\","
                + "\"category\":\"accessories\",\"price\":175.50,\"variants\":[{\"sku\":\"ACC-OPG-90-S\",\"size\":\"S\","
                + "\"stock\":3},{\"sku\":\"ACC-OPG-90-M\",\"size\":\"M\",\"stock\":0}]}";
        assertEquals(401, call("PUT", PRODUCTS + "ACC-OPG-90", product, null).statusCode());
        assertEquals(403, call("PUT", PRODUCTS + "ACC-OPG-90", product, "Bearer parla-milano-api-token")
                .statusCode(), "another store's token");
        HttpResponse<String> shopper = call("PUT", PRODUCTS + "ACC-OPG-90", product,
                basic("shopper@parla.demo", "parla-shopper"));
        assertEquals(403, shopper.statusCode(), "a personal shopper sells, and does not edit the catalog");
        assertTrue(object(shopper).getString("error").contains("merchant admin"), shopper.body());

        HttpResponse<String> created = call("PUT", PRODUCTS + "ACC-OPG-90", product, TOKEN);
        assertEquals(200, created.statusCode(), created.body());
        assertEquals("EUR", object(created).getString("currency"), "the store's currency when none is given");
        WhatsAppCustomer eva = WhatsAppCustomer.ofDemoBoutique(FakeChannelApi.started());
        eva.types("do you have opera gloves?");
        JsonObject answer = eva.nextMessages(2).get(1);
        if ("list".equals(WhatsAppCustomer.interactiveType(answer))) { // with the leather gloves, say
            assertEquals("Opera glove", rows(answer).get(0)[1], "the best match first: " + answer);
            eva.picksRow(rows(answer).get(0)[0]);
            answer = eva.nextMessage();
        }
        String card = text(answer);
        assertTrue(card.startsWith("*Opera glove* · €175.50\nElbow-length satin glove for evenings."), card);
        assertTrue(card.contains("S") && card.contains("Sold out: M"), "M has no stock: " + card);

        HttpResponse<String> negative = call("PUT", PRODUCTS + "ACC-OPG-90", product.replace("175.50", "-1"), TOKEN);
        assertEquals(400, negative.statusCode());
        assertTrue(object(negative).getString("error").contains("price"), negative.body());
        HttpResponse<String> dollars = call("PUT", PRODUCTS + "ACC-OPG-90", product.replace("\"price\"",
                "\"currency\":\"USD\",\"price\""), TOKEN);
        assertEquals(400, dollars.statusCode());
        assertEquals("store demo-boutique sells in EUR, not USD", object(dollars).getString("error"));
        assertEquals(400, call("PUT", PRODUCTS + "ACC-OPG-90", "{\"name\":", TOKEN).statusCode(), "broken JSON");
        assertEquals(409, call("PUT", PRODUCTS + "ACC-OPG-91", product, TOKEN).statusCode(),
                "the sizes' SKUs are another product's");
        JsonObject unchanged = object(call("GET", PRODUCTS + "ACC-OPG-90", null, null));
        assertEquals("175.5", unchanged.getJsonNumber("price").bigDecimalValue().stripTrailingZeros().toPlainString(),
                "refused writes changed nothing");
        assertEquals(404, call("GET", PRODUCTS + "ACC-OPG-91", null, null).statusCode(), "nor created anything");

        HttpResponse<String> stock = call("PUT", PRODUCTS + "ACC-OPG-90/variants/ACC-OPG-90-M/stock",
                "{\"stock\":4}", TOKEN);
        assertEquals(200, stock.statusCode(), stock.body());
        assertEquals(400, call("PUT", PRODUCTS + "ACC-OPG-90/variants/ACC-OPG-90-M/stock", "{\"stock\":-4}", TOKEN)
                .statusCode());
        assertEquals(404, call("PUT", PRODUCTS + "ACC-OPG-90/variants/ACC-SCF-01-ONE/stock", "{\"stock\":4}", TOKEN)
                .statusCode(), "a size of another product");
        eva.types("do you have the opera glove in size M?");
        String inM = eva.nextMessage().toString();
        assertTrue(inM.contains("Opera glove") && inM.contains("size M") && !inM.contains("M \u2717"),
                "M is in stock now: " + inM);

        assertEquals(204, call("DELETE", PRODUCTS + "ACC-OPG-90", null, TOKEN).statusCode());
        eva.types("do you have opera gloves?");
        JsonObject after = eva.nextMessage();
        assertTrue(!after.toString().contains("Opera glove"), "off sale: no longer offered in the chat " + after);
    }

    @Test
    void aChannelAccountsSendRateIsSetAtRunTimeAndPacesItsMessagesAtOnce() throws Exception {
        String accounts = "/api/v1/stores/demo-boutique/channel-accounts";
        HttpResponse<String> listed = call("GET", accounts, null, TOKEN);
        assertEquals(200, listed.statusCode(), listed.body());
        JsonObject whatsapp = ParlaApi.json(listed).asJsonArray().getValuesAs(JsonObject.class).stream()
                .filter(a -> a.getString("accountKey").equals("demo-whatsapp")).findFirst().orElseThrow();
        assertEquals("whatsapp", whatsapp.getString("channel"));
        assertEquals("100000000000001", whatsapp.getString("externalId"));
        assertEquals("/webhooks/whatsapp/demo-whatsapp", whatsapp.getString("webhookPath"));
        assertEquals(0, whatsapp.getInt("messagesPerSecond"), "the channel's default");
        assertTrue(!listed.body().contains("parla-demo-app-secret") && !listed.body().contains("verify"),
                "no secret is shown: " + listed.body());

        String page = accounts + "/demo-messenger";
        assertEquals(403, call("PATCH", page, "{\"messagesPerSecond\":1}", basic("shopper@parla.demo",
                "parla-shopper")).statusCode(), "a personal shopper does not set up accounts");
        assertEquals(403, call("PATCH", page, "{\"messagesPerSecond\":1}", "Bearer parla-milano-api-token")
                .statusCode(), "another store's token");
        assertEquals(404, call("PATCH", accounts + "/milano-whatsapp", "{\"messagesPerSecond\":1}", TOKEN)
                .statusCode(), "the other store's account, through this store");
        HttpResponse<String> tooFast = call("PATCH", page, "{\"messagesPerSecond\":5000}", TOKEN);
        assertEquals(400, tooFast.statusCode());
        assertEquals("messagesPerSecond must be 0 (the channel's default) to 1000", object(tooFast).getString("error"));
        assertEquals(400, call("PATCH", page, "{}", TOKEN).statusCode());
        assertEquals(400, call("PATCH", page, "{\"messagesPerSecond\":-1}", TOKEN).statusCode());

        try {
            HttpResponse<String> slow = call("PATCH", page, "{\"messagesPerSecond\":1}", TOKEN);
            assertEquals(200, slow.statusCode(), slow.body());
            assertEquals(1, object(slow).getInt("messagesPerSecond"));
            // the greeting, the results' intro and their carousel: one a second now (the page's default is 300/s)
            MessengerCustomer max = new MessengerCustomer(FakeChannelApi.started());
            max.types("do you have sneakers?");
            max.nextMessage();
            long first = System.nanoTime();
            max.nextMessage();
            max.nextMessage();
            long millis = java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - first);
            assertTrue(millis >= 1_500, "three messages at 1/s take two seconds, not " + millis + " ms");
        } finally {
            assertEquals(200, call("PATCH", page, "{\"messagesPerSecond\":0}", TOKEN).statusCode());
        }
        assertEquals(0, ParlaApi.json(call("GET", accounts, null, TOKEN)).asJsonArray().getValuesAs(JsonObject.class)
                .stream().filter(a -> a.getString("accountKey").equals("demo-messenger")).findFirst().orElseThrow()
                .getInt("messagesPerSecond"));
    }

    @Test
    void aStoresSettingsAndWordingChangeWhatCustomersReadAndBadOnesChangeNothing() throws Exception {
        String store = "/api/v1/stores/demo-boutique";
        String merchant = basic("merchant@parla.demo", "parla-merchant");
        HttpResponse<String> late = call("PATCH", store, "{\"opensAt\":\"19:00\",\"closesAt\":\"09:00\"}", merchant);
        assertEquals(400, late.statusCode(), late.body());
        assertEquals("opensAt must be before closesAt", object(late).getString("error"));
        assertEquals(400, call("PATCH", store, "{\"timeZone\":\"Mars/Olympus\"}", merchant).statusCode());
        assertEquals(400, call("PATCH", store, "{\"reservationMinutes\":100000}", merchant).statusCode());
        assertEquals(403, call("PATCH", store, "{\"reservationMinutes\":45}",
                basic("shopper@parla.demo", "parla-shopper")).statusCode());
        HttpResponse<String> changed = call("PATCH", store, "{\"reservationMinutes\":45}", merchant);
        assertEquals(200, changed.statusCode(), changed.body());
        assertEquals(45, object(changed).getInt("reservationMinutes"));
        assertEquals("09:00", object(changed).getString("opensAt"), "what was not given stays");
        assertEquals(200, call("PATCH", store, "{\"reservationMinutes\":30}", TOKEN).statusCode());
        JsonArray mine = ParlaApi.json(call("GET", "/api/v1/stores", null, basic("commessa@parla.demo",
                "parla-commessa"))).asJsonArray();
        assertEquals(List.of("boutique-milano"), mine.getValuesAs(JsonObject.class).stream()
                .map(s -> s.getString("slug")).toList(), "staff see their own stores");

        String greeting = store + "/wording/en/greeting";
        HttpResponse<String> unknown = call("PUT", greeting, "{\"text\":\"Hi{customer}, your total is {total}\"}",
                merchant);
        assertEquals(400, unknown.statusCode());
        assertEquals("placeholders [total] are not filled in greeting; it has [customer, store]",
                object(unknown).getString("error"));
        assertEquals(400, call("PUT", store + "/wording/en/no.such.text", "{\"text\":\"Hi\"}", merchant).statusCode());
        assertEquals(400, call("PUT", store + "/wording/fr/greeting", "{\"text\":\"Salut\"}", merchant).statusCode());
        assertEquals(400, call("PUT", greeting, "{\"text\":\"" + "x".repeat(801) + "\"}", merchant).statusCode());
        try {
            HttpResponse<String> reworded = call("PUT", greeting, "{\"text\":\"Ciao{customer}, welcome to {store}:"
                    + " shoes, bags and good advice, right here.\"}", merchant);
            assertEquals(200, reworded.statusCode(), reworded.body());
            WhatsAppCustomer ada = WhatsAppCustomer.ofDemoBoutique(FakeChannelApi.started());
            ada.types("hello");
            JsonObject hello = ada.nextMessage();
            assertEquals("Ciao Ana, welcome to Demo Boutique: shoes, bags and good advice, right here.", text(hello),
                    "the store's own words, filled in");
            assertEquals(List.of("Browse products", "My orders", "Talk to a person"),
                    titles(WhatsAppCustomer.buttons(hello)), "the menu is the same");
            JsonObject listed = ParlaApi.json(call("GET", store + "/wording/en", null, TOKEN)).asJsonArray()
                    .getValuesAs(JsonObject.class).stream().filter(t -> t.getString("key").equals("greeting"))
                    .findFirst().orElseThrow();
            assertEquals("merchant@parla.demo", listed.getString("updatedBy"));
            assertTrue(listed.getString("shipped").startsWith("Hello{customer}! Welcome to {store}."));
        } finally {
            call("DELETE", greeting, null, merchant); // the other tests read the shipped greeting
        }
        assertEquals(404, call("DELETE", greeting, null, merchant).statusCode(), "already the shipped words");
        WhatsAppCustomer bo = WhatsAppCustomer.ofDemoBoutique(FakeChannelApi.started());
        bo.types("hello");
        assertTrue(text(bo.nextMessage()).startsWith("Hello Ana! Welcome to Demo Boutique."), "shipped words again");
    }

    @Test
    void withAMetaCatalogResultsAreWhatsAppProductListsAndACartSentFromItIsCheckedOut() throws Exception {
        String store = "/api/v1/stores/demo-boutique";
        String merchant = basic("merchant@parla.demo", "parla-merchant");
        assertEquals(400, call("PATCH", store, "{\"whatsappCatalogId\":\"<script>\"}", merchant).statusCode());
        HttpResponse<String> linked = call("PATCH", store, "{\"whatsappCatalogId\":\"880011223344\"}", merchant);
        assertEquals(200, linked.statusCode(), linked.body());
        try {
            WhatsAppCustomer lia = WhatsAppCustomer.ofDemoBoutique(FakeChannelApi.started());
            lia.types("Do you have the ballet flats in a 38?");
            JsonObject list = lia.nextMessages(2).get(1).getJsonObject("interactive");
            assertEquals("product_list", list.getString("type"), list.toString());
            assertEquals("Demo Boutique", list.getJsonObject("header").getString("text"));
            assertEquals("Here is what I found in size 38:\nTap a product to see it, add what you like to the cart"
                    + " and send the cart here.", list.getJsonObject("body").getString("text"));
            JsonObject action = list.getJsonObject("action");
            assertEquals("880011223344", action.getString("catalog_id"));
            List<String> items = action.getJsonArray("sections").getJsonObject(0).getJsonArray("product_items")
                    .getValuesAs(JsonObject.class).stream().map(i -> i.getString("product_retailer_id")).toList();
            assertEquals("SHOE-BAL-02-38", items.get(0), "each product as the size asked for: " + items);

            lia.sendsCart("880011223344", "SHOE-BAL-02-38", 1, "NO-SUCH-38", 2);
            assertEquals("Not added to your cart:\nNO-SUCH-38: no longer on sale", text(lia.nextMessage()));
            JsonObject cart = lia.nextMessage();
            assertTrue(text(cart).startsWith("Your cart:\n1 × Ballet flat, size 38"), text(cart));
            assertEquals("Checkout", titles(WhatsAppCustomer.buttons(cart)).get(0));
            lia.types("checkout");
            assertTrue(text(lia.nextMessage()).startsWith("Where shall we deliver?"), "on to the checkout");
        } finally {
            call("PATCH", store, "{\"whatsappCatalogId\":\"\"}", merchant); // the other tests see lists
        }
        JsonObject after = object(call("GET", store, null, TOKEN));
        assertTrue(!after.containsKey("whatsappCatalogId") || after.isNull("whatsappCatalogId"), "unlinked: " + after);
    }

    @Test
    void customersAreRegisteredFoundAndJoinedByStaffWithClearRefusals() throws Exception {
        String customers = "/api/v1/stores/demo-boutique/customers";
        String reference = "CRM-API-" + System.nanoTime();
        String body = "{\"name\":\"Paola Neri\",\"phone\":\"+393471112233\",\"paymentAccount\":\"ACC-API-1\","
                + "\"deliveryAddress\":\"Via Manzoni 1, 20121 Milano\",\"reference\":\"" + reference + "\","
                + "\"marketingConsent\":true}";
        HttpResponse<String> created = call("POST", customers, body, TOKEN);
        assertEquals(201, created.statusCode(), created.body());
        long paola = object(created).getJsonNumber("id").longValue();
        assertTrue(object(created).getBoolean("marketingConsent"));
        HttpResponse<String> again = call("POST", customers, body, TOKEN);
        assertEquals(400, again.statusCode());
        assertEquals("reference " + reference + " is another customer's", object(again).getString("error"));
        assertEquals("phone must be in international form, like +393331234567", object(call("POST", customers,
                body.replace("+393471112233", "347 111").replace(reference, reference + "-2"), TOKEN))
                .getString("error"));
        assertEquals(paola, ParlaApi.json(call("GET", customers + "?reference=" + reference, null, TOKEN))
                .asJsonArray().getJsonObject(0).getJsonNumber("id").longValue());
        assertEquals(404, call("GET", "/api/v1/stores/boutique-milano/customers/" + paola, null,
                "Bearer parla-milano-api-token").statusCode(), "another store's customer is not found");

        // she writes on WhatsApp from a number the CRM did not have: a new customer, which staff join to hers
        WhatsAppCustomer onWhatsApp = WhatsAppCustomer.ofDemoBoutique(FakeChannelApi.started());
        onWhatsApp.types("hello");
        onWhatsApp.nextMessage();
        long stranger = org.awaitility.Awaitility.await().until(() -> lookUpCustomer(onWhatsApp.waId),
                java.util.Optional::isPresent).get();
        assertEquals(400, call("POST", customers + "/" + paola + "/join", "{\"customerId\":" + paola + "}", TOKEN)
                .statusCode(), "not into herself");
        HttpResponse<String> joined = call("POST", customers + "/" + paola + "/join",
                "{\"customerId\":" + stranger + "}", basic("shopper@parla.demo", "parla-shopper"));
        assertEquals(200, joined.statusCode(), joined.body());
        JsonObject identity = object(joined).getJsonArray("identities").getJsonObject(0);
        assertEquals("whatsapp", identity.getString("channel"));
        assertEquals("demo-whatsapp", identity.getString("account"));
        assertEquals(400, call("POST", customers + "/" + paola + "/join", "{\"customerId\":" + stranger + "}",
                TOKEN).statusCode(), "a record joined already is not joined twice");
        HttpResponse<String> scraped = call("GET", "/metrics?scope=application", null, null);
        String metrics = scraped.body();
        assertTrue(metrics.contains("parla_dialogue_backlog") && metrics.contains("parla_dialogue_oldest_wait"),
                "the engine's backlog is on /metrics: " + scraped.statusCode() + " " + scraped.headers().map() + " "
                        + metrics.lines().limit(20).toList());
        String openapi = call("GET", "/openapi", null, null).body();
        assertTrue(openapi.contains("/api/v1/stores/{store}/customers/{id}/join")
                && openapi.contains("Joins another record of the same person"), "documented in the OpenAPI");
    }

    @jakarta.ejb.EJB
    com.parla.conversation.boundary.Conversations conversations;

    private java.util.Optional<Long> lookUpCustomer(String waId) {
        return conversations.customerOf(com.parla.connector.api.Channel.WHATSAPP, "demo-whatsapp", waId);
    }
}
