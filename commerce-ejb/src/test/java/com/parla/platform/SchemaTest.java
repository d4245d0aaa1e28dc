package com.parla.platform;

import com.parla.catalog.entity.Product;
import com.parla.connector.api.Channel;
import com.parla.connector.api.InboundMessage;
import com.parla.conversation.entity.ReceivedMessage;
import com.parla.integration.entity.ProcessedEvent;
import org.hibernate.SessionFactory;
import org.hibernate.exception.ConstraintViolationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import java.math.BigDecimal;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The migrated schema against the entity mappings, and the keys that keep data from being duplicated. */
class SchemaTest {

    private static SessionFactory db;
    private static long storeId;

    @BeforeAll
    static void migrate() {
        db = MigratedDatabase.fresh(); // fails here if a mapping and the migrated schema disagree
        storeId = MigratedDatabase.newStore(db, "test-store");
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void everyEntityIsInThePersistenceUnit() {
        java.util.Set<String> listed = db.getMetamodel().getEntities().stream()
                .map(e -> e.getJavaType().getName()).collect(java.util.stream.Collectors.toSet());
        java.util.List<String> missing = new com.tngtech.archunit.core.importer.ClassFileImporter()
                .withImportOption(com.tngtech.archunit.core.importer.ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.parla").stream()
                .filter(c -> c.isAnnotatedWith(jakarta.persistence.Entity.class)).map(c -> c.getName())
                .filter(name -> !listed.contains(name)).sorted().toList();
        assertEquals(java.util.List.of(), missing, "entities persistence.xml does not list (the server would not"
                + " know them)");
    }

    @Test
    void productWithVariantsRoundTrips() {
        db.inTransaction(s -> {
            Product product = new Product(storeId, "RT-1");
            product.describe("Round trip", "desc", "shoes", new BigDecimal("12.34"), "EUR", "/img.svg");
            product.putVariant("RT-1-38", "38", "red", 2);
            product.putVariant("RT-1-39", "39", "red", 0);
            s.persist(product);
        });
        Product loaded = db.fromTransaction(s -> {
            Product p = s.createNamedQuery(Product.BY_SKU, Product.class)
                    .setParameter("storeId", storeId).setParameter("sku", "RT-1").getSingleResult();
            p.getVariants().size();
            return p;
        });
        assertEquals(new BigDecimal("12.34"), loaded.getPrice());
        assertEquals(2, loaded.getVariants().size());
        assertEquals(2, loaded.totalStock());
    }

    @Test
    void variantSkuIsUniqueInTheStore() {
        persistProduct("UQ-1", "UQ-SHARED");
        assertThrows(ConstraintViolationException.class, () -> persistProduct("UQ-2", "UQ-SHARED"));
    }

    @Test
    void databaseRefusesNegativeStockEvenBehindTheEntity() {
        persistProduct("NEG-1", "NEG-1-ONE");
        assertThrows(ConstraintViolationException.class, () -> db.inTransaction(s ->
                s.createNativeMutationQuery("update product_variant set stock = -1 where sku = 'NEG-1-ONE'")
                        .executeUpdate()));
        assertThrows(IllegalArgumentException.class, () -> db.inTransaction(s ->
                s.createQuery("from Product where sku = 'NEG-1'", Product.class).getSingleResult()
                        .putVariant("NEG-1-ONE", "ONE", null, -1)));
    }

    private static void persistProduct(String sku, String variantSku) {
        db.inTransaction(s -> {
            Product p = new Product(storeId, sku);
            p.describe("Bag " + sku, "", "bags", BigDecimal.ONE, "EUR", null);
            p.putVariant(variantSku, "ONE", null, 1);
            s.persist(p);
        });
    }

    @Test
    void sameChannelMessageIsStoredOnce() {
        InboundMessage message = textMessage(Channel.WHATSAPP, "acct", "wamid.1", "+390000", "ciao");
        db.inTransaction(s -> s.persist(new ReceivedMessage(message)));
        assertThrows(ConstraintViolationException.class,
                () -> db.inTransaction(s -> s.persist(new ReceivedMessage(message))));
        // the same id on another account is another message
        db.inTransaction(s -> s.persist(new ReceivedMessage(textMessage(Channel.WHATSAPP, "other", "wamid.1",
                "+390000", "ciao"))));
        long stored = db.fromTransaction(s -> s.createQuery(
                "select count(m) from ReceivedMessage m where m.channelMessageId = 'wamid.1'", Long.class)
                .getSingleResult());
        assertEquals(2, stored);
    }

    @Test
    void hostileTextIsStoredVerbatimAndOversizedTextIsCut() {
        String hostile = "'; drop table product; -- <script>alert(1)</script> \u0000\u202e 你好";
        String huge = "x".repeat(10_000);
        db.inTransaction(s -> {
            s.persist(new ReceivedMessage(textMessage(Channel.TELEGRAM, "bot", "h1", "1", hostile)));
            s.persist(new ReceivedMessage(textMessage(Channel.TELEGRAM, "bot", "h2", "1", huge)));
        });
        db.inTransaction(s -> {
            var byId = s.createQuery("from ReceivedMessage where accountKey = 'bot' order by channelMessageId",
                    ReceivedMessage.class).getResultList();
            // NUL cannot be stored in PostgreSQL text: it is dropped on every database alike
            assertEquals(hostile.replace("\u0000", ""), byId.get(0).getBody());
            assertEquals(4096, byId.get(1).getBody().length());
        });
        assertTrue(db.fromTransaction(s -> s.createQuery("select count(p) from Product p", Long.class)
                .getSingleResult()) >= 0, "the product table is still there");
    }

    @Test
    void integrationEventIdIsAppliedOnce() {
        db.inTransaction(s -> s.persist(new ProcessedEvent("evt-1", "t", "src", 1)));
        assertThrows(ConstraintViolationException.class,
                () -> db.inTransaction(s -> s.persist(new ProcessedEvent("evt-1", "t", "src", 2))));
    }

    private static InboundMessage textMessage(Channel channel, String account, String id, String sender, String text) {
        return InboundMessage.builder(channel, account, id, InboundMessage.Kind.TEXT).sender(sender).text(text).build();
    }
}
