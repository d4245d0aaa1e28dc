package com.parla.intent.control;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Word and meaning model together, as a store trains them on its own examples, in any language. */
class IntentModelTrainerTest {

    private static final List<LabelledUtterance> GERMAN = List.of(
            new LabelledUtterance("wo ist mein Paket", "track_order"),
            new LabelledUtterance("wann kommt meine Bestellung an", "track_order"),
            new LabelledUtterance("der Kurier war noch nicht da, wo bleibt das Paket?", "track_order"),
            new LabelledUtterance("guten Tag zusammen", "greeting"),
            new LabelledUtterance("hallo, guten Abend", "greeting"),
            new LabelledUtterance("servus, ist jemand da?", "greeting"));

    private static SentenceEncoder encoder;

    @BeforeAll
    static void load() {
        encoder = SentenceEncoder.load();
    }

    @Test
    void sameExamplesGiveTheSameModelAndVersion() {
        IntentModel first = train(GERMAN);
        IntentModel second = train(GERMAN);
        assertEquals(first.version(), second.version());
        assertArrayEquals(first.toBytes(), second.toBytes());
        assertTrue(first.readsMeaning());
    }

    @Test
    void aStoredModelScoresAsTheTrainedOne() {
        IntentModel trained = train(GERMAN);
        IntentModel read = IntentModel.read(trained.toBytes(), "de", trained.version(), ExampleIndex.empty());
        String message = "hallo, wo ist mein Paket?";
        float[] embedding = encoder.encode(message);
        String[] features = IntentFeatures.of(message);
        assertEquals(trained.score(features, embedding), read.score(features, embedding));
        assertEquals("track_order", read.score(features, embedding).get(0).intent());
        assertFalse(read.similarExamples(embedding, "track_order", 2).isEmpty(), "the store's examples are kept");
    }

    @Test
    void aBareWordModelAsStoresKeptBeforeIsStillRead() {
        WordModel words = WordModelTrainer.train("de", GERMAN);
        IntentModel read = IntentModel.read(words.toBytes(), "de", words.version(), ExampleIndex.empty());
        assertFalse(read.readsMeaning());
        assertEquals("track_order", read.score(IntentFeatures.of("wo ist mein Paket"), null).get(0).intent());
    }

    @Test
    void embeddingsAreOfUnitLengthAndCloseForTheSameMeaning() {
        float[] parcel = encoder.encode("where is my parcel");
        float[] package_ = encoder.encode("my package hasn't arrived, where is it?");
        float[] dress = encoder.encode("do you have a red dress in size M");
        double norm = 0;
        for (float v : parcel) {
            norm += v * v;
        }
        assertEquals(1.0, norm, 1e-3);
        assertTrue(dot(parcel, package_) > dot(parcel, dress) + 0.2,
                dot(parcel, package_) + " vs " + dot(parcel, dress));
    }

    @Test
    void anUnreadableModelIsRefused() {
        byte[] garbage = {0x50, 0x49, 0x4d, 0x32, 0x7f, 0x7f, 0x7f, 0x7f};
        assertThrows(RuntimeException.class, () -> IntentModel.read(garbage, "en", "x", ExampleIndex.empty()));
        assertThrows(RuntimeException.class, () -> ExampleIndex.read("not an index".getBytes()));
    }

    private static IntentModel train(List<LabelledUtterance> examples) {
        return IntentModelTrainer.train("de", null, ExampleIndex.empty(),
                ExampleIndex.embed(examples, encoder, ExampleIndex.empty()));
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
