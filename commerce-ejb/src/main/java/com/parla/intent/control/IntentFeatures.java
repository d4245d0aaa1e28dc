package com.parla.intent.control;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import opennlp.tools.doccat.BagOfWordsFeatureGenerator;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.doccat.NGramFeatureGenerator;
import opennlp.tools.tokenize.SimpleTokenizer;
import opennlp.tools.util.InvalidFormatException;

/**
 * What the intent model weighs in a message: its words, its word pairs, and the character n-grams inside its
 * words. Word pairs tell "track my order" from "track my refund"; character n-grams carry misspellings, chat
 * abbreviations and scripts written without spaces, such as Chinese.
 * <p>
 * Training and classification both go through {@link #of(String)}, so a model and the code reading it always agree.
 * Changing the features changes {@link #SCHEME}, which is part of every model's version.
 */
public final class IntentFeatures {

    /** Names this feature set; a model trained on another scheme is not read with this one. */
    public static final String SCHEME = "w1+w2+c3-4/1";

    private static final List<FeatureGenerator> GENERATORS = List.of(
            new BagOfWordsFeatureGenerator(),
            wordPairs(),
            new CharacterNGramFeatureGenerator(3, 4));

    private IntentFeatures() {
    }

    /** Lower-cased, NFKC-normalized tokens (full-width letters and digits become plain ones). */
    public static String[] tokens(String text) {
        String normalized = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return SimpleTokenizer.INSTANCE.tokenize(normalized);
    }

    public static String[] of(String text) {
        String[] tokens = tokens(text);
        List<String> features = new ArrayList<>(tokens.length * 12);
        for (FeatureGenerator generator : GENERATORS) {
            features.addAll(generator.extractFeatures(tokens, Map.of()));
        }
        return features.toArray(String[]::new);
    }

    /**
     * The same features grouped by the part of the message they come from, for explaining a prediction: each
     * word (its own feature and its letter n-grams) and each pair of neighbouring words.
     */
    public static Map<String, List<String>> byPart(String text) {
        String[] tokens = tokens(text);
        Map<String, List<String>> parts = new LinkedHashMap<>();
        FeatureGenerator words = GENERATORS.get(0);
        FeatureGenerator pairs = GENERATORS.get(1);
        FeatureGenerator letters = GENERATORS.get(2);
        for (int i = 0; i < tokens.length; i++) {
            String[] word = {tokens[i]};
            List<String> features = parts.computeIfAbsent(tokens[i], w -> new ArrayList<>());
            features.addAll(words.extractFeatures(word, Map.of()));
            features.addAll(letters.extractFeatures(word, Map.of()));
            if (i + 1 < tokens.length) {
                parts.computeIfAbsent(tokens[i] + " " + tokens[i + 1], p -> new ArrayList<>())
                        .addAll(pairs.extractFeatures(new String[] {tokens[i], tokens[i + 1]}, Map.of()));
            }
        }
        return parts;
    }

    private static FeatureGenerator wordPairs() {
        try {
            return new NGramFeatureGenerator(2, 2);
        } catch (InvalidFormatException e) {
            throw new IllegalStateException(e);
        }
    }
}
