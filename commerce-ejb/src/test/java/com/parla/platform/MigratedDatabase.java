package com.parla.platform;

import org.flywaydb.core.Flyway;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.Configuration;
import org.w3c.dom.NodeList;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.InputStream;

/**
 * A database migrated by the product's Flyway scripts, with Hibernate on top validating that the entity mappings
 * match the migrated schema. H2 in memory by default; {@code -Dparla.test.db.url=jdbc:postgresql://...} (as CI
 * does) runs the same tests on PostgreSQL.
 */
public final class MigratedDatabase {

    public static final String URL = System.getProperty("parla.test.db.url", "jdbc:h2:mem:parla-test;DB_CLOSE_DELAY=-1");
    private static final String USER = System.getProperty("parla.test.db.user", "sa");
    private static final String PASSWORD = System.getProperty("parla.test.db.password", "");

    private MigratedDatabase() {
    }

    /** Empties the database, applies every migration, and builds a session factory that validated the schema. */
    public static SessionFactory fresh() {
        Flyway flyway = Flyway.configure().dataSource(URL, USER, PASSWORD).cleanDisabled(false).load();
        flyway.clean();
        flyway.migrate();
        Configuration configuration = new Configuration()
                .setProperty("hibernate.connection.url", URL)
                .setProperty("hibernate.connection.username", USER)
                .setProperty("hibernate.connection.password", PASSWORD)
                .setProperty("hibernate.hbm2ddl.auto", "validate")
                // catalog search as persistence.xml configures it, with the index in memory
                .setProperty("hibernate.search.backend.directory.type", "local-heap")
                .setProperty("hibernate.search.backend.analysis.configurer",
                        "class:com.parla.catalog.control.CatalogAnalysis")
                .setProperty("hibernate.search.backend.lucene_version", "9.11.1")
                .setProperty("hibernate.search.indexing.plan.synchronization.strategy", "sync");
        entityClasses().forEach(configuration::addAnnotatedClass);
        return configuration.buildSessionFactory();
    }

    /** A merchant with one English store, euro prices; returns the store's id. */
    public static long newStore(SessionFactory db, String slug) {
        return db.fromTransaction(s -> {
            com.parla.store.entity.Merchant merchant = new com.parla.store.entity.Merchant("Merchant of " + slug);
            s.persist(merchant);
            com.parla.store.entity.Store store = new com.parla.store.entity.Store(merchant, slug, "Store " + slug,
                    "EUR", "en");
            s.persist(store);
            return store.getId();
        });
    }

    /** The entities as the product's persistence.xml lists them: one list, no copy to keep in step. */
    private static java.util.List<Class<?>> entityClasses() {
        try (InputStream xml = MigratedDatabase.class.getResourceAsStream("/META-INF/persistence.xml")) {
            NodeList classes = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml)
                    .getElementsByTagName("class");
            java.util.List<Class<?>> result = new java.util.ArrayList<>();
            for (int i = 0; i < classes.getLength(); i++) {
                result.add(Class.forName(classes.item(i).getTextContent().trim()));
            }
            return result;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read the entity list of persistence.xml", e);
        }
    }
}
