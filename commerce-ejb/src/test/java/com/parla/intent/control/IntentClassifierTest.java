package com.parla.intent.control;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shipped base models behind the classifier the platform and the command run. */
class IntentClassifierTest {

    private static final List<String> ENGLISH_STORE = List.of("en");
    private static final List<String> ITALIAN_STORE = List.of("it");
    private static IntentClassifier classifier;

    @BeforeAll
    static void load() {
        classifier = IntentClassifiers.base(LanguageIdentifier.load(), SentenceEncoder.load(),
                IntentClassifiers.DEFAULT_THRESHOLD);
    }

    /** Messages written for this test, none of them in the training data (checked below). */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "where is my parcel | track_order",
            "can u send it to my office instead | change_shipping_address",
            "i want to talk to someone | contact_human_agent",
            "do you have these in a 38? | product_availability",
            "hey there! | greeting",
            "could the courier come on monday afternoon rather than today | reschedule_delivery",
            "I'd like to get my money back for the sandals | get_refund",
            "what would look good with a green silk dress | ask_advice",
            "I want to cancel the order I placed yesterday | cancel_order",
            "show me some ankle boots | product_search",
    })
    void sortsCustomersMessages(String text, String intent) {
        IntentPrediction p = classifier.classify(text, ENGLISH_STORE);
        assertEquals(intent, p.intent(), () -> text + " → " + p);
        assertTrue(p.confident(), () -> "not confident: " + p);
        assertEquals(IntentPrediction.DecidedBy.MODEL, p.decidedBy());
        assertEquals(classifier.models().get("en").version(), p.modelVersion());
        assertFalse(p.evidence().isEmpty(), "a prediction says why");
        assertEquals(3, p.similar().size(), "and which training examples it reads like");
    }

    /** Italian messages written for this test, none of them in the training data (checked below). */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ciao, dov'è finito il mio pacco? | track_order",
            "vorrei parlare con una persona vera | contact_human_agent",
            "ce l'avete il mocassino blu nel 38? | product_availability",
            "posso pagare con satispay? | check_payment_methods",
            "voglio annullare l'ordine di ieri | cancel_order",
            "il corriere può passare venerdì invece di giovedì? | reschedule_delivery",
    })
    void sortsItalianMessagesInAnItalianStore(String text, String intent) {
        IntentPrediction p = classifier.classify(text, ITALIAN_STORE);
        assertEquals("it", p.language());
        assertEquals(intent, p.intent(), () -> text + " → " + p);
        assertEquals(classifier.models().get("it").version(), p.modelVersion());
    }

    @Test
    void theTestMessagesAreNotInTheTrainingData() {
        Set<String> trained = IntentCorpus.base("en").stream().map(u -> u.text().toLowerCase(Locale.ROOT).strip())
                .collect(Collectors.toSet());
        for (String message : List.of("where is my parcel", "can u send it to my office instead",
                "i want to talk to someone", "do you have these in a 38?", "hey there!")) {
            assertFalse(trained.contains(message), message + " is a training utterance");
        }
        Set<String> italian = IntentCorpus.base("it").stream().map(u -> u.text().toLowerCase(Locale.ROOT).strip())
                .collect(Collectors.toSet());
        for (String message : List.of("ciao, dov'è finito il mio pacco?", "vorrei parlare con una persona vera",
                "ce l'avete il mocassino blu nel 38?", "posso pagare con satispay?", "voglio annullare l'ordine di ieri")) {
            assertFalse(italian.contains(message), message + " is a training utterance");
        }
    }

    @Test
    void evidenceNamesTheTellingWords() {
        IntentPrediction p = classifier.classify("where is my parcel", ENGLISH_STORE);
        assertTrue(p.evidence().stream().anyMatch(e -> e.contains("parcel") || e.contains("where")), p::toString);
        assertEquals(3, p.alternatives().size());
        assertTrue(p.alternatives().get(0).probability() <= p.confidence());
    }

    @Test
    void commandsComeBeforeTheModel() {
        IntentPrediction stop = classifier.classify("STOP", ENGLISH_STORE);
        assertEquals(Intents.OPT_OUT, stop.intent());
        assertEquals(IntentPrediction.DecidedBy.COMMAND, stop.decidedBy());
        IntentPrediction buy = classifier.classify("BUY A12", ENGLISH_STORE);
        assertEquals("A12", buy.argument());
    }

    @Test
    void nothingToClassifyIsNone() {
        for (String empty : new String[] {"", "   ", "???", "👍", null}) {
            IntentPrediction p = classifier.classify(empty, ENGLISH_STORE);
            assertEquals(Intents.NONE, p.intent());
            assertEquals(IntentPrediction.DecidedBy.EMPTY, p.decidedBy());
            assertFalse(p.confident());
        }
    }

    @Test
    void aLanguageWithoutModelGoesToAPerson() {
        IntentPrediction p = classifier.classify("guten Tag, ich möchte wissen, wann mein Paket ankommt",
                List.of("en"));
        assertEquals("de", p.language());
        assertEquals(Intents.NONE, p.intent());
        assertEquals(IntentPrediction.DecidedBy.NO_MODEL_FOR_LANGUAGE, p.decidedBy());
        assertNull(p.modelVersion());
    }

    @Test
    void gibberishIsNotActedOn() {
        IntentPrediction p = classifier.classify("qwzx vbnmpl kjhg", ENGLISH_STORE);
        assertFalse(p.confident(), p::toString);
    }

    @Test
    void aHugeMessageIsClassifiedOnItsBeginning() {
        String huge = "where is my parcel " + "blah ".repeat(200_000);
        IntentPrediction p = classifier.classify(huge, ENGLISH_STORE);
        assertEquals(p.intent(), classifier.classify(huge.substring(0, IntentClassifier.MAX_CHARS), ENGLISH_STORE)
                .intent());
    }

    @Test
    void theShippedModelsAreTheOnesTheCorpusGives() {
        for (String language : BaseIntentModels.LANGUAGES) {
            assertEquals(IntentModelTrainer.version(language, IntentCorpus.base(language)),
                    classifier.models().get(language).version(), "retrain and commit the model of " + language);
            assertTrue(classifier.models().get(language).readsMeaning());
        }
    }

    @Test
    void aStoreModelInAnotherLanguageIsUsedForThatLanguage() {
        IntentModel german = IntentModelTrainer.train("de", null, ExampleIndex.empty(), ExampleIndex.embed(List.of(
                new LabelledUtterance("wo ist mein Paket", "track_order"),
                new LabelledUtterance("wann kommt meine Bestellung an", "track_order"),
                new LabelledUtterance("der Kurier war noch nicht da, wo bleibt das Paket?", "track_order"),
                new LabelledUtterance("guten Tag zusammen", "greeting"),
                new LabelledUtterance("hallo, guten Abend", "greeting"),
                new LabelledUtterance("servus, ist jemand da?", "greeting")), classifier.encoder(),
                ExampleIndex.empty()));
        IntentClassifier bilingual = new IntentClassifier(LanguageIdentifier.load(), classifier.encoder(),
                Map.of("en", classifier.models().get("en"), "de", german), 0.5);
        IntentPrediction p = bilingual.classify("guten Tag, ich möchte wissen, wo mein Paket ist", List.of("de", "en"));
        assertEquals("de", p.language());
        assertEquals("track_order", p.intent());
        assertEquals(german.version(), p.modelVersion());
    }
}
