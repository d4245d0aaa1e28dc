package com.parla.system;

import com.parla.conversation.boundary.Inbox;
import com.parla.dialogue.boundary.Handoffs;
import com.parla.intent.boundary.IntentTeaching;
import com.parla.platform.boundary.Refusal;
import com.parla.store.boundary.StoreDirectory;
import jakarta.ejb.EJB;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The console's live inbox as a personal shopper works it, in headless Chromium against the deployed EAR: a
 * customer's WhatsApp message, sent through the webhook port, appears without a reload; the shopper answers, and the
 * answer reaches the channel's API as she wrote it while the assistant falls silent; notes; the composer locked once
 * the service window has closed; the other store's conversations out of reach. The methods run in order: the first
 * and the last two run inside the server (the fake channel API lives there), the browser runs outside it.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleInboxIT {

    /** The customer who writes while the shopper watches, with words a page must show as text, never as HTML. */
    static final String LIVE_NUMBER = "393401100001";
    static final String FIRST_WORDS = "Do you have the Milano sneaker in 42? <img src=x onerror=alert(1)>";
    static final String SECOND_WORDS = "And in black?";
    static final String REPLY = "Yes, the 42 is in stock. Shall I hold it for you until tonight?";
    static final String CORRECT_INTENT = "check_size_availability";
    static final String NOTE = "Prefers evening deliveries";
    /** The customer who last wrote two days ago: the WhatsApp service window is closed. */
    static final String QUIET_NUMBER = "393401100002";
    static final String QUIET_WORDS = "Hello, is anyone there? (last week)";
    /** A customer of the other demo store, Boutique Milano. */
    private static final String MILANO_NUMBER = "393401100003";
    private static final String MILANO_WORDS = "Buongiorno, avete il mocassino Decollete?";

    @Deployment
    static EnterpriseArchive ear() {
        return ParlaEar.withTestClasses(new Class<?>[]{ConsoleInboxIT.class, FakeChannelApi.class,
                FakeChannelApi.Request.class, WhatsAppCustomer.class},
                PersistenceProbe.class);
    }

    @EJB
    PersistenceProbe probe;

    @EJB
    Inbox inbox;

    @EJB
    Handoffs handoffs;

    @EJB
    StoreDirectory stores;

    @EJB
    IntentTeaching teaching;

    static WhatsAppCustomer ofBoutique(FakeChannelApi api, String number) {
        return new WhatsAppCustomer(api, number, "demo-whatsapp", "100000000000001", "parla-demo-app-secret");
    }

    @Test
    @Order(1)
    void aCustomerWroteTwoDaysAgo() throws Exception {
        WhatsAppCustomer quiet = ofBoutique(FakeChannelApi.started(), QUIET_NUMBER);
        assertEquals(200, quiet.types(QUIET_WORDS));
        quiet.nextMessage();
        assertEquals(1, probe.lastWroteAt(QUIET_NUMBER, Instant.now().minus(Duration.ofHours(50))));
    }

    @Test
    @Order(2)
    @RunAsClient
    void aPersonalShopperWorksTheInboxLiveInTheBrowser() throws Exception {
        assumeTrue(HeadlessChromium.installed() || System.getenv("CI") != null,
                "apt-get install chromium chromium-driver to run the browser test");
        InboxInTheBrowser.personalShopperWorksTheInbox();
    }

    @Test
    @Order(3)
    void theShoppersAnswerReachedTheCustomerAsWrittenAndTheAssistantKeptQuiet() throws Exception {
        WhatsAppCustomer live = ofBoutique(FakeChannelApi.started(), LIVE_NUMBER);
        List<JsonObject> received = live.received();
        List<String> texts = received.stream().map(WhatsAppCustomer::text).toList();
        assertEquals(1, texts.stream().filter(REPLY::equals).count(), texts.toString());
        JsonObject reply = received.get(texts.indexOf(REPLY));
        assertEquals("text", reply.getString("type"));
        assertEquals(LIVE_NUMBER, reply.getString("to"));
        // nothing after her answer: the customer's second message was for her, not for the assistant
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                .until(() -> live.received().size() == received.size());
        assertEquals(REPLY, texts.get(texts.size() - 1), texts.toString());

        // her correction of what the assistant read is an example of the store's, in the conversation's language
        long boutique = stores.storeRef("demo-boutique").orElseThrow().id();
        assertEquals(1, teaching.examples(boutique, "en").stream().filter(e -> e.getUtterance().equals(FIRST_WORDS)
                && e.getIntent().equals(CORRECT_INTENT) && e.getAddedBy().equals("shopper@parla.demo")).count());
    }

    @Test
    @Order(4)
    void anotherStoresConversationIsOutOfReachAndUnchanged() throws Exception {
        WhatsAppCustomer milano = new WhatsAppCustomer(FakeChannelApi.started(), MILANO_NUMBER, "milano-whatsapp",
                "100000000000002", "parla-milano-app-secret");
        assertEquals(200, milano.types(MILANO_WORDS));
        milano.nextMessage();
        long boutique = stores.storeRef("demo-boutique").orElseThrow().id();
        long milanoStore = stores.storeRef("boutique-milano").orElseThrow().id();
        long giulia = stores.staffMember("shopper@parla.demo").orElseThrow().getId();
        Inbox.Row row = inbox.page(new Inbox.Filter(Set.of(milanoStore), null, null, null, false, false, false,
                MILANO_NUMBER), 0, 50).stream().filter(r -> MILANO_WORDS.equals(r.preview())).findFirst().orElseThrow();

        Set<Long> giuliasStores = Set.of(boutique);
        assertTrue(inbox.thread(giuliasStores, row.id()).isEmpty());
        assertTrue(inbox.page(new Inbox.Filter(giuliasStores, null, null, null, false, false, false,
                MILANO_NUMBER), 0, 200).stream().noneMatch(r -> r.id() == row.id()));
        assertEquals(0, inbox.count(new Inbox.Filter(giuliasStores, null, null, null, false, false, false,
                MILANO_NUMBER)));
        assertFalse(inbox.assign(giuliasStores, row.id(), giulia));
        assertFalse(inbox.note(giuliasStores, row.id(), giulia, "not hers"));
        assertFalse(handoffs.staffReply(giuliasStores, row.id(), giulia, "not hers"));
        // Milano's own people: Giulia does not work there, so it cannot be given to her either
        assertFalse(inbox.assign(Set.of(milanoStore), row.id(), giulia));

        Inbox.Thread unchanged = inbox.thread(Set.of(milanoStore), row.id()).orElseThrow();
        assertEquals(null, unchanged.conversation().assignedStaffId());
        assertTrue(unchanged.items().stream().noneMatch(i -> "note".equals(i.from()) || "staff".equals(i.from())),
                unchanged.items().toString());
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> milano.received().stream()
                .map(WhatsAppCustomer::text).noneMatch("not hers"::equals));

        // bad words are refused with the reason, and change nothing
        long chiara = stores.staffMember("commessa@parla.demo").orElseThrow().getId();
        Set<Long> chiarasStores = Set.of(milanoStore);
        Refusal blank = assertThrows(Refusal.class, () -> inbox.note(chiarasStores, row.id(), chiara, " "));
        assertEquals("a note is 1 to 2000 characters", blank.getMessage());
        Refusal tooLong = assertThrows(Refusal.class,
                () -> handoffs.staffReply(chiarasStores, row.id(), chiara, "x".repeat(4097)));
        assertEquals("a message is 1 to 4096 characters", tooLong.getMessage());
        assertEquals(unchanged.items().size(), inbox.thread(chiarasStores, row.id()).orElseThrow().items().size());
    }

    @Test
    @Order(5)
    void outsideTheWindowAFreeTextIsRefusedWithTheReason() {
        long boutique = stores.storeRef("demo-boutique").orElseThrow().id();
        long giulia = stores.staffMember("shopper@parla.demo").orElseThrow().getId();
        Inbox.Row quiet = inbox.page(new Inbox.Filter(Set.of(boutique), null, "whatsapp", null, false, false, false,
                QUIET_NUMBER), 0, 20).stream().filter(r -> QUIET_WORDS.equals(r.preview())).findFirst().orElseThrow();
        assertFalse(quiet.windowOpen());
        Refusal refused = assertThrows(Refusal.class,
                () -> handoffs.staffReply(Set.of(boutique), quiet.id(), giulia, "Still interested?"));
        assertTrue(refused.getMessage().contains("only an approved template"), refused.getMessage());
        assertTrue(inbox.thread(Set.of(boutique), quiet.id()).orElseThrow().items().stream()
                .noneMatch(i -> "Still interested?".equals(i.text())));
    }
}
