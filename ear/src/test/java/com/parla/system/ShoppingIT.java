package com.parla.system;

import com.parla.catalog.boundary.CatalogSearch;
import com.parla.catalog.boundary.CatalogUpdates;
import com.parla.catalog.boundary.ProductSummary;
import com.parla.catalog.boundary.StockChange;
import com.parla.customer.boundary.Customers;
import com.parla.order.boundary.Carts;
import com.parla.order.boundary.OrderDesk;
import com.parla.order.boundary.Placement;
import com.parla.store.boundary.StoreDirectory;
import jakarta.ejb.EJB;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static com.parla.system.TelegramCustomer.keyboard;
import static com.parla.system.WhatsAppCustomer.buttons;
import static com.parla.system.WhatsAppCustomer.idOfTitled;
import static com.parla.system.WhatsAppCustomer.interactiveType;
import static com.parla.system.WhatsAppCustomer.rows;
import static com.parla.system.WhatsAppCustomer.text;
import static com.parla.system.WhatsAppCustomer.titles;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Shopping in the chat, end to end on the deployed EAR: signed WhatsApp webhooks into the connector's listener, the
 * dialogue engine answering after the commit, the replies at the fake Graph API, the payment page in the same
 * server. Each test asserts what the shopper reads and taps: the words, the buttons, the rows, the link.
 */
