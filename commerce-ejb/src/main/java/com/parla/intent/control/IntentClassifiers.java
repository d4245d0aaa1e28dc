package com.parla.intent.control;

import java.util.HashMap;
import java.util.Map;

/** Builds the classifier the platform starts with: the shipped base model of each language. */
public final class IntentClassifiers {

    /** From this confidence an intent is acted on (config parla.intent.threshold); see the evaluation. */
    public static final double DEFAULT_THRESHOLD = 0.5;

    private IntentClassifiers() {
    }

    public static Map<String, IntentModel> baseModels() {
        Map<String, IntentModel> models = new HashMap<>();
        for (String language : BaseIntentModels.LANGUAGES) {
            BaseIntentModels.load(language).ifPresent(model -> models.put(language, model));
        }
        if (models.isEmpty()) {
            throw new IllegalStateException("no base intent model on the class path: build commerce-ejb first");
        }
        return models;
    }

    public static IntentClassifier base(LanguageIdentifier languages, SentenceEncoder encoder, double threshold) {
        return new IntentClassifier(languages, encoder, baseModels(), threshold);
    }
}
