package com.parla.intent.control;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The out-of-distribution test sets (src/test/resources/intents/ood, written by someone given only the intents'
 * names and meanings) are never trained on: no training utterance is one of them, or one of them with a word or
 * two changed. They cover every intent of the shipped model.
 */
class OutOfDistributionTestSetTest {

    /** Share of shared words from which two utterances are the same with a word changed. */
    private static final double NEAR_COPY = 0.8;

    @ParameterizedTest
    @ValueSource(strings = {"en", "it"})
    void noTrainingUtteranceIsATestItem(String language) throws IOException {
        List<LabelledUtterance> test = testSet(language);
        List<Set<String>> training = new ArrayList<>();
        Set<String> trainingTexts = new HashSet<>();
        for (String corpus : BaseIntentModels.LANGUAGES) {
            for (LabelledUtterance u : IntentCorpus.base(corpus)) {
                trainingTexts.add(normalized(u.text()));
                training.add(words(u.text()));
            }
        }
        List<String> copies = new ArrayList<>();
        for (LabelledUtterance item : test) {
            Set<String> words = words(item.text());
            if (trainingTexts.contains(normalized(item.text()))) {
                copies.add("copy: " + item.text());
            } else if (words.size() >= 4 && training.stream().anyMatch(t -> jaccard(t, words) >= NEAR_COPY)) {
                copies.add("near copy: " + item.text());
            }
        }
        assertEquals(List.of(), copies);
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "it"})
    void everyIntentHasAtLeastTwentyItems(String language) throws IOException {
        Map<String, Long> perIntent = testSet(language).stream()
                .collect(Collectors.groupingBy(LabelledUtterance::intent, Collectors.counting()));
        assertEquals(new HashSet<>(BaseIntentModels.load(language).orElseThrow().intents()), perIntent.keySet());
        assertTrue(perIntent.values().stream().allMatch(n -> n >= 20), perIntent::toString);
    }

    static List<LabelledUtterance> testSet(String language) throws IOException {
        try (InputStreamReader in = new InputStreamReader(OutOfDistributionTestSetTest.class.getResourceAsStream(
                "/intents/ood/" + language + ".csv"), StandardCharsets.UTF_8)) {
            return IntentCorpus.read(in);
        }
    }

    private static String normalized(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}]+", "");
    }

    private static Set<String> words(String text) {
        String plain = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return Arrays.stream(plain.split("[^\\p{L}\\p{N}']+")).filter(w -> !w.isEmpty())
                .collect(Collectors.toSet());
    }

    private static double jaccard(Set<String> a, Set<String> b) {
        long shared = a.stream().filter(b::contains).count();
        return (double) shared / (a.size() + b.size() - shared);
    }
}