@ExtendWith(ArquillianExtension.class)
class ShoppingIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Deployment
    static EnterpriseArchive ear() {
        return ParlaEar.withTestClasses(new Class<?>[]{ShoppingIT.class, FakeChannelApi.class,
                FakeChannelApi.Request.class, WhatsAppCustomer.class, MessengerCustomer.class, WeChatCustomer.class,
                ParlaApi.class, TelegramCustomer.class});
    }

    @EJB
    CatalogSearch catalog;

    @EJB
    CatalogUpdates catalogUpdates;

    @EJB
    StoreDirectory stores;

    @EJB
    Customers customers;

    @EJB
    Carts carts;

    @EJB
    OrderDesk orders;

    @Test
    void aNewCustomerSearchesPicksASizeChecksOutPaysAndIsToldItIsPaid() throws Exception {
        WhatsAppCustomer anna = WhatsAppCustomer.ofDemoBoutique(FakeChannelApi.started());
        assertEquals(200, anna.types("Hi! Do you have the ballet flats in a 38?"));

        List<JsonObject> first = anna.nextMessages(2);
        assertEquals("Hello Ana! Welcome to Demo Boutique. I can find products for you, take your order right here,"
                + " or put you in touch with a person.", text(first.get(0)));
        JsonObject results = first.get(1);
        assertEquals("list", interactiveType(results));
        assertEquals("Here is what I found in size 38:", text(results));
        List<String[]> rows = rows(results);
        assertEquals("Ballet flat", rows.get(0)[1], "the product asked for comes first: " + titles(rows));
        assertEquals("€89.00 · 38 ✓", rows.get(0)[2], "price and the size's stock, as a person reads them");
        assertTrue(rows.stream().allMatch(r -> !r[0].isBlank() && r[1].length() <= 24),
                "rows have ids and titles that fit WhatsApp");
        assertTrue(titles(rows).stream().noneMatch(t -> t.contains("SHOE-")), "no internal ids shown");

        anna.picksRow(idOfTitled(rows, "Ballet flat"));
        JsonObject card = anna.nextMessage();
        assertEquals("button", interactiveType(card));
        assertTrue(card.getJsonObject("interactive").getJsonObject("header").getJsonObject("image")
                .getString("link").endsWith("/c/img/products/demo-boutique/SHOE-BAL-02.png"));
        assertTrue(text(card).startsWith("*Ballet flat* · €89.00\nSoft nappa ballet flat"), text(card));
        assertTrue(text(card).contains("Sizes in stock: 36, 37, 38"), text(card));
        assertEquals(List.of("Add size 38", "Choose a size", "Show me more"), titles(buttons(card)));

        anna.taps(idOfTitled(buttons(card), "Add size 38"));
        JsonObject added = anna.nextMessage();
        assertEquals("Added to your cart: Ballet flat, size 38. Your cart: 1 item, €89.00.", text(added));
        assertEquals(List.of("Checkout", "Keep shopping", "My cart"), titles(buttons(added)));

        anna.taps("checkout");
        JsonObject where = anna.nextMessage();
        assertEquals("location_request_message", interactiveType(where));
        assertEquals("Where shall we deliver? Type the address, or share your location.", text(where));

        anna.types("Via Roma 1, 20121 Milano");
        JsonObject when = anna.nextMessage();
        assertEquals("Which day suits you for the delivery to Via Roma 1, 20121 Milano?", text(when));
        List<String[]> days = buttons(when);
        assertEquals(3, days.size(), "three delivery days offered");
        // typed, not tapped: the first word of the second day's title ("Sat 5 Dec" → "sat")
        String secondDay = days.get(1)[1];
        anna.types(secondDay.split(" ")[0].toLowerCase());
        JsonObject updates = anna.nextMessage();
        assertEquals("Shall we send you delivery updates here in the chat?", text(updates));
        assertEquals(List.of("Yes please", "No thanks"), titles(buttons(updates)));

        anna.taps("updates:yes");
        JsonObject pay = anna.nextMessage();
        assertEquals("cta_url", interactiveType(pay));
        String placed = text(pay);
        assertTrue(placed.matches("(?s)Order P-[A-Z0-9]{6}: Ballet flat \\(38\\)\\. Total €89\\.00\\.\\nDelivery "
                + secondDay + " to Via Roma 1, 20121 Milano\\.\\nWe hold the items for 30 minutes: please pay"
                + " below\\."), placed);
        String reference = placed.substring(6, 14);
        JsonObject link = pay.getJsonObject("interactive").getJsonObject("action").getJsonObject("parameters");
        assertEquals("Pay €89.00", link.getString("display_text"));
        String url = link.getString("url");
        assertTrue(url.matches("http://localhost:[0-9]+/c/pay/[A-Za-z0-9_-]{43}"), url);

        HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("Pay order " + reference) && page.body().contains("1 × Ballet flat, size 38")
                && page.body().contains("id=\"total\">€89.00<"), page.body());
        assertEquals("no-referrer", page.headers().firstValue("Referrer-Policy").orElse(""));

        HttpResponse<String> declined = payByCard(url, "4000 0000 0000 0002");
        assertEquals(402, declined.statusCode());
        assertTrue(declined.body().contains("The card was declined by the bank."), declined.body());
        HttpResponse<String> mistyped = payByCard(url, "4242 4242 4242 4241");
        assertTrue(mistyped.body().contains("The card number is not valid."), mistyped.body());

        HttpResponse<String> paid = payByCard(url, "4242 4242 4242 4242");
        assertEquals(200, paid.statusCode());
        assertTrue(paid.body().contains("Order " + reference + " is paid"), paid.body());
        assertEquals("Payment received, thank you! Order " + reference + " is confirmed: Ballet flat (38). Delivery "
                + secondDay + ".", text(anna.nextMessage()), "told in the chat, once, after the payment only");
        JsonObject booked = anna.nextMessage();
        assertTrue(text(booked).startsWith("Your delivery of " + reference + " is booked for " + secondDay + ", "),
                "then the delivery window, on the day chosen: " + text(booked));
        assertEquals("That suits me", titles(buttons(booked)).get(buttons(booked).size() - 1));

        // paying twice changes nothing and says so
        assertTrue(payByCard(url, "4242 4242 4242 4242").body().contains("This order is already paid."));
        assertEquals(404, HTTP.send(HttpRequest.newBuilder(URI.create(url.replaceAll(".{4}$", "AAAA"))).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode(), "a guessed link finds nothing");
        anna.types("thanks!");
        assertEquals("You're welcome! Anything else I can find for you?", text(anna.nextMessage()));
        anna.assertNothingMore();
    }

    @Test
    void theDemoCustomerBuysWithABuyCodeOnTheStoredAccountOnce() throws Exception {
        FakeChannelApi api = FakeChannelApi.started();
        long store = stores.storeRef("demo-boutique").orElseThrow().id();
        // a customer of the store's CRM with a stored account, and an offer made for them (as the demo's FLAT38)
        String waId = WhatsAppCustomer.randomNumber();
        long customer = customers.createWithStoredAccount(store, "Carla Test", "+" + waId, "ACC-IT-1",
                "Via Dante 3, 20123 Milano", null);
        conversationsOf(waId, store, customer);
        ProductSummary tote = catalog.productBySku(store, "BAG-TOT-01").orElseThrow();
        catalogUpdates.setStock(new StockChange("demo-boutique", "BAG-TOT-01-ONE", 3));
        String code = orders.createOffer(store, customer, tote.sizes().get(0).variantId(),
                new java.math.BigDecimal("49.00"), java.time.Instant.now().plus(Duration.ofDays(1)),
                "shopper@parla.demo").code();
        WhatsAppCustomer carla = new WhatsAppCustomer(api, waId, "demo-whatsapp", "100000000000001",
                "parla-demo-app-secret");

        carla.types("BUY" + code.toLowerCase()); // no space, any case
        List<JsonObject> hello = carla.nextMessages(2);
        JsonObject confirm = hello.get(1);
        assertEquals("*Canvas tote*, for €49.00, charged to your payment account on file and delivered to Via Dante"
                + " 3, 20123 Milano. Shall I place the order?", text(confirm));
        assertEquals(List.of("Yes, place it", "No, thanks"), titles(buttons(confirm)));
        carla.types("yes");
        String placed = text(carla.nextMessage());
        assertTrue(placed.matches("Order P-[A-Z0-9]{6} is placed: Canvas tote, €49\\.00\\. We're charging your"
                + " payment account now; you'll hear from me when it's done\\."), placed);
        String reference = placed.substring(6, 14);
        // the demo billing system takes the charge request from parla.events and captures on parla.payments.in
        assertEquals("Payment received, thank you! Order " + reference + " is confirmed: Canvas tote.",
                text(carla.nextMessage()));
        assertTrue(text(carla.nextMessage()).startsWith("Your delivery of " + reference + " is booked for "));
        assertEquals(2, catalog.productBySku(store, "BAG-TOT-01").orElseThrow().sizes().get(0).stock(),
                "one taken from stock");

        carla.types("BUY " + code);
        assertEquals("The code " + code + " has already been used, for order " + reference + ".",
                text(carla.nextMessage()));
        carla.types("BUY TACCO37");
        assertEquals("The code TACCO37 belongs to another store, so it can't be used at Demo Boutique.",
                text(carla.nextMessage()));
        carla.types("BUY ZZ99ZZ");
        assertEquals("I don't know the code ZZ99ZZ. Please check it, or ask your personal shopper.",
                text(carla.nextMessage()));
        carla.types("BUY FLAT38");
        assertEquals("The code FLAT38 was made for another customer.", text(carla.nextMessage()));
    }

    @Test
    void theItalianStoreAnswersInItalianFromItsOwnCatalogOnItsOwnAccount() throws Exception {
        WhatsAppCustomer giulia = new WhatsAppCustomer(FakeChannelApi.started(), WhatsAppCustomer.randomNumber(),
                "milano-whatsapp", "100000000000002", "parla-milano-app-secret");
        giulia.types("Ciao, avete delle ballerine nella taglia 38?");
        List<JsonObject> first = giulia.nextMessages(2);
        assertTrue(text(first.get(0)).startsWith("Ciao Ana! Benvenuta da Boutique Milano."), text(first.get(0)));
        assertEquals("Ecco cosa ho trovato nella taglia 38:", text(first.get(1)));
        List<String[]> rows = rows(first.get(1));
        assertTrue(rows.get(0)[1].startsWith("Ballerina"), "the Italian catalog's ballet flats: " + titles(rows));
        // Italian number format: a decimal comma, the sign after a non-breaking space
        assertTrue(rows.get(0)[2].startsWith("290,00\u00a0€"), "prices as Italians write them: " + rows.get(0)[2]);
        giulia.types("BUY FLAT38");
        assertEquals("Il codice FLAT38 è di un altro negozio: non vale da Boutique Milano.",
                text(giulia.nextMessage()), "the English store's code is refused here");
        giulia.types("Vorrei parlare con una persona");
        assertTrue(text(giulia.nextMessage()).startsWith("Ho chiesto a una persona di Boutique Milano"));
    }

    @Test
    void askingForAPersonHandsOverAndTheBotFallsSilent() throws Exception {
        WhatsAppCustomer marco = WhatsAppCustomer.ofDemoBoutique(FakeChannelApi.started());
        marco.types("hello");
        assertTrue(text(marco.nextMessage()).startsWith("Hello Ana! Welcome to Demo Boutique."));
        marco.types("I want to talk to a real person please");
        String handoff = text(marco.nextMessage());
        assertTrue(handoff.startsWith("I've asked a person of Demo Boutique to take over"), handoff);
        marco.types("hello? anyone?");
        marco.types("do you have the ballet flats in a 38?");
        awaitAllAnswered(marco);
        marco.assertNothingMore();
    }

    @Test
    void stopOptsOutAndHostileInputGetsAClearAnswer() throws Exception {
        WhatsAppCustomer c = WhatsAppCustomer.ofDemoBoutique(FakeChannelApi.started());
        c.types("hello");
        c.nextMessage();
        c.types("<script>alert('x')</script> show me your stilettos");
        JsonObject heels = c.nextMessage();
        assertEquals("Here is what I found:", text(heels), "markup around the words: the words are searched");
        assertFalse(heels.toString().contains("<script") || heels.toString().contains("alert"),
                "the customer's markup is never echoed");
        c.types("x".repeat(5000));
        List<JsonObject> longAnswer = c.nextMessages(2);
        assertEquals("That's a long message: I read the first part only. A person will read the rest if needed.",
                text(longAnswer.get(0)), "a 5,000-character message is read in part, and said so");
        c.types("😀😀😀");
        JsonObject unsure = c.nextMessage();
        assertEquals("Sorry, I'm not sure I understood. Did you mean:", text(unsure));
        assertTrue(titles(buttons(unsure)).contains("Talk to a person"));
        c.types("STOP");
        assertEquals("Done: you won't receive messages from Demo Boutique any more. Write START if you change your"
                + " mind.", text(c.nextMessage()));
    }

    @Test
    void ofTwoBuyersOfTheLastPairExactlyOneGetsIt() throws Exception {
        long store = stores.storeRef("demo-boutique").orElseThrow().id();
        ProductSummary boot = catalog.productBySku(store, "SHOE-CHB-03").orElseThrow();
        ProductSummary.Size size = boot.size("39").orElseThrow();
        catalogUpdates.setStock(new StockChange("demo-boutique", size.sku(), 1));
        int buyers = 4;
        List<Long> customerIds = new ArrayList<>();
        for (int i = 0; i < buyers; i++) {
            long id = customers.create(store, "Buyer " + i);
            assertEquals(Carts.Added.ADDED, carts.add(store, id, size.variantId(), 1));
            customerIds.add(id);
        }
        ExecutorService pool = Executors.newFixedThreadPool(buyers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Placement>> placements = new ArrayList<>();
        for (long id : customerIds) {
            Callable<Placement> buy = () -> {
                start.await();
                return orders.placeFromCart(store, id, null, "EUR", "Via Roma 1, Milano", LocalDate.now().plusDays(3),
                        false, Duration.ofMinutes(30));
            };
            placements.add(pool.submit(buy));
        }
        start.countDown();
        int placed = 0;
        int soldOut = 0;
        for (Future<Placement> p : placements) {
            Placement result = p.get();
            placed += result instanceof Placement.Placed ? 1 : 0;
            soldOut += result instanceof Placement.SoldOut ? 1 : 0;
        }
        pool.shutdown();
        assertEquals(1, placed, "exactly one buyer gets the last pair");
        assertEquals(buyers - 1, soldOut, "the others are told it sold out");
        assertEquals(0, catalog.productBySku(store, "SHOE-CHB-03").orElseThrow().size("39").orElseThrow().stock());
    }

    @Test
    void aShopperSendsAnOfferThroughTheApiAndEveryCallStaysInItsStore() throws Exception {
        FakeChannelApi api = FakeChannelApi.started();
        long store = stores.storeRef("demo-boutique").orElseThrow().id();
        String waId = WhatsAppCustomer.randomNumber();
        long customer = customers.createWithStoredAccount(store, "Dora Test", "+" + waId, "ACC-IT-2",
                "Via Verdi 5, 20121 Milano", "CRM-IT-" + waId);
        conversationsOf(waId, store, customer);
        WhatsAppCustomer dora = new WhatsAppCustomer(api, waId, "demo-whatsapp", "100000000000001",
                "parla-demo-app-secret");
        dora.types("hello");
        dora.nextMessage();
        String offer = "{\"customerReference\":\"CRM-IT-" + waId + "\",\"sku\":\"BAG-XBD-02-ONE\","
                + "\"price\":99.00,\"validHours\":48}";

        assertEquals(401, api("POST", "/api/v1/stores/demo-boutique/offers", offer, null).statusCode());
        assertEquals(401, api("POST", "/api/v1/stores/demo-boutique/offers", offer,
                basic("merchant@parla.demo", "wrong")).statusCode());
        assertEquals(403, api("POST", "/api/v1/stores/demo-boutique/offers", offer,
                "Bearer parla-milano-api-token").statusCode(), "another store's token");
        assertEquals(403, api("POST", "/api/v1/stores/demo-boutique/offers", offer,
                basic("commessa@parla.demo", "parla-commessa")).statusCode(), "another store's staff");
        assertEquals(400, api("POST", "/api/v1/stores/demo-boutique/offers", offer.replace("BAG-XBD-02-ONE",
                "NO-SUCH-ONE"), basic("shopper@parla.demo", "parla-shopper")).statusCode());

        HttpResponse<String> made = api("POST", "/api/v1/stores/demo-boutique/offers", offer,
                basic("shopper@parla.demo", "parla-shopper"));
        assertEquals(201, made.statusCode(), made.body());
        JsonObject created = jakarta.json.Json.createReader(new java.io.StringReader(made.body())).readObject();
        String code = created.getString("code");
        assertTrue(created.getBoolean("sent"), made.body());
        String told = text(dora.nextMessage());
        assertTrue(told.startsWith("A pick for you from Demo Boutique: *Mini crossbody bag*, €99.00. Reply BUY " + code
                + " to buy it, until "), told);

        // the Italian store's systems cannot read or steer the English store's orders and conversations
        long conversation = conversationDirectory.conversationsOf(customer).get(0).id();
        String path = "/api/v1/stores/demo-boutique/conversations/" + conversation;
        assertEquals(403, api("POST", path + "/handoff", "", "Bearer parla-milano-api-token").statusCode());
        assertEquals(404, api("GET", "/api/v1/stores/boutique-milano/conversations/" + conversation, null,
                "Bearer parla-milano-api-token").statusCode(), "a conversation of another store is not found");

        HttpResponse<String> handedOff = api("POST", path + "/handoff?reason=vip", "", "Bearer parla-demo-api-token");
        assertEquals(200, handedOff.statusCode(), handedOff.body());
        assertTrue(handedOff.body().contains("\"handedOff\":true"), handedOff.body());
        dora.types("are you there?");
        awaitAllAnswered(dora);
        dora.assertNothingMore();
        assertEquals(200, api("POST", path + "/handback", "", basic("merchant@parla.demo", "parla-merchant"))
                .statusCode());
        assertEquals("I'm back: how can I help?", text(dora.nextMessage()));
    }

    @Test
    void theSamePurchaseOnTelegramWithInlineKeyboardsAndAPhotoCard() throws Exception {
        FakeChannelApi api = FakeChannelApi.started();
        TelegramCustomer lea = TelegramCustomer.ofDemoBoutique(api, "Lea");

        lea.types("Do you have the ballet flats in a 38?");
        assertTrue(lea.nextMessage().getString("text").startsWith("Hello Lea! Welcome to Demo Boutique."));
        JsonObject results = lea.nextMessage();
        assertEquals("Here is what I found in size 38:", results.getString("text"));
        List<JsonObject> rows = keyboard(results);
        assertEquals("Ballet flat", rows.get(0).getString("text").split(" · | — ")[0].strip(),
                "one row per product, the name first: " + rows);

        lea.taps(rows.get(0).getString("callback_data"));
        JsonObject card = lea.nextMessage();
        assertTrue(card.getString("photo").endsWith("/c/img/products/demo-boutique/SHOE-BAL-02.png"), card.toString());
        assertTrue(card.getString("caption").contains("Ballet flat") && card.getString("caption").contains("€89.00"));
        lea.taps(keyboard(card).get(0).getString("callback_data")); // Add size 38
        assertTrue(lea.nextMessage().getString("text").startsWith("Added to your cart: Ballet flat, size 38."));
        lea.taps("checkout");
        JsonObject where = lea.nextMessage();
        assertEquals("Where shall we deliver? Type the address, or share your location.", where.getString("text"));
        assertTrue(where.getJsonObject("reply_markup").toString().contains("\"request_location\":true"));
        lea.sharesLocation(45.4642, 9.19);
        JsonObject when = lea.nextMessage();
        assertTrue(when.getString("text").startsWith("Which day suits you for the delivery to 45.464200,9.190000"),
                when.getString("text"));
        lea.taps(keyboard(when).get(0).getString("callback_data"));
        assertEquals("Shall we send you delivery updates here in the chat?", lea.nextMessage().getString("text"));
        lea.taps("updates:no");
        // the demo bot has a payment provider token: Telegram's own invoice, not a link
        JsonObject invoice = lea.nextMessage();
        assertEquals("Pay €89.00", invoice.getString("title"), invoice.toString());
        assertTrue(invoice.getString("description").startsWith("Order P-")
                && invoice.getString("description").contains("Ballet flat"), invoice.toString());
        assertEquals("284685063:TEST:parla-demo-payments", invoice.getString("provider_token"));
        assertEquals("EUR", invoice.getString("currency"));
        assertEquals(8900, invoice.getJsonArray("prices").getJsonObject(0).getInt("amount"));
        String reference = invoice.getString("payload");
        assertTrue(api.matching(r -> r.path().endsWith("/sendInvoice") && r.body().contains(reference)).size() == 1);

        // a check with another amount is refused on the payment form, in words; the right one is accepted
        assertEquals("The amount does not match the order. Please check out again in the chat.",
                preCheckout(api, lea, reference, 100).getString("error_message"));
        assertTrue(preCheckout(api, lea, reference, 8900).getBoolean("ok"));
        lea.sendsMessage("\"successful_payment\":{\"currency\":\"EUR\",\"total_amount\":8900,\"invoice_payload\":\""
                + reference + "\",\"telegram_payment_charge_id\":\"tg-charge-" + lea.chat + "\","
                + "\"provider_payment_charge_id\":\"prov-" + lea.chat + "\"}");
        assertTrue(lea.nextMessage().getString("text").startsWith("Payment received, thank you! Order " + reference));
        // paid: a second payment of it is refused before it is taken
        assertEquals("This order no longer awaits payment: it was paid already, or its hold ran out.",
                preCheckout(api, lea, reference, 8900).getString("error_message"));
        assertEquals("We cannot find this order. Please check out again in the chat.",
                preCheckout(api, lea, "P-NOSUCH", 8900).getString("error_message"));
    }

    /** Telegram asks whether the payment may go ahead; returns our answerPreCheckoutQuery (due within 10 s). */
    private static JsonObject preCheckout(FakeChannelApi api, TelegramCustomer payer, String reference, long amount)
            throws Exception {
        String id = "pcq-" + java.util.UUID.randomUUID();
        payer.sends("\"pre_checkout_query\":{\"id\":\"" + id + "\"," + payer.from() + ",\"currency\":\"EUR\","
                + "\"total_amount\":" + amount + ",\"invoice_payload\":\"" + reference + "\"}");
        FakeChannelApi.Request answer = api.await(r -> r.path().endsWith("/answerPreCheckoutQuery")
                && r.body().contains(id), Duration.ofSeconds(10));
        return jakarta.json.Json.createReader(new java.io.StringReader(answer.body())).readObject();
    }

    @Test
    void theSamePurchaseOnMessengerWithACarouselQuickRepliesACardAndAPayButton() throws Exception {
        MessengerCustomer lea = new MessengerCustomer(FakeChannelApi.started());
        assertEquals(200, lea.types("Do you have the ballet flats in a 38?"));
        assertTrue(lea.nextMessage().getString("text").startsWith("Hello! Welcome to Demo Boutique."));
        assertEquals("Here is what I found in size 38:", lea.nextMessage().getString("text"));
        JsonObject carousel = MessengerCustomer.template(lea.nextMessage());
        assertEquals("generic", carousel.getString("template_type"), "the results are a carousel of cards");
        List<JsonObject> cards = carousel.getJsonArray("elements").getValuesAs(JsonObject.class);
        JsonObject flat = cards.get(0);
        assertEquals("Ballet flat", flat.getString("title"));
        assertEquals("€89.00 · 38 ✓", flat.getString("subtitle"), "price and stock in the size asked for");
        assertTrue(flat.getString("image_url").endsWith("/c/img/products/demo-boutique/SHOE-BAL-02.png"));
        assertTrue(cards.size() > 1 && cards.stream().noneMatch(c -> c.getString("title").contains("SHOE-")),
                "names people read, never codes: " + cards);
        JsonObject see = flat.getJsonArray("buttons").getJsonObject(0);
        assertEquals("See it", see.getString("title"));

        lea.pressesPostback(see);
        JsonObject template = MessengerCustomer.template(lea.nextMessage());
        assertEquals("generic", template.getString("template_type"));
        JsonObject card = template.getJsonArray("elements").getJsonObject(0);
        assertEquals("Ballet flat · €89.00", card.getString("title"));
        assertTrue(card.getString("subtitle").startsWith("Soft nappa ballet flat"), card.toString());
        assertTrue(card.getString("image_url").endsWith("/c/img/products/demo-boutique/SHOE-BAL-02.png"));
        List<JsonObject> buttons = card.getJsonArray("buttons").getValuesAs(JsonObject.class);
        assertEquals(List.of("Add size 38", "Choose a size", "Show me more"),
                buttons.stream().map(b -> b.getString("title")).toList());

        lea.pressesPostback(buttons.get(0));
        JsonObject added = lea.nextMessage();
        assertEquals("Added to your cart: Ballet flat, size 38. Your cart: 1 item, €89.00.", added.getString("text"));
        lea.tapsQuickReply(MessengerCustomer.quickReply(added, "Checkout"));
        assertEquals("Where shall we deliver? Please type the address (street, number, town).",
                lea.nextMessage().getString("text"), "Messenger cannot share a location: the address is typed");
        lea.types("Via Roma 1, 20121 Milano");
        JsonObject when = lea.nextMessage();
        assertEquals("Which day suits you for the delivery to Via Roma 1, 20121 Milano?", when.getString("text"));
        assertEquals(3, MessengerCustomer.quickReplies(when).size());
        lea.tapsQuickReply(MessengerCustomer.quickReplies(when).get(0));
        JsonObject updates = lea.nextMessage();
        assertEquals("Shall we send you delivery updates here in the chat?", updates.getString("text"));
        lea.tapsQuickReply(MessengerCustomer.quickReply(updates, "No thanks"));

        JsonObject pay = MessengerCustomer.template(lea.nextMessage());
        assertEquals("button", pay.getString("template_type"));
        assertTrue(pay.getString("text").matches("(?s)Order P-[A-Z0-9]{6}: Ballet flat \\(38\\)\\. Total €89\\.00\\..*"
                + "please pay below\\."), pay.getString("text"));
        JsonObject link = pay.getJsonArray("buttons").getJsonObject(0);
        assertEquals("web_url", link.getString("type"));
        assertEquals("Pay €89.00", link.getString("title"));
        assertEquals(200, payByCard(link.getString("url"), "4242 4242 4242 4242").statusCode());
        assertTrue(lea.nextMessage().getString("text").startsWith("Payment received, thank you!"));
    }

    @Test
    void theSamePurchaseOnWeChatTypingTheNumbersAndWordsOfNumberedChoices() throws Exception {
        WeChatCustomer wei = new WeChatCustomer(FakeChannelApi.started());
        assertEquals(200, wei.types("Do you have the ballet flats in a 38?"));
        assertTrue(wei.nextText().startsWith("Hello! Welcome to Demo Boutique."));
        String results = wei.nextText();
        assertTrue(results.startsWith("Here is what I found in size 38:\n\n1. Ballet flat – €89.00 · 38 ✓\n2. "),
                results);

        wei.types(WeChatCustomer.numberOf(results, "Ballet flat"));
        String card = wei.nextText();
        assertTrue(card.startsWith("Ballet flat · €89.00\nSoft nappa ballet flat"), "no markdown marks: " + card);
        assertTrue(card.endsWith("\n\n1. Add size 38\n2. Choose a size\n3. Show me more"), card);
        wei.types("add size 38");
        String added = wei.nextText();
        assertTrue(added.startsWith("Added to your cart: Ballet flat, size 38. Your cart: 1 item, €89.00.\n\n1. "),
                added);
        wei.types(WeChatCustomer.numberOf(added, "Checkout"));
        assertEquals("Where shall we deliver? Type the address, or share your location.", wei.nextText());
        wei.types("Via Roma 1, 20121 Milano");
        String when = wei.nextText();
        assertTrue(when.startsWith("Which day suits you for the delivery to Via Roma 1, 20121 Milano?\n\n1. "), when);
        wei.types("2");
        assertEquals("Shall we send you delivery updates here in the chat?\n\n1. Yes please\n2. No thanks",
                wei.nextText());
        wei.types("yes");

        String pay = wei.nextText();
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("(?s)Order P-[A-Z0-9]{6}: Ballet flat \\(38\\)"
                + "\\. Total €89\\.00\\..*please pay below\\.\\n<a href=\"(http://localhost:[0-9]+/c/pay/[A-Za-z0-9_-]{43})\">"
                + "Pay €89\\.00</a>").matcher(pay);
        assertTrue(link.matches(), pay);
        assertEquals(200, payByCard(link.group(1), "4242 4242 4242 4242").statusCode());
        assertTrue(wei.nextText().startsWith("Payment received, thank you!"));
    }

    /** Every button of a Telegram message's inline keyboard, row by row. */
    private static HttpResponse<String> api(String method, String path, String body, String authorization)
            throws Exception {
        return ParlaApi.call(method, path, body, authorization);
    }

    private static String basic(String user, String password) {
        return ParlaApi.basic(user, password);
    }

    private void conversationsOf(String waId, long store, long customer) {
        conversationDirectory.knownIdentity(store, com.parla.connector.api.Channel.WHATSAPP, "demo-whatsapp", waId,
                customer);
    }

    @EJB
    com.parla.conversation.boundary.Conversations conversationDirectory;

    /** Waits until the engine has answered (or deliberately not answered) everything the customer wrote. */
    private void awaitAllAnswered(WhatsAppCustomer customer) {
        await().atMost(Duration.ofSeconds(30)).until(() -> conversationDirectory.pendingOf(
                com.parla.connector.api.Channel.WHATSAPP, "demo-whatsapp", customer.waId) == 0);
    }

    private static HttpResponse<String> payByCard(String url, String card) throws Exception {
        String form = "card=" + URLEncoder.encode(card, StandardCharsets.UTF_8) + "&expiry=12%2F29&cvc=123";
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type",
                        "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
