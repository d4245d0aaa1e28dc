package com.parla.system;

import com.parla.catalog.boundary.CatalogSearch;
import com.parla.catalog.boundary.CatalogUpdates;
import com.parla.catalog.boundary.ProductSummary;
import com.parla.catalog.boundary.StockChange;
import com.parla.conversation.boundary.ConversationRef;
import com.parla.conversation.boundary.Conversations;
import com.parla.customer.boundary.Customers;
import com.parla.order.boundary.Carts;
import com.parla.order.boundary.OrderDesk;
import com.parla.order.boundary.Placement;
import com.parla.store.boundary.StoreDirectory;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.json.JsonObject;
import jakarta.transaction.UserTransaction;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static com.parla.system.WhatsAppCustomer.buttons;
import static com.parla.system.WhatsAppCustomer.text;
import static com.parla.system.WhatsAppCustomer.titles;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What keeps a customer's business right on the deployed EAR: one person on two apps linked by a one-time code
 * (and every wrong, foreign or guessed code changing nothing), one cart ordered once from two devices at once, no
 * message for a rolled-back change and exactly one for a committed one, an unpaid hold that lapses and says so,
 * and carts that cannot grow past their limits.
 */
@ExtendWith(ArquillianExtension.class)
class CustomerSafeguardsIT {

    private static final Pattern LINK_CODE = Pattern.compile("\\*(?:LINK|COLLEGA) ([0-9]{6})\\*");

