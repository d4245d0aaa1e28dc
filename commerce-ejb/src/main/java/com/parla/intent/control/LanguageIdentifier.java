package com.parla.intent.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;

/**
 * Tells the language of one message, among the languages a store serves, with OpenNLP's language detector
 * (model langdetect-183: 103 languages, character n-grams). Chat messages are short, so: a message in Han
 * script is Chinese; a message too short to tell is in the store's default language; otherwise the detector's
 * best store language wins unless another language is far likelier.
 * <p>
 * Load it once (the model is about 10 MB); it is then safe to share between threads.
 */
public final class LanguageIdentifier {

    /** Below this many letters the detector guesses; the store's default language is the better bet. */
    static final int MIN_LETTERS = 16;
    /** A store language is taken unless the likeliest language is this many times as likely (the detector spreads
     * its probability over 103 languages: 1.5 keeps all 8,175 Bitext utterances English and still tells German). */
    static final double OTHER_LANGUAGE_DOMINANCE = 1.5;

    private static final String MODEL = "/langdetect-183.bin";
    private static final Map<String, String> TWO_LETTER_CODES = twoLetterCodes();

    private final LanguageDetectorModel model;

    private LanguageIdentifier(LanguageDetectorModel model) {
        this.model = model;
    }

    public static LanguageIdentifier load() {
        try (InputStream in = LanguageIdentifier.class.getResourceAsStream(MODEL)) {
            if (in == null) {
                throw new IllegalStateException("language model " + MODEL + " is not on the class path "
                        + "(org.apache.opennlp:opennlp-models-langdetect)");
            }
            return new LanguageIdentifier(new LanguageDetectorModel(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param storeLanguages ISO 639-1 codes the store serves, its default first
     * @return an ISO 639-1 code (or the detector's own code where there is none), never null
     */
    public String identify(String text, List<String> storeLanguages) {
        String fallback = storeLanguages.get(0);
        long letters = text.codePoints().filter(Character::isLetter).count();
        if (letters > 0 && hanShare(text) * 2 > letters) {
            return "zh";
        }
        if (letters < MIN_LETTERS) {
            return fallback;
        }
        Language[] ranked = new LanguageDetectorME(model).predictLanguages(text);
        Language top = ranked[0];
        for (Language candidate : ranked) {
            String code = twoLetter(candidate.getLang());
            if (storeLanguages.contains(code)) {
                return candidate.getConfidence() * OTHER_LANGUAGE_DOMINANCE >= top.getConfidence()
                        ? code : twoLetter(top.getLang());
            }
        }
        return twoLetter(top.getLang());
    }

    private static long hanShare(String text) {
        return text.codePoints().filter(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN).count();
    }

    /** The detector speaks ISO 639-3 ("ita"; "cmn" for Mandarin); stores speak ISO 639-1 ("it", "zh"). */
    static String twoLetter(String code) {
        return TWO_LETTER_CODES.getOrDefault(code, code);
    }

    private static Map<String, String> twoLetterCodes() {
        Map<String, String> codes = new HashMap<>();
        for (String two : Locale.getISOLanguages()) {
            try {
                codes.put(new Locale(two).getISO3Language(), two);
            } catch (MissingResourceException e) {
                // a code without a three-letter form cannot come from the detector
            }
        }
        codes.put("cmn", "zh");
        codes.put("yue", "zh");
        return Map.copyOf(codes);
    }
}
