package com.parla.intent.entity;

import com.parla.platform.MigratedDatabase;
import java.util.Random;
import org.hibernate.SessionFactory;
import org.hibernate.exception.ConstraintViolationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Stores' intent examples and trained models on the migrated schema (H2, and PostgreSQL in CI). */
class IntentPersistenceTest {

    private static SessionFactory db;
    private static long storeId;

    @BeforeAll
    static void migrate() {
        db = MigratedDatabase.fresh();
        storeId = MigratedDatabase.newStore(db, "intent-store");
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void oneExamplePerWording() {
        db.inTransaction(s -> s.persist(new IntentExample(storeId, "en", "Can you gift wrap it?", "gift_wrapping",
                "anna@test")));
        assertThrows(ConstraintViolationException.class, () -> db.inTransaction(s -> s.persist(
                new IntentExample(storeId, "en", "  can you GIFT   wrap it?", "complaint", "anna@test"))));
        // the same wording in another language is another example
        db.inTransaction(s -> s.persist(new IntentExample(storeId, "it", "Can you gift wrap it?", "gift_wrapping",
                "anna@test")));
        int english = db.fromTransaction(s -> s.createNamedQuery(IntentExample.OF_STORE, IntentExample.class)
                .setParameter("store", storeId).setParameter("language", "en").getResultList().size());
        assertEquals(1, english);
    }

    @Test
    void aModelKeepsItsWeightsByteForByte() {
        byte[] weights = new byte[3_000_000];
        new Random(1).nextBytes(weights);
        long id = db.fromTransaction(s -> {
            StoreIntentModel model = new StoreIntentModel(storeId, "en", "en-0123456789ab", 8, 9900, 36, 12_000,
                    "anna@test", weights);
            s.persist(model);
            return model.getId();
        });
        StoreIntentModel loaded = db.fromTransaction(s -> s.find(StoreIntentModel.class, id));
        assertArrayEquals(weights, loaded.getWeights());
        assertEquals("en-0123456789ab", loaded.getVersion());

        db.inTransaction(s -> s.find(StoreIntentModel.class, id).retire());
        assertFalse(db.fromTransaction(s -> s.find(StoreIntentModel.class, id)).isActive());
    }
}
