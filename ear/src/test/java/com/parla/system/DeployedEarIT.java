package com.parla.system;

import com.parla.catalog.boundary.CatalogDataException;
import com.parla.catalog.boundary.CatalogQueries;
import com.parla.catalog.boundary.CatalogUpdates;
import com.parla.catalog.boundary.ProductUpsert;
import com.parla.catalog.boundary.ProductUpsert.VariantUpsert;
import com.parla.catalog.entity.Product;
import com.parla.connector.api.AdapterStatus;
import com.parla.connector.api.ChannelAdministration;
import com.parla.connector.api.ChannelConnection;
import com.parla.connector.api.ChannelConnectionFactory;
import com.parla.connector.api.OutboundMessage;
import com.parla.intent.boundary.IntentRecognition;
import com.parla.intent.boundary.IntentTeaching;
import com.parla.intent.boundary.IntentTeachingException;
import com.parla.intent.boundary.ModelInUse;
import com.parla.intent.control.BaseIntentModels;
import com.parla.intent.control.IntentPrediction;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.transaction.UserTransaction;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs inside Payara Server, in the deployed EAR: JPA through Hibernate under JTA, and the messaging connector
 * delivering to its message-driven bean.
 */
@ExtendWith(ArquillianExtension.class)
class DeployedEarIT {

    private static final String STORE = "demo-boutique";

    @Deployment
    static EnterpriseArchive ear() {
        return ParlaEar.withTestClasses(new Class<?>[]{DeployedEarIT.class}, PersistenceProbe.class);
    }

    @EJB
    CatalogUpdates updates;

    @EJB
    CatalogQueries queries;

    @Resource
    UserTransaction transaction;

    @Resource(lookup = "java:app/eis/channels")
    ChannelConnectionFactory channels;

    @Resource(lookup = "java:app/eis/channel-administration")
    ChannelAdministration connector;

    @EJB
    PersistenceProbe persistence;

    @EJB
    IntentRecognition intents;

    @EJB
    IntentTeaching teaching;

    @Test
    void persistenceUnitIsHibernateUnderJta() throws Exception {
        assertTrue(persistence.isHibernate(), "the persistence provider is Hibernate, not Payara's EclipseLink");
        transaction.begin();
        try {
            assertTrue(persistence.joinedToCallersTransaction(), "the EntityManager joins the JTA transaction");
        } finally {
            transaction.rollback();
        }
    }

    @Test
    void productIsPersistedAndCommitted() {
        String sku = sku("IT-PERSIST");
        updates.upsert(product(sku, "IT-PERSIST-V-" + sku, "10.00"));

        Product stored = queries.product(STORE, sku).orElseThrow();
        assertEquals(new BigDecimal("10.00"), stored.getPrice());
        assertEquals(1, stored.getVariants().size());
        assertEquals(3, stored.getVariants().get(0).getStock());
    }

    @Test
    void rollbackOfTheTransactionLeavesNothing() throws Exception {
        String sku = sku("IT-ROLLBACK");
        transaction.begin();
        updates.upsert(product(sku, sku + "-36", "20.00"));
        assertTrue(queries.product(STORE, sku).isPresent(), "visible inside its own transaction");
        transaction.rollback();

        assertTrue(queries.product(STORE, sku).isEmpty(), "gone after rollback");
    }

    @Test
    void exceptionInTheMiddleOfAnImportRollsBackTheWholeBatch() {
        String first = sku("IT-BATCH-A");
        String second = sku("IT-BATCH-B");
        String sharedVariant = sku("IT-SHARED");
        // the second product reuses the first one's variant SKU: the database's unique key fails at flush
        List<ProductUpsert> batch = List.of(product(first, sharedVariant, "30.00"),
                product(second, sharedVariant, "40.00"));

        assertThrows(EJBException.class, () -> updates.importProducts(batch));

        assertTrue(queries.product(STORE, first).isEmpty(), "the first product was written, then rolled back");
        assertTrue(queries.product(STORE, second).isEmpty());
    }

    @Test
    void invalidProductIsRejectedWithReasonsAndNothingWritten() {
        String sku = sku("IT-INVALID");
        ProductUpsert invalid = new ProductUpsert(STORE, sku, "", null, "shoes", new BigDecimal("-1"), "EUR", null,
                List.of(new VariantUpsert(sku + "-1", "38", null, -5)));

        CatalogDataException rejected = assertThrows(CatalogDataException.class, () -> updates.upsert(invalid));

        assertTrue(rejected.getMessage().contains("name"), rejected.getMessage());
        assertTrue(rejected.getMessage().contains("price"), rejected.getMessage());
        assertTrue(rejected.getMessage().contains("stock"), rejected.getMessage());
        assertTrue(queries.product(STORE, sku).isEmpty());
    }

