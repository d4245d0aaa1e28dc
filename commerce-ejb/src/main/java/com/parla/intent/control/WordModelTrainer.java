package com.parla.intent.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import opennlp.tools.ml.AbstractEventTrainer;
import opennlp.tools.ml.EventTrainer;
import opennlp.tools.ml.TrainerFactory;
import opennlp.tools.ml.maxent.quasinewton.QNTrainer;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.Event;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Trains a {@link WordModel}: a maximum-entropy classifier fitted by L-BFGS with L2 regularisation (OpenNLP's
 * quasi-Newton trainer; it gave the best held-out accuracy and confidence of OpenNLP's trainers on Bitext). The same utterances always give the same weights and the same version, so the model
 * the platform runs and the one the command line runs can be told apart by version alone.
 */
public final class WordModelTrainer {

    private static final int ITERATIONS = 100;
    private static final double L2 = 0.3;
    /** Features seen fewer times are dropped: one-off n-grams of typos add weight, not accuracy. */
    private static final int CUTOFF = 2;
    /** Parallel gradient sums over a fixed number of parts, so the result does not depend on the machine. */
    private static final int THREADS = 2;
    private static final String SETTINGS = "maxent-qn/l2=" + L2 + "/iterations=" + ITERATIONS + "/cutoff=" + CUTOFF;

    private WordModelTrainer() {
    }

    public static WordModel train(String language, Collection<LabelledUtterance> utterances) {
        if (utterances.stream().map(LabelledUtterance::intent).distinct().count() < 2) {
            throw new IllegalArgumentException("training needs utterances of at least two intents");
        }
        List<Event> events = utterances.stream()
                .map(u -> new Event(u.intent(), IntentFeatures.of(u.text())))
                .toList();
        EventTrainer trainer = TrainerFactory.getEventTrainer(parameters(), null);
        try {
            AbstractModel maxent = (AbstractModel) trainer.train(ObjectStreamUtils.createObjectStream(events));
            return new WordModel(maxent, language, version(language, utterances));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** language-hash of the feature scheme, the training settings and the utterances in their order. */
    public static String version(String language, Collection<LabelledUtterance> utterances) {
        return version(language, settings(), utterances);
    }

    static String settings() {
        return IntentFeatures.SCHEME + "|" + SETTINGS;
    }

    static String version(String language, String settings, Collection<LabelledUtterance> utterances) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((settings + "\n").getBytes(StandardCharsets.UTF_8));
            for (LabelledUtterance u : utterances) {
                digest.update((u.intent() + "\t" + u.text() + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return language + "-" + HexFormat.of().formatHex(digest.digest(), 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static TrainingParameters parameters() {
        TrainingParameters parameters = new TrainingParameters();
        parameters.put(TrainingParameters.ALGORITHM_PARAM, QNTrainer.MAXENT_QN_VALUE);
        parameters.put(TrainingParameters.ITERATIONS_PARAM, ITERATIONS);
        parameters.put(TrainingParameters.CUTOFF_PARAM, CUTOFF);
        parameters.put(QNTrainer.L2COST_PARAM, L2);
        parameters.put(QNTrainer.L1COST_PARAM, 0.0);
        parameters.put(QNTrainer.THREADS_PARAM, THREADS);
        parameters.put(AbstractEventTrainer.DATA_INDEXER_PARAM, AbstractEventTrainer.DATA_INDEXER_ONE_PASS_VALUE);
        return parameters;
    }
}