    @Deployment
    static EnterpriseArchive ear() {
        return ParlaEar.withTestClasses(new Class<?>[]{CustomerSafeguardsIT.class, FakeChannelApi.class,
                FakeChannelApi.Request.class, WhatsAppCustomer.class, TelegramCustomer.class});
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

    @EJB
    Conversations conversations;

    @Resource
    UserTransaction tx;

    @Test
    void aCustomerLinksTelegramToTheirWhatsAppWithAOneTimeCodeAndFindsTheirCartAndAccountThere() throws Exception {
        FakeChannelApi api = FakeChannelApi.started();
        long store = demoStore();
        String waId = WhatsAppCustomer.randomNumber();
        long carla = customers.createWithStoredAccount(store, "Carla Bianchi", "+" + waId, "ACC-LINK-1",
                "Via Dante 3, 20123 Milano", null);
        conversations.knownIdentity(store, com.parla.connector.api.Channel.WHATSAPP, "demo-whatsapp", waId, carla);
        ProductSummary scarf = catalog.productBySku(store, "ACC-SCF-01").orElseThrow();
        catalogUpdates.setStock(new StockChange("demo-boutique", "ACC-SCF-01-ONE", 5));
        assertEquals(Carts.Added.ADDED, carts.add(store, carla, scarf.sizes().get(0).variantId(), 1));
        WhatsAppCustomer onWhatsApp = new WhatsAppCustomer(api, waId, "demo-whatsapp", "100000000000001",
                "parla-demo-app-secret");

        onWhatsApp.types("LINK");
        List<JsonObject> hello = onWhatsApp.nextMessages(2);
        String codeText = text(hello.get(1));
        String code = codeOf(codeText);
        assertEquals("To be the same customer of Demo Boutique on another app (WhatsApp, Telegram, Messenger,"
                + " WeChat), send this message to us from there within 10 minutes:\n*LINK " + code + "*\nYour cart,"
                + " orders and saved details will then be the same on both. Don't share the code with anyone.",
                codeText);

        TelegramCustomer onTelegram = TelegramCustomer.ofDemoBoutique(api, "Carla");
        onTelegram.types("link " + code.substring(0, 3) + " " + code.substring(3)); // typed with a space
        assertTrue(TelegramCustomer.text(onTelegram.nextMessage()).startsWith("Hello Carla! Welcome to Demo Boutique."));
        JsonObject joined = onTelegram.nextMessage();
        assertEquals("Done Carla: this chat is now linked to your account. Your cart, orders and saved details are"
                + " the same here and on your other app.", TelegramCustomer.text(joined));
        assertEquals(List.of("My cart", "My orders"), TelegramCustomer.buttonTitles(joined));

        onTelegram.taps("menu:cart");
        String cart = TelegramCustomer.text(onTelegram.nextMessage());
        assertTrue(cart.startsWith("Your cart:\n1 × Silk twill scarf"), "the cart put together on WhatsApp: " + cart);
        assertEquals(2, conversations.conversationsOf(carla).size(), "both apps' conversations are Carla's");
        // the stored account came along: a BUY code made for Carla works from Telegram
        String offer = orders.createOffer(store, carla, scarf.sizes().get(0).variantId(),
                new java.math.BigDecimal("150.00"), Instant.now().plus(Duration.ofDays(1)), "shopper@parla.demo").code();
        onTelegram.types("BUY " + offer);
        assertEquals("*Silk twill scarf*, for €150.00, charged to your payment account on file and delivered to Via"
                + " Dante 3, 20123 Milano. Shall I place the order?", TelegramCustomer.text(onTelegram.nextMessage()));

        onTelegram.types("LINK " + code);
        assertEquals("This chat is already linked to that account: nothing to do.",
                TelegramCustomer.text(onTelegram.nextMessage()));
        TelegramCustomer stranger = TelegramCustomer.ofDemoBoutique(api, "Mallory");
        stranger.types("LINK " + code);
        stranger.nextMessage(); // the greeting
        assertEquals("That code doesn't work: codes are six digits and can be used once, within 10 minutes. Write"
                + " LINK in the chat where you're already our customer to get a new one.",
                TelegramCustomer.text(stranger.nextMessage()), "a code works once");
        assertEquals(2, conversations.conversationsOf(carla).size(), "the stranger was not joined to Carla");
    }

    @Test
    void anotherStoresAndGuessedCodesChangeNothingAndGuessingStopsAfterFiveTries() throws Exception {
        FakeChannelApi api = FakeChannelApi.started();
        WhatsAppCustomer giulia = new WhatsAppCustomer(api, WhatsAppCustomer.randomNumber(), "milano-whatsapp",
                "100000000000002", "parla-milano-app-secret");
        giulia.types("collega");
        String milanoCode = codeOf(text(giulia.nextMessages(2).get(1)));
        WhatsAppCustomer owner = WhatsAppCustomer.ofDemoBoutique(api);
        owner.types("LINK");
        String demoCode = codeOf(text(owner.nextMessages(2).get(1)));

        TelegramCustomer guesser = TelegramCustomer.ofDemoBoutique(api, "Mallory");
        guesser.types("LINK " + milanoCode);
        guesser.nextMessage(); // the greeting
        String wrong = "That code doesn't work: codes are six digits and can be used once, within 10 minutes. Write"
                + " LINK in the chat where you're already our customer to get a new one.";
        assertEquals(wrong, TelegramCustomer.text(guesser.nextMessage()), "another store's code is not this store's");
        guesser.types("LINK 12345");
        assertEquals(wrong, TelegramCustomer.text(guesser.nextMessage()), "five digits");
        for (int i = 0; i < 2; i++) {
            guesser.types("LINK " + notThe(demoCode, i));
            assertEquals(wrong, TelegramCustomer.text(guesser.nextMessage()));
        }
        guesser.types("LINK " + notThe(demoCode, 7));
        String blocked = "Too many wrong codes. Please try again in an hour, or write \"talk to a person\" and"
                + " someone will link your accounts for you.";
        assertEquals(blocked, TelegramCustomer.text(guesser.nextMessage()), "the fifth wrong code");
        guesser.types("LINK " + demoCode);
        assertEquals(blocked, TelegramCustomer.text(guesser.nextMessage()),
                "after five wrong codes even a right one is not tried: guessing 10^6 codes is out of reach");
        await().atMost(Duration.ofSeconds(30)).until(() -> conversations.pendingOf(
                com.parla.connector.api.Channel.WHATSAPP, "demo-whatsapp", owner.waId) == 0);
        long ownerCustomer = conversations.conversationsOf(conversationCustomer(owner.waId)).size();
        assertEquals(1, ownerCustomer, "nobody was joined to the code's owner");
    }

    @Test
    void theSameCustomerCheckingOutOnTwoDevicesAtOnceGetsOneOrderOfTheirCart() throws Exception {
        long store = demoStore();
        ProductSummary clutch = catalog.productBySku(store, "BAG-CLU-05").orElseThrow();
        catalogUpdates.setStock(new StockChange("demo-boutique", "BAG-CLU-05-ONE", 6));
        int devices = 3;
        for (int round = 0; round < 3; round++) {
            long customer = customers.create(store, "Two Phones " + round);
            assertEquals(Carts.Added.ADDED, carts.add(store, customer, clutch.sizes().get(0).variantId(), 2));
            ExecutorService pool = Executors.newFixedThreadPool(devices);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Placement>> placements = new ArrayList<>();
            for (int d = 0; d < devices; d++) {
                placements.add(pool.submit(() -> {
                    start.await();
                    return orders.placeFromCart(store, customer, null, "EUR", "Via Roma 1, Milano",
                            LocalDate.now().plusDays(3), false, Duration.ofMinutes(30));
                }));
            }
            start.countDown();
            int placed = 0;
            int nothing = 0;
            for (Future<Placement> p : placements) {
                Placement result = p.get();
                placed += result instanceof Placement.Placed ? 1 : 0;
                nothing += result instanceof Placement.Nothing ? 1 : 0;
            }
            pool.shutdown();
            assertEquals(1, placed, "one order of the cart, round " + round);
            assertEquals(devices - 1, nothing, "the other devices find the cart already ordered");
            assertEquals(6 - 2 * (round + 1), catalog.productBySku(store, "BAG-CLU-05").orElseThrow().sizes().get(0)
                    .stock(), "the stock of one order taken, round " + round);
            assertEquals(1, orders.openOrders(store, customer).size());
        }
    }

    @Test
    void aRolledBackPaymentSendsNoMessageAndACommittedOneSendsExactlyOne() throws Exception {
        FakeChannelApi api = FakeChannelApi.started();
        long store = demoStore();
        WhatsAppCustomer nora = greetedDemoCustomer(api);
        long customer = conversationCustomer(nora.waId);
        ConversationRef conversation = conversations.conversationsOf(customer).get(0);
        String reference = placeOneScarf(store, customer, conversation.id(), Duration.ofMinutes(30));

        tx.begin();
        assertTrue(orders.captured(reference, Instant.now()));
        tx.rollback();
        assertEquals("AWAITING_PAYMENT", orders.order(reference).orElseThrow().status(), "the capture rolled back");

        tx.begin();
        assertTrue(orders.captured(reference, Instant.now()));
        tx.commit();
        String paid = text(nora.nextMessage());
        assertTrue(paid.startsWith("Payment received, thank you! Order " + reference + " is confirmed: Silk twill"
                + " scarf. Delivery "), "the committed capture's message is the first one she gets: " + paid);
        nora.types("thanks");
        nora.nextMessage();
        assertEquals(1, nora.received().stream().filter(m -> text(m).startsWith("Payment received")).count(),
                "one message: none for the rolled-back capture, one for the committed one");
        assertTrue(orders.order(reference).orElseThrow().isPaid());
    }

    @Test
    void anUnpaidOrderLapsesAfterItsHoldAndTheCustomerIsToldAndTheStockIsBack() throws Exception {
        FakeChannelApi api = FakeChannelApi.started();
        long store = demoStore();
        WhatsAppCustomer ivo = greetedDemoCustomer(api);
        long customer = conversationCustomer(ivo.waId);
        long conversation = conversations.conversationsOf(customer).get(0).id();
        catalogUpdates.setStock(new StockChange("demo-boutique", "ACC-SCF-01-ONE", 4));
        String reference = placeOneScarf(store, customer, conversation, Duration.ofSeconds(1));
        assertEquals(3, scarfStock(store), "held for the order");

        String lapsed = await().atMost(Duration.ofSeconds(60)).until(() -> ivo.received().stream()
                .map(WhatsAppCustomer::text).filter(t -> t.startsWith("Order " + reference)).findFirst(),
                java.util.Optional::isPresent).get();
        assertEquals("Order " + reference + " was cancelled: it was not paid in time. The items are back on sale;"
                + " write to me if you still want them.", lapsed);
        assertEquals(4, scarfStock(store), "the hold was released");
        assertEquals(List.of(), orders.openOrders(store, customer));
        assertTrue(!orders.captured(reference, Instant.now()), "a late capture does not revive a lapsed order");
    }

    @Test
    void aCartOfAThousandItemsIsRefusedWithAClearAnswerAndStaysAsItWas() throws Exception {
        FakeChannelApi api = FakeChannelApi.started();
        long store = demoStore();
        WhatsAppCustomer greedy = greetedDemoCustomer(api);
        long customer = conversationCustomer(greedy.waId);
        List<ProductSummary.Size> sizes = catalog.search(store, "en", "shoes", 40).stream()
                .flatMap(p -> p.sizesInStock().stream()).limit(Carts.MAX_LINES + 1).toList();
        assertEquals(Carts.MAX_LINES + 1, sizes.size(), "enough sizes in stock for the test");
        catalogUpdates.setStock(new StockChange("demo-boutique", sizes.get(0).sku(), 2000));
        assertEquals(Carts.Added.TOO_MANY, carts.add(store, customer, sizes.get(0).variantId(), 1000),
                "1,000 of one size at once");
        assertTrue(carts.cart(store, customer, "EUR").isEmpty(), "a refused add changes nothing");

        for (int i = 0; i < Carts.MAX_LINES; i++) {
            assertEquals(Carts.Added.ADDED, carts.add(store, customer, sizes.get(i).variantId(), 1));
        }
        greedy.taps("add:" + sizes.get(Carts.MAX_LINES).variantId());
        JsonObject full = greedy.nextMessage();
        assertEquals("Your cart is full (20 different items at most). Check out or remove something first.", text(full));
        assertEquals(List.of("Checkout", "My cart"), titles(buttons(full)));
        for (int i = 1; i < Carts.MAX_QUANTITY; i++) {
            carts.add(store, customer, sizes.get(0).variantId(), 1);
        }
        greedy.taps("add:" + sizes.get(0).variantId());
        assertEquals("At most 10 of one item per order, please.", text(greedy.nextMessage()));
        var cart = carts.cart(store, customer, "EUR");
        assertEquals(Carts.MAX_LINES, cart.items().size());
        assertEquals(Carts.MAX_LINES - 1 + Carts.MAX_QUANTITY, cart.count(), "nothing was added past the limits");
    }

    private long demoStore() {
        return stores.storeRef("demo-boutique").orElseThrow().id();
    }

    private String placeOneScarf(long store, long customer, long conversation, Duration hold) {
        long scarf = catalog.productBySku(store, "ACC-SCF-01").orElseThrow().sizes().get(0).variantId();
        if (catalog.productBySku(store, "ACC-SCF-01").orElseThrow().sizes().get(0).stock() < 1) {
            catalogUpdates.setStock(new StockChange("demo-boutique", "ACC-SCF-01-ONE", 5));
        }
        assertEquals(Carts.Added.ADDED, carts.add(store, customer, scarf, 1));
        Placement placement = orders.placeFromCart(store, customer, conversation, "EUR", "Via Roma 1, Milano",
                LocalDate.now().plusDays(3), true, hold);
        return ((Placement.Placed) placement).order().reference();
    }

    private int scarfStock(long store) {
        return catalog.productBySku(store, "ACC-SCF-01").orElseThrow().sizes().get(0).stock();
    }

    /** A new WhatsApp customer of the demo boutique who said hello and was greeted: the engine has met them. */
    private static WhatsAppCustomer greetedDemoCustomer(FakeChannelApi api) throws Exception {
        WhatsAppCustomer customer = WhatsAppCustomer.ofDemoBoutique(api);
        customer.types("hello");
        customer.nextMessage();
        return customer;
    }

    /** The customer behind a WhatsApp number of the demo boutique, once the engine has met them. */
    private long conversationCustomer(String waId) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> conversations.customerOf(
                com.parla.connector.api.Channel.WHATSAPP, "demo-whatsapp", waId), java.util.Optional::isPresent)
                .get();
    }

    private static String codeOf(String text) {
        Matcher m = LINK_CODE.matcher(text);
        assertTrue(m.find(), "a six-digit code in: " + text);
        return m.group(1);
    }

    /** Six digits that are not the code. */
    private static String notThe(String code, int salt) {
        int n = (Integer.parseInt(code) + 1 + salt * 7919) % 1_000_000;
        return String.format("%06d", n);
    }
}
