package com.parla.tools.intents;

import com.parla.intent.control.BaseIntentModels;
import com.parla.intent.control.ExampleIndex;
import com.parla.intent.control.IntentClassifier;
import com.parla.intent.control.IntentClassifiers;
import com.parla.intent.control.IntentCorpus;
import com.parla.intent.control.IntentEvaluation;
import com.parla.intent.control.IntentEvaluation.Scorecard;
import com.parla.intent.control.IntentEvaluation.Split;
import com.parla.intent.control.IntentFeatures;
import com.parla.intent.control.IntentModel;
import com.parla.intent.control.IntentModelTrainer;
import com.parla.intent.control.IntentPrediction;
import com.parla.intent.control.IntentScore;
import com.parla.intent.control.Intents;
import com.parla.intent.control.LabelledUtterance;
import com.parla.intent.control.LanguageIdentifier;
import com.parla.intent.control.SentenceEncoder;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code ./parla intents evaluate}: judges the intent classifier on data its training never saw, and prints
 * accuracy, macro-F1, what is acted on at the threshold and the main confusions: on the out-of-distribution
 * test sets (English and Italian, written by someone who had seen only the intents' names and meanings), on a
 * Bitext split that holds out whole phrasing families, and on the random split of old; the word model alone,
 * the meaning model alone and their blend side by side. Then latency per utterance and memory on one thread.
 * Option {@code --ood=<folder>} the folder of en.csv and it.csv (default: the commerce module's test set).
 */
public final class EvaluateCommand {

    private static final long SEED = 20261124L;
    private static final double HELD_OUT = 0.2;
    private static final double[] WEIGHTS = {0, 0.3, 0.5, 0.7, 0.9, 1};

    private EvaluateCommand() {
    }

    public static void main(String[] args) throws IOException {
        Path ood = Path.of("commerce-ejb/src/test/resources/intents/ood");
        for (String arg : args) {
            if (arg.startsWith("--ood=")) {
                ood = Path.of(arg.substring("--ood=".length()));
            } else {
                System.err.println("unknown option " + arg + " (--ood=<folder of en.csv and it.csv>)");
                System.exit(2);
            }
        }
        double threshold = IntentClassifiers.DEFAULT_THRESHOLD;
        long before = usedHeap();
        LanguageIdentifier languages = LanguageIdentifier.load();
        long withLanguages = usedHeap();
        SentenceEncoder encoder = SentenceEncoder.load();
        long withEncoder = usedHeap();
        IntentClassifier shipped = IntentClassifiers.base(languages, encoder, threshold);
        long withModels = usedHeap();
        for (String language : shipped.models().keySet().stream().sorted().toList()) {
            List<LabelledUtterance> corpus = IntentCorpus.base(language);
            System.out.printf("Corpus %s: %d utterances, %d intents; model %s; threshold %.2f%n", language,
                    corpus.size(), intents(corpus), shipped.models().get(language).version(), threshold);
        }

        for (String language : BaseIntentModels.LANGUAGES) {
            Path file = ood.resolve(language + ".csv");
            if (shipped.models().get(language) == null) {
                System.out.printf("%nNo base model of %s on the class path%n", language);
            } else if (Files.exists(file)) {
                outOfDistribution(shipped, language, read(file), file);
            } else {
                System.out.printf("%nNo out-of-distribution test %s%n", file);
            }
        }
        withoutVoices(shipped, ood.resolve("en.csv"), threshold);
        heldOut("Bitext, whole phrasing families held out (the first two words of an utterance, per intent)",
                true, shipped, threshold);
        heldOut("Bitext, random rows held out (shares its templates with training)", false, shipped, threshold);

        List<LabelledUtterance> sample = IntentEvaluation.split(IntentCorpus.bundled("en", IntentCorpus.BITEXT),
                HELD_OUT, SEED).test();
        latency(shipped, encoder, sample);
        System.out.printf("%nMemory (heap after GC): language identifier %.1f MB, sentence encoder %.1f MB (its"
                        + " ONNX session holds more outside the heap), base models with their examples %.1f MB%n",
                (withLanguages - before) / 1e6, (withEncoder - withLanguages) / 1e6, (withModels - withEncoder) / 1e6);
        for (String language : shipped.models().keySet().stream().sorted().toList()) {
            System.out.printf("  %s: model %d bytes serialized, %d examples%n", language,
                    shipped.models().get(language).toBytes().length,
                    shipped.models().get(language).shippedExamples().size());
        }
    }

    /** The shipped classifier on a test set, whole path (language, rules, model), then each half alone. */
    private static void outOfDistribution(IntentClassifier shipped, String language, List<LabelledUtterance> test,
                                          Path file) {
        System.out.printf("%nOut-of-distribution test %s (%d utterances, %d intents), store language %s%n", file,
                test.size(), intents(test), language);
        Scorecard whole = new Scorecard();
        Scorecard commerce = new Scorecard();
        long notThisLanguage = 0;
        double[] bins = {0, 0.3, 0.5, 0.7, 0.9, 1.0001};
        int[] inBin = new int[bins.length - 1];
        int[] rightInBin = new int[bins.length - 1];
        double[] confidenceInBin = new double[bins.length - 1];
        for (LabelledUtterance u : test) {
            IntentPrediction p = shipped.classify(u.text(), List.of(language));
            whole.add(u.intent(), p.intent(), p.confident());
            for (int b = 0; b < inBin.length; b++) {
                if (p.confidence() >= bins[b] && p.confidence() < bins[b + 1]) {
                    inBin[b]++;
                    confidenceInBin[b] += p.confidence();
                    rightInBin[b] += p.intent().equals(u.intent()) ? 1 : 0;
                }
            }
            if (Intents.COMMERCE.contains(u.intent())) {
                commerce.add(u.intent(), p.intent(), p.confident());
            }
            if (p.decidedBy() == IntentPrediction.DecidedBy.NO_MODEL_FOR_LANGUAGE) {
                notThisLanguage++;
            }
        }
        report("whole path", whole, true);
        report("the 8 commerce intents", commerce, false);
        System.out.printf("    read as another language (no model, handed to a person): %d%n", notThisLanguage);
        StringBuilder calibration = new StringBuilder("    calibration, by confidence (share of messages, mean"
                + " confidence → accuracy):");
        for (int b = 0; b < inBin.length; b++) {
            if (inBin[b] > 0) {
                calibration.append(String.format(" [%.1f, %.1f) %.1f%%, %.2f → %.1f%%;", bins[b], Math.min(1, bins[b + 1]),
                        100.0 * inBin[b] / test.size(), confidenceInBin[b] / inBin[b],
                        100.0 * rightInBin[b] / inBin[b]));
            }
        }
        System.out.println(calibration);
        components(shipped.models().get(language), shipped.encoder(), test, shipped.threshold());
    }

    /** The word model, the meaning model and blends of them, on the same utterances. */
    private static void components(IntentModel model, SentenceEncoder encoder, List<LabelledUtterance> test,
                                   double threshold) {
        List<String[]> features = test.stream().map(u -> IntentFeatures.of(u.text())).toList();
        List<float[]> embeddings = test.stream().map(u -> encoder.encode(u.text())).toList();
        StringBuilder line = new StringBuilder("    model alone, by meaning share:");
        for (double weight : WEIGHTS) {
            Scorecard card = new Scorecard();
            for (int i = 0; i < test.size(); i++) {
                IntentScore best = model.score(features.get(i), embeddings.get(i), weight).get(0);
                card.add(test.get(i).intent(), best.intent(), best.probability() >= threshold);
            }
            line.append(String.format(" %.1f→%.1f%% (F1 %.3f, acted on %.0f%% at %.1f%%)", weight,
                    100 * card.accuracy(), card.macroF1(), 100 * card.coverage(), 100 * card.confidentAccuracy()));
        }
        System.out.println(line);
    }

    /**
     * The same models trained without the chat-voices file, whose writer (like the test's) wrote chat messages for
     * given intents: how much of the gain is the data, and how much the meaning model.
     */
    private static void withoutVoices(IntentClassifier shipped, Path file, double threshold) throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        List<LabelledUtterance> train = new ArrayList<>();
        for (String name : List.of(IntentCorpus.BITEXT, IntentCorpus.COMMERCE, IntentCorpus.CHAT)) {
            train.addAll(IntentCorpus.bundled("en", name));
        }
        IntentModel model = IntentModelTrainer.train("en", ExampleIndex.embed(train, shipped.encoder(),
                shipped.models().get("en").shippedExamples()));
        System.out.printf("%nThe English models trained without %s (%d utterances), on %s%n", IntentCorpus.VOICES,
                train.size(), file);
        components(model, shipped.encoder(), read(file), threshold);
    }

    /** Trains on the English corpus less a held-out part of Bitext (embeddings from the shipped examples). */
    private static void heldOut(String title, boolean byFamily, IntentClassifier shipped, double threshold) {
        List<LabelledUtterance> bitext = IntentCorpus.bundled("en", IntentCorpus.BITEXT);
        Split split = byFamily ? IntentEvaluation.familySplit(bitext, HELD_OUT, SEED)
                : IntentEvaluation.split(bitext, HELD_OUT, SEED);
        List<LabelledUtterance> train = new ArrayList<>(split.train());
        for (String file : List.of(IntentCorpus.COMMERCE, IntentCorpus.CHAT, IntentCorpus.VOICES)) {
            train.addAll(IntentCorpus.bundled("en", file));
        }
        ExampleIndex embedded = ExampleIndex.embed(train, shipped.encoder(),
                shipped.models().get("en").shippedExamples());
        long start = System.nanoTime();
        IntentModel model = IntentModelTrainer.train("en", embedded);
        double seconds = (System.nanoTime() - start) / 1e9;
        IntentClassifier classifier = new IntentClassifier(LanguageIdentifier.load(), shipped.encoder(),
                Map.of("en", model), threshold);
        System.out.printf("%n%s: %d held out, trained on %d in %.1f s%n", title, split.test().size(), train.size(),
                seconds);
        report("whole path", IntentEvaluation.score(classifier, List.of("en"), split.test()), true);
        components(model, shipped.encoder(), split.test(), threshold);
    }

    private static void latency(IntentClassifier classifier, SentenceEncoder encoder,
                                List<LabelledUtterance> sample) {
        System.out.printf("%nLatency per utterance, one thread, %d processor(s) available (%d held-out utterances"
                + " x 5 after 2 rounds of warm-up):%n", Runtime.getRuntime().availableProcessors(), sample.size());
        time("whole path (language, rules, features, embedding, both models, evidence, similar examples)", sample,
                text -> classifier.classify(text, List.of("en")));
        time("sentence embedding alone", sample, encoder::encode);
        IntentModel model = classifier.models().get("en");
        time("word model alone (features and scores)", sample, text -> model.words().score(text));
    }

    private static void time(String what, List<LabelledUtterance> sample, Consumer<String> work) {
        int rounds = 5;
        for (int warm = 0; warm < 2; warm++) {
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
        System.out.printf("  %s: p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms; %.0f utterances/s%n", what,
                nanos[nanos.length / 2] / 1e6, nanos[(int) (nanos.length * 0.99)] / 1e6,
                nanos[(int) (nanos.length * 0.999)] / 1e6, nanos[nanos.length - 1] / 1e6, nanos.length / seconds);
    }

    private static void report(String title, Scorecard card, boolean details) {
        System.out.printf("  %s (%d): accuracy %.2f%%, macro-F1 %.4f; at the threshold %.1f%% acted on, of which"
                        + " %.2f%% right; %.1f%% asked or handed to a person%n", title, card.total(),
                100 * card.accuracy(), card.macroF1(), 100 * card.coverage(), 100 * card.confidentAccuracy(),
                100 * (1 - card.coverage()));
        if (details) {
            System.out.println("    most confused: " + String.join("; ", card.confusions(10)));
            System.out.println("    weakest recall: " + String.join("; ", card.weakestIntents(5)));
        }
    }

    private static List<LabelledUtterance> read(Path file) throws IOException {
        try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return IntentCorpus.read(in);
        }
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
}
