package com.parla.intent.control;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import opennlp.tools.doccat.FeatureGenerator;

/**
 * Character n-grams of each word, the word padded with '_' so that beginnings and endings count: "parcel" gives
 * "_pa", "par", ..., "el_". Words in Chinese, Japanese or Korean script also give their single characters and
 * character pairs, since those scripts carry a word in one or two characters.
 */
public final class CharacterNGramFeatureGenerator implements FeatureGenerator {

    static final String PREFIX = "ch";

    private final int min;
    private final int max;

    public CharacterNGramFeatureGenerator(int min, int max) {
        if (min < 1 || max < min) {
            throw new IllegalArgumentException("n-gram lengths " + min + ".." + max);
        }
        this.min = min;
        this.max = max;
    }

    @Override
    public Collection<String> extractFeatures(String[] tokens, Map<String, Object> extraInformation) {
        List<String> features = new ArrayList<>();
        for (String token : tokens) {
            if (!Character.isLetterOrDigit(token.codePointAt(0))) {
                continue; // punctuation carries no letters
            }
            String padded = "_" + token + "_";
            int from = isIdeographic(token) ? 1 : min;
            for (int n = from; n <= max; n++) {
                for (int i = 0; i + n <= padded.length(); i++) {
                    features.add(PREFIX + "=" + padded.substring(i, i + n));
                }
            }
        }
        return features;
    }

    private static boolean isIdeographic(String token) {
        return token.codePoints().anyMatch(cp -> Character.isIdeographic(cp)
                || Character.UnicodeScript.of(cp) == Character.UnicodeScript.HANGUL);
    }
}
