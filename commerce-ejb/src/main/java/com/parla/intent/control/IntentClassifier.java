package com.parla.intent.control;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sorts a customer's message: hard commands by rule, then the intent model of the message's language, with a
 * confidence threshold below which the engine asks or hands off. The platform and the command line both
 * classify through here. Safe to share between threads.
 */
public final class IntentClassifier {

    /** Longer messages are classified on their beginning: the intent is stated early, and cost stays bounded. */
    public static final int MAX_CHARS = 1000;
    private static final int ALTERNATIVES = 3;
    private static final int EVIDENCE = 5;
    private static final int SIMILAR = 3;

    private final LanguageIdentifier languages;
    private final SentenceEncoder encoder;
    private final Map<String, IntentModel> models;
    private final double threshold;

    /**
     * @param encoder   the sentence encoder of the models' meaning halves; null to score by words alone
     * @param models    the intent model of each language that has one
     * @param threshold the confidence (0..1) from which a model's intent is acted on
     */
    public IntentClassifier(LanguageIdentifier languages, SentenceEncoder encoder, Map<String, IntentModel> models,
                            double threshold) {
        if (threshold < 0 || threshold > 1) {
            throw new IllegalArgumentException("threshold " + threshold + " is not between 0 and 1");
        }
        this.languages = languages;
        this.encoder = encoder;
        this.models = Map.copyOf(models);
        this.threshold = threshold;
    }

    /** @param storeLanguages ISO 639-1 codes the store serves, its default first */
    public IntentPrediction classify(String text, List<String> storeLanguages) {
        String message = text == null ? "" : text.strip();
        if (message.length() > MAX_CHARS) {
            message = message.substring(0, MAX_CHARS);
        }
        String fallback = storeLanguages.get(0);
        if (message.codePoints().noneMatch(Character::isLetterOrDigit)) {
            return none(fallback, IntentPrediction.DecidedBy.EMPTY);
        }
        Optional<CommandRules.Command> command = CommandRules.match(message);
        if (command.isPresent()) {
            return new IntentPrediction(command.get().intent(), 1.0, true, languages.identify(message, storeLanguages),
                    IntentPrediction.DecidedBy.COMMAND, null, List.of(), List.of("command"), List.of(),
                    command.get().argument());
        }
        String language = languages.identify(message, storeLanguages);
        IntentModel model = models.get(language);
        if (model == null) {
            return none(language, IntentPrediction.DecidedBy.NO_MODEL_FOR_LANGUAGE);
        }
        String[] features = IntentFeatures.of(message);
        float[] embedding = encoder != null && model.readsMeaning() ? encoder.encode(message) : null;
        List<IntentScore> scores = model.score(features, embedding);
        IntentScore best = scores.get(0);
        String runnerUp = scores.size() > 1 ? scores.get(1).intent() : null;
        return new IntentPrediction(best.intent(), best.probability(), best.probability() >= threshold, language,
                IntentPrediction.DecidedBy.MODEL, model.version(),
                scores.subList(1, Math.min(scores.size(), 1 + ALTERNATIVES)),
                model.evidence(IntentFeatures.byPart(message), best.intent(), runnerUp, EVIDENCE),
                model.similarExamples(embedding, best.intent(), SIMILAR), null);
    }

    public Map<String, IntentModel> models() {
        return models;
    }

    public SentenceEncoder encoder() {
        return encoder;
    }

    public double threshold() {
        return threshold;
    }

    private static IntentPrediction none(String language, IntentPrediction.DecidedBy why) {
        return new IntentPrediction(Intents.NONE, 0, false, language, why, null, List.of(), List.of(), List.of(),
                null);
    }
}
