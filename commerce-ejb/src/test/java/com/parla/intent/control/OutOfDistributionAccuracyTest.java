package com.parla.intent.control;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Guards the targets on wordings the training never saw (./parla intents evaluate prints the full figures; this
 * fails the build if they fall): the shipped classifier, whole path, on the out-of-distribution test sets.
 */
class OutOfDistributionAccuracyTest {

    private static IntentClassifier classifier;

    @BeforeAll
    static void load() {
        classifier = IntentClassifiers.base(LanguageIdentifier.load(), SentenceEncoder.load(),
                IntentClassifiers.DEFAULT_THRESHOLD);
    }

    @Test
    void englishIsAtLeast95PercentAndItsCommerceIntentsToo() throws IOException {
        List<LabelledUtterance> test = OutOfDistributionTestSetTest.testSet("en");
        IntentEvaluation.Scorecard all = IntentEvaluation.score(classifier, List.of("en"), test);
        IntentEvaluation.Scorecard commerce = IntentEvaluation.score(classifier, List.of("en"),
                test.stream().filter(u -> Intents.COMMERCE.contains(u.intent())).toList());
        assertTrue(all.accuracy() >= 0.95, "English out-of-distribution accuracy " + all.accuracy());
        assertTrue(all.macroF1() >= 0.95, "English out-of-distribution macro-F1 " + all.macroF1());
        assertTrue(commerce.accuracy() >= 0.95, "commerce intents " + commerce.accuracy());
        assertTrue(all.confidentAccuracy() >= 0.97, "what is acted on " + all.confidentAccuracy());
    }

    @Test
    void italianIsAtLeast90Percent() throws IOException {
        IntentEvaluation.Scorecard all = IntentEvaluation.score(classifier, List.of("it"),
                OutOfDistributionTestSetTest.testSet("it"));
        assertTrue(all.accuracy() >= 0.90, "Italian out-of-distribution accuracy " + all.accuracy());
        assertTrue(all.confidentAccuracy() >= 0.97, "what is acted on " + all.confidentAccuracy());
    }
}