    @Test
    void connectorIsStartedWithTheInboundBeanBound() throws Exception {
        AdapterStatus status = connector.status();
        assertTrue(status.started());
        assertTrue(status.activeEndpoints() >= 1, "InboundMessageReceiver is bound: " + status);
    }

    @Test
    void theConnectorIsReadyWithTheStoresAccountsHandedOver() throws Exception {
        AdapterStatus status = connector.status();
        assertTrue(status.ready(), status::toString);
        assertTrue(status.accountsLoaded());
        assertTrue(status.accounts() >= 2, "the demo WhatsApp number and Telegram bot: " + status);
    }

    @Test
    void closedConnectionRefusesWork() throws Exception {
        ChannelConnection connection = channels.getConnection();
        connection.close();
        assertThrows(jakarta.resource.ResourceException.class,
                () -> connection.send(OutboundMessage.text("demo-whatsapp", "393330000000", "hello")));
    }

    @Test
    void customersMessagesAreSortedByTheShippedModel() {
        Long store = persistence.newStore(sku("intents-base").toLowerCase(), "en");
        IntentPrediction p = intents.classify(store, "where is my parcel");
        assertEquals("track_order", p.intent(), p::toString);
        assertTrue(p.confident());
        String shipped = BaseIntentModels.load("en").orElseThrow().version();
        assertEquals(shipped, p.modelVersion());
        ModelInUse inUse = intents.modelInUse(store, "en");
        assertEquals(shipped, inUse.version());
        assertTrue(!inUse.storeTrained());
        assertFalse(p.similar().isEmpty(), "the training examples it reads like: " + p);

        // the sentence encoder runs in the server (ONNX Runtime and the tokenizer's native library)
        Long italian = persistence.newStore(sku("intents-it").toLowerCase(), "it");
        IntentPrediction q = intents.classify(italian, "ciao, il mio pacco non è ancora arrivato, dove si trova?");
        assertEquals("it", q.language(), q::toString);
        assertEquals("track_order", q.intent(), q::toString);
        assertEquals(BaseIntentModels.load("it").orElseThrow().version(), q.modelVersion());
    }

    @Test
    void aStoreTeachesItsOwnIntentAndRetrains() throws Exception {
        Long store = persistence.newStore(sku("intents-own").toLowerCase(), "en");
        for (String example : List.of("can you gift wrap it", "please wrap it as a present",
                "do you do gift wrapping", "I need it wrapped as a gift for my sister",
                "is gift packaging available", "add a gift box and a card please", "wrap the bag in gift paper",
                "it's a present, can it come gift-wrapped?")) {
            teaching.addExample(store, "en", example, "gift_wrapping", "it@parla.test");
        }
        // bad input is refused with a reason and writes nothing
        long before = persistence.intentExamples(store);
        assertThrows(IntentTeachingException.class,
                () -> teaching.addExample(store, "en", "Can you GIFT   wrap it", "gift_wrapping", "it@parla.test"));
        assertThrows(IntentTeachingException.class,
                () -> teaching.addExample(store, "en", "wrap it", "Gift Wrapping!", "it@parla.test"));
        assertThrows(IntentTeachingException.class,
                () -> teaching.addExample(store, "en", "STOP", "opt_out", "it@parla.test"));
        assertThrows(IntentTeachingException.class,
                () -> teaching.addExample(store, "en", "x".repeat(501), "gift_wrapping", "it@parla.test"));
        assertEquals(before, persistence.intentExamples(store));

        var training = teaching.retrain(store, "en", "it@parla.test");
        assertThrows(IntentTeachingException.class, () -> teaching.retrain(store, "en", "it@parla.test"),
                "one training per store at a time");
        String version = training.get(3, TimeUnit.MINUTES);

        ModelInUse inUse = intents.modelInUse(store, "en");
        assertEquals(version, inUse.version());
        assertTrue(inUse.storeTrained());
        assertEquals(8, inUse.storeExamples());
        IntentPrediction p = intents.classify(store, "could you gift wrap the red bag?");
        assertEquals("gift_wrapping", p.intent(), p::toString);
        assertEquals(version, p.modelVersion());
        assertTrue(p.similar().stream().anyMatch(e -> e.contains("gift")), "reads like the store's examples: " + p);
        assertEquals("track_order", intents.classify(store, "where is my parcel").intent(), "base intents stay");
        assertEquals(1, teaching.history(store).size());
    }

    private static ProductUpsert product(String sku, String variantSku, String price) {
        return new ProductUpsert(STORE, sku, "Test " + sku, "system test product", "shoes", new BigDecimal(price),
                "EUR", null, List.of(new VariantUpsert(variantSku, "38", "black", 3)));
    }

    private static String sku(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
