package com.parla.tools.intents;

import com.parla.intent.control.IntentClassifier;
import com.parla.intent.control.IntentClassifiers;
import com.parla.intent.control.IntentCorpus;
import com.parla.intent.control.IntentEvaluation;
import com.parla.intent.control.IntentEvaluation.Scorecard;
import com.parla.intent.control.IntentEvaluation.Split;
import com.parla.intent.control.IntentModel;
import com.parla.intent.control.IntentModelTrainer;
import com.parla.intent.control.LabelledUtterance;
import com.parla.intent.control.LanguageIdentifier;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * {@code ./parla intents evaluate}: judges the English intent classifier on the Bitext data and Parla's commerce
 * utterances, and prints accuracy, macro-F1 and the main confusions on a held-out split and in k-fold
 * cross-validation, then latency per utterance and memory of the shipped model on one thread.
 */
public final class EvaluateCommand {

    private static final List<String> STORE_LANGUAGES = List.of("en");
    private static final long SEED = 20261124L;
    private static final int FOLDS = 5;
    private static final double HELD_OUT = 0.2;

    private EvaluateCommand() {
    }

    public static void main(String[] args) {
        double threshold = IntentClassifiers.DEFAULT_THRESHOLD;
        List<LabelledUtterance> bitext = IntentCorpus.bundled("en", IntentCorpus.BITEXT);
        // Parla's own utterances: the commerce intents, and chat-style wordings of Bitext intents
        List<LabelledUtterance> commerce = new ArrayList<>(IntentCorpus.bundled("en", IntentCorpus.COMMERCE));
        commerce.addAll(IntentCorpus.bundled("en", IntentCorpus.CHAT));
        System.out.printf("Corpus: Bitext %d utterances / %d intents; Parla's own %d / %d; threshold %.2f%n",
                bitext.size(), intents(bitext), commerce.size(), intents(commerce), threshold);

        long before = usedHeap();
        LanguageIdentifier languages = LanguageIdentifier.load();
        long withLanguages = usedHeap();
        IntentClassifier shipped = IntentClassifiers.base(languages, threshold);
        long withModel = usedHeap();

        heldOut(bitext, commerce, languages, threshold);
        crossValidation(bitext, commerce, languages, threshold);
        latency(shipped, IntentEvaluation.split(bitext, HELD_OUT, SEED).test());

        System.out.printf("%nMemory (heap after GC): language model %.1f MB, intent model %.1f MB (%s, %d bytes"
                        + " serialized)%n", (withLanguages - before) / 1e6, (withModel - withLanguages) / 1e6,
                versionOf(shipped), shipped.models().get("en").toBytes().length);
        System.out.printf("Language identification: %.2f%% of Bitext utterances read as English "
                + "(store languages en, it, zh)%n", 100.0 * englishShare(languages, bitext));
    }

    private static void heldOut(List<LabelledUtterance> bitext, List<LabelledUtterance> commerce,
                                LanguageIdentifier languages, double threshold) {
        Split b = IntentEvaluation.split(bitext, HELD_OUT, SEED);
        Split c = IntentEvaluation.split(commerce, HELD_OUT, SEED);
        List<LabelledUtterance> train = new ArrayList<>(b.train());
        train.addAll(c.train());
        long start = System.nanoTime();
        IntentModel model = IntentModelTrainer.train("en", train);
        double seconds = (System.nanoTime() - start) / 1e9;
        IntentClassifier classifier = new IntentClassifier(languages, Map.of("en", model), threshold);
        System.out.printf("%nHeld-out split (%.0f%% of each intent held out, seed %d): trained on %d utterances"
                + " in %.1f s%n", HELD_OUT * 100, SEED, train.size(), seconds);
        report("Bitext held-out", IntentEvaluation.score(classifier, STORE_LANGUAGES, b.test()), true);
        report("Parla's own held-out", IntentEvaluation.score(classifier, STORE_LANGUAGES, c.test()), true);
    }

