package com.parla.intent.control;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.BinaryFileDataReader;
import opennlp.tools.ml.model.Context;
import opennlp.tools.ml.model.GenericModelReader;
import opennlp.tools.ml.model.GenericModelWriter;

/**
 * The word half of an intent model: OpenNLP maximum-entropy weights over {@link IntentFeatures} (words, word
 * pairs, letter n-grams), and the version that names it. Sure of the wordings it was trained on, and it explains
 * itself by the words that weighed. Immutable and safe to share between threads.
 */
public final class WordModel {

    private final AbstractModel maxent;
    private final String version;
    private final String language;
    private final Map<String, Context> weights;
    /** by their index in the model; looked up once, every classification needs them */
    private final List<String> intents;

    WordModel(AbstractModel maxent, String language, String version) {
        this.maxent = maxent;
        this.language = language;
        this.version = version;
        @SuppressWarnings("unchecked")
        Map<String, Context> byFeature = (Map<String, Context>) maxent.getDataStructures()[1];
        this.weights = byFeature;
        List<String> outcomes = new ArrayList<>();
        for (int i = 0; i < maxent.getNumOutcomes(); i++) {
            outcomes.add(maxent.getOutcome(i));
        }
        this.intents = List.copyOf(outcomes);
    }

    public static WordModel read(InputStream in, String language, String version) throws IOException {
        AbstractModel maxent = new GenericModelReader(new BinaryFileDataReader(in)).getModel();
        return new WordModel(maxent, language, version);
    }

    public static WordModel read(byte[] bytes, String language, String version) {
        try {
            return read(new ByteArrayInputStream(bytes), language, version);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable intent model " + version, e);
        }
    }

    public byte[] toBytes() {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
             DataOutputStream out = new DataOutputStream(bytes)) {
            new GenericModelWriter(maxent, out).persist();
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String version() {
        return version;
    }

    public String language() {
        return language;
    }

    public List<String> intents() {
        return intents;
    }

    /** Every intent with its probability, most likely first. */
    public List<IntentScore> score(String text) {
        return score(IntentFeatures.of(text));
    }

    /** The probability of each intent, by the intent's index in {@link #intents()}. */
    double[] probabilities(String[] features) {
        return maxent.eval(features);
    }

    List<IntentScore> score(String[] features) {
        return IntentScore.ranked(intents(), probabilities(features));
    }

    /**
     * Why the model chose {@code intent}: the words and word pairs of the message whose features weigh most for
     * it against the runner-up, strongest first.
     *
     * @param parts the message's features by the part they come from ({@link IntentFeatures#byPart})
     */
    public List<String> evidence(Map<String, List<String>> parts, String intent, String runnerUp, int limit) {
        int chosen = maxent.getIndex(intent);
        int other = runnerUp == null ? -1 : maxent.getIndex(runnerUp);
        Map<String, Double> margin = new HashMap<>();
        parts.forEach((part, features) -> {
            double sum = 0;
            for (String feature : new LinkedHashSet<>(features)) {
                Context context = weights.get(feature);
                if (context != null) {
                    sum += weight(context, chosen) - weight(context, other);
                }
            }
            margin.put(part, sum);
        });
        return margin.entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .limit(limit)
                .map(e -> String.format(Locale.ROOT, "'%s' %+.1f", e.getKey(), e.getValue()))
                .toList();
    }

    private static double weight(Context context, int outcome) {
        if (outcome < 0) {
            return 0;
        }
        int[] outcomes = context.getOutcomes();
        for (int i = 0; i < outcomes.length; i++) {
            if (outcomes[i] == outcome) {
                return context.getParameters()[i];
            }
        }
        return 0;
    }
}
