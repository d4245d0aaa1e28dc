package com.parla.catalog.boundary;

import com.parla.catalog.entity.Product;
import com.parla.platform.MigratedDatabase;
import com.parla.platform.control.DemoData;
import java.util.List;
import java.util.function.Function;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Catalog search on the demo catalogs, as a shopper words things: synonyms, plurals, typos, questions around the
 * words, Italian; and only the asking store's active products. Hibernate Search with Lucene in memory, on the
 * migrated schema.
 */
class CatalogSearchTest {

    private static SessionFactory db;
    private static long english;
    private static long italian;

    @BeforeAll
    static void load() {
        db = MigratedDatabase.fresh();
        english = MigratedDatabase.newStore(db, "search-en");
        italian = MigratedDatabase.newStore(db, "search-it");
        importCatalog(english, DemoData.STORE);
        importCatalog(italian, DemoData.ITALIAN_STORE);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    private static void importCatalog(long storeId, String file) {
        db.inTransaction(s -> DemoData.products(file).forEach(u -> {
            Product p = new Product(storeId, u.sku());
            p.describe(u.name(), u.description(), u.category(), u.price(), u.currency(), u.imagePath());
            u.variants().forEach(v -> p.putVariant(v.sku(), v.size(), v.color(), v.stock()));
            s.persist(p);
        }));
    }

    private static List<ProductSummary> search(long store, String language, String text) {
        return db.fromTransaction(s -> {
            CatalogSearch search = new CatalogSearch();
            search.em = s;
            return search.search(store, language, text, 10);
        });
    }

    private static List<String> names(List<ProductSummary> found) {
        return found.stream().map(ProductSummary::name).toList();
    }

    private static void assertFirstIs(Function<String, Boolean> expected, List<ProductSummary> found, String why) {
        assertFalse(found.isEmpty(), why + ": nothing found");
        assertTrue(expected.apply(found.get(0).name().toLowerCase()), why + ": first was " + names(found));
    }

    @Test
    void aQuestionFindsTheProductItNames() {
        List<ProductSummary> found = search(english, "en", "do you have the ballet flats");
        assertFirstIs(n -> n.contains("ballet flat"), found, "ballet flats");
        assertTrue(found.stream().limit(2).allMatch(p -> p.name().toLowerCase().contains("ballet")),
                "both ballet flats lead: " + names(found));
    }

    @Test
    void pumpsAndStilettosAreHeels() {
        for (String words : List.of("pumps", "heels", "stilettos", "high heels")) {
            List<ProductSummary> found = search(english, "en", words);
            assertTrue(found.size() >= 3, words + ": " + names(found));
            assertTrue(found.stream().limit(3).allMatch(p -> p.description().toLowerCase().contains("heel")),
                    words + " finds heels first: " + names(found));
        }
    }

    @Test
    void aPurseIsAHandbagIsABag() {
        List<ProductSummary> found = search(english, "en", "purse");
        assertTrue(found.size() >= 3, "purse: " + names(found));
        assertTrue(found.stream().limit(3).allMatch(p -> p.category().equals("bags")), "purse: " + names(found));
    }

    @Test
    void trainersAreSneakersAndATypoIsForgiven() {
        assertFirstIs(n -> n.contains("sneaker"), search(english, "en", "trainers"), "trainers");
        assertFirstIs(n -> n.contains("sneaker"), search(english, "en", "snekers"), "snekers (a typo)");
        List<ProductSummary> stileto = search(english, "en", "stileto");
        assertTrue(stileto.size() >= 3 && stileto.stream().limit(3).allMatch(p -> p.description().toLowerCase()
                .contains("heel")), "stileto (a typo) finds heels: " + names(stileto));
    }

    @Test
    void italianIsReadAsItalian() {
        assertFirstIs(n -> n.contains("décolleté") || n.contains("tacco") || n.contains("stiletto"),
                search(italian, "it", "avete dei tacchi?"), "tacchi");
        assertFirstIs(n -> n.contains("ballerin"), search(italian, "it", "cerco delle ballerine"), "ballerine");
        List<ProductSummary> bags = search(italian, "it", "una borsetta");
        assertFalse(bags.isEmpty(), "borsetta");
        assertTrue(bags.stream().limit(3).allMatch(p -> p.category().equals("borse")), "borsetta: " + names(bags));
        assertFirstIs(n -> n.contains("décolleté"), search(italian, "it", "decollete"), "without the accents");
    }

    @Test
    void onlyTheAskingStoresActiveProducts() {
        assertTrue(search(italian, "it", "Milano leather sneaker").stream()
                .noneMatch(p -> p.sku().equals("SHOE-SNK-01") && p.name().equals("Milano leather sneaker")),
                "the Italian store never finds the English store's product");
        assertTrue(search(english, "en", "ballerina in nappa").stream().noneMatch(p -> p.name().equals(
                "Ballerina in nappa")), "nor the other way round");
        db.inTransaction(s -> s.createQuery("from Product p where p.storeId = :s and p.sku = 'SHOE-SNK-01'",
                Product.class).setParameter("s", english).getSingleResult().deactivate());
        assertTrue(search(english, "en", "Milano leather sneaker").stream()
                .noneMatch(p -> p.sku().equals("SHOE-SNK-01")), "a product taken off sale is not found");
    }

    @Test
    void chatterAloneFindsNothing() {
        assertEquals(List.of(), search(english, "en", "do you have any?"));
        assertEquals(List.of(), search(english, "en", "message 1234"));
        assertEquals(List.of(), search(english, "en", "<script>alert(1)</script>"));
        assertEquals(List.of(), search(english, "en", "😀😀😀"));
    }
}