    private static void crossValidation(List<LabelledUtterance> bitext, List<LabelledUtterance> commerce,
                                        LanguageIdentifier languages, double threshold) {
        List<List<LabelledUtterance>> bitextFolds = IntentEvaluation.folds(bitext, FOLDS, SEED);
        List<List<LabelledUtterance>> commerceFolds = IntentEvaluation.folds(commerce, FOLDS, SEED);
        double[] accuracy = new double[FOLDS];
        double[] macroF1 = new double[FOLDS];
        double[] commerceAccuracy = new double[FOLDS];
        System.out.printf("%n%d-fold cross-validation (each fold: train on the other %d, Bitext and Parla's own)%n",
                FOLDS, FOLDS - 1);
        for (int k = 0; k < FOLDS; k++) {
            List<LabelledUtterance> train = new ArrayList<>();
            for (int j = 0; j < FOLDS; j++) {
                if (j != k) {
                    train.addAll(bitextFolds.get(j));
                    train.addAll(commerceFolds.get(j));
                }
            }
            IntentModel model = IntentModelTrainer.train("en", train);
            IntentClassifier classifier = new IntentClassifier(languages, Map.of("en", model), threshold);
            Scorecard b = IntentEvaluation.score(classifier, STORE_LANGUAGES, bitextFolds.get(k));
            Scorecard c = IntentEvaluation.score(classifier, STORE_LANGUAGES, commerceFolds.get(k));
            accuracy[k] = b.accuracy();
            macroF1[k] = b.macroF1();
            commerceAccuracy[k] = c.accuracy();
            System.out.printf("  fold %d: Bitext accuracy %.2f%%, macro-F1 %.4f; Parla's own accuracy %.2f%%%n",
                    k + 1, 100 * b.accuracy(), b.macroF1(), 100 * c.accuracy());
        }
        System.out.printf("  Bitext accuracy %.2f%% ± %.2f, macro-F1 %.4f ± %.4f; Parla's own accuracy %.2f%% ± %.2f%n",
                100 * mean(accuracy), 100 * sd(accuracy), mean(macroF1), sd(macroF1),
                100 * mean(commerceAccuracy), 100 * sd(commerceAccuracy));
    }

    private static void latency(IntentClassifier classifier, List<LabelledUtterance> sample) {
        System.out.printf("%nLatency per utterance, one thread, %d processor(s) available (%d held-out utterances"
                + " x 20 after 5 rounds of warm-up):%n", Runtime.getRuntime().availableProcessors(), sample.size());
        time("whole path (language, rules, features, model, evidence)", sample,
                text -> classifier.classify(text, STORE_LANGUAGES));
        IntentModel model = classifier.models().get("en");
        time("intent model alone (features and scores)", sample, model::score);
    }

    private static void time(String what, List<LabelledUtterance> sample, java.util.function.Consumer<String> work) {
        int rounds = 20;
        for (int warm = 0; warm < 5; warm++) {
            sample.forEach(u -> work.accept(u.text()));
        }
        long[] nanos = new long[sample.size() * rounds];
        int i = 0;
        long start = System.nanoTime();
        for (int r = 0; r < rounds; r++) {
            for (LabelledUtterance u : sample) {
                long t = System.nanoTime();
                work.accept(u.text());
                nanos[i++] = System.nanoTime() - t;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Arrays.sort(nanos);
        System.out.printf("  %s: p50 %.1f µs, p99 %.1f µs, p99.9 %.1f µs, max %.1f µs; %.0f utterances/s%n", what,
                nanos[nanos.length / 2] / 1e3, nanos[(int) (nanos.length * 0.99)] / 1e3,
                nanos[(int) (nanos.length * 0.999)] / 1e3, nanos[nanos.length - 1] / 1e3, nanos.length / seconds);
    }

    private static void report(String title, Scorecard card, boolean details) {
        System.out.printf("  %s (%d): accuracy %.2f%%, macro-F1 %.4f; at the threshold %.1f%% acted on, of which"
                        + " %.2f%% right%n", title, card.total(), 100 * card.accuracy(), card.macroF1(),
                100 * card.coverage(), 100 * card.confidentAccuracy());
        if (details) {
            System.out.println("    most confused: " + String.join("; ", card.confusions(8)));
            System.out.println("    weakest recall: " + String.join("; ", card.weakestIntents(4)));
        }
    }

    private static double englishShare(LanguageIdentifier languages, List<LabelledUtterance> utterances) {
        long english = utterances.stream()
                .filter(u -> languages.identify(u.text(), List.of("en", "it", "zh")).equals("en"))
                .count();
        return (double) english / utterances.size();
    }

    private static String versionOf(IntentClassifier classifier) {
        return classifier.models().get("en").version();
    }

    private static long intents(List<LabelledUtterance> utterances) {
        return utterances.stream().map(LabelledUtterance::intent).distinct().count();
    }

    private static long usedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static double mean(double[] values) {
        return Arrays.stream(values).average().orElse(0);
    }

    private static double sd(double[] values) {
        double mean = mean(values);
        return Math.sqrt(Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum() / (values.length - 1));
    }
}
