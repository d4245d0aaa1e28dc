package com.parla.intent.control;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Held-out splits, k folds and the figures that judge an intent classifier on them. */
public final class IntentEvaluation {

    private IntentEvaluation() {
    }

    public record Split(List<LabelledUtterance> train, List<LabelledUtterance> test) {
    }

    /** Each intent's utterances shuffled with {@code seed}, the first {@code testShare} of each held out. */
    public static Split split(List<LabelledUtterance> utterances, double testShare, long seed) {
        List<LabelledUtterance> train = new ArrayList<>();
        List<LabelledUtterance> test = new ArrayList<>();
        for (List<LabelledUtterance> ofIntent : byIntent(utterances, seed).values()) {
            int held = (int) Math.round(ofIntent.size() * testShare);
            test.addAll(ofIntent.subList(0, held));
            train.addAll(ofIntent.subList(held, ofIntent.size()));
        }
        return new Split(train, test);
    }

    /**
     * Holds out whole phrasing families rather than rows: within each intent, utterances that open with the same
     * two words ("could you", "where can", "i need") are one family, and families are held out (shuffled with
     * {@code seed}) until {@code testShare} of the intent is. A model is then judged on openings it never saw
     * for that intent; a random split shares every template between training and test.
     */
    public static Split familySplit(List<LabelledUtterance> utterances, double testShare, long seed) {
        List<LabelledUtterance> train = new ArrayList<>();
        List<LabelledUtterance> test = new ArrayList<>();
        Random random = new Random(seed);
        Map<String, List<LabelledUtterance>> byIntent = utterances.stream()
                .collect(Collectors.groupingBy(LabelledUtterance::intent, TreeMap::new, Collectors.toList()));
        for (List<LabelledUtterance> ofIntent : byIntent.values()) {
            Map<String, List<LabelledUtterance>> families = ofIntent.stream()
                    .collect(Collectors.groupingBy(IntentEvaluation::family, TreeMap::new, Collectors.toList()));
            List<List<LabelledUtterance>> shuffled = new ArrayList<>(families.values());
            Collections.shuffle(shuffled, random);
            int held = 0;
            for (List<LabelledUtterance> family : shuffled) {
                if (held < testShare * ofIntent.size()) {
                    test.addAll(family);
                    held += family.size();
                } else {
                    train.addAll(family);
                }
            }
        }
        return new Split(train, test);
    }

    /** The phrasing family of an utterance: its first two words, lower-cased. */
    static String family(LabelledUtterance utterance) {
        String[] words = utterance.text().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}' ]", " ")
                .strip().split("\\s+");
        return words.length == 1 ? words[0] : words[0] + " " + words[1];
    }

    /** {@code k} folds, each intent dealt round the folds so that every fold has its share of every intent. */
    public static List<List<LabelledUtterance>> folds(List<LabelledUtterance> utterances, int k, long seed) {
        List<List<LabelledUtterance>> folds = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            folds.add(new ArrayList<>());
        }
        int next = 0;
        for (List<LabelledUtterance> ofIntent : byIntent(utterances, seed).values()) {
            for (LabelledUtterance u : ofIntent) {
                folds.get(next++ % k).add(u);
            }
        }
        return folds;
    }

    private static Map<String, List<LabelledUtterance>> byIntent(List<LabelledUtterance> utterances, long seed) {
        Random random = new Random(seed);
        Map<String, List<LabelledUtterance>> byIntent = utterances.stream()
                .collect(Collectors.groupingBy(LabelledUtterance::intent, TreeMap::new, Collectors.toList()));
        byIntent.replaceAll((intent, list) -> {
            List<LabelledUtterance> shuffled = new ArrayList<>(list);
            Collections.shuffle(shuffled, random);
            return shuffled;
        });
        return byIntent;
    }

    /** Classifies every test utterance (the likeliest intent, whatever its confidence) and compares. */
    public static Scorecard score(IntentClassifier classifier, List<String> storeLanguages,
                                  List<LabelledUtterance> test) {
        Scorecard card = new Scorecard();
        for (LabelledUtterance u : test) {
            IntentPrediction p = classifier.classify(u.text(), storeLanguages);
            card.add(u.intent(), p.intent(), p.confident());
        }
        return card;
    }

    /** Counts of (true intent, predicted intent), and what follows from them. */
    public static final class Scorecard {

        private final Map<String, Map<String, Integer>> counts = new TreeMap<>();
        private int total;
        private int correct;
        private int confident;
        private int confidentCorrect;

        public void add(String truth, String predicted, boolean wasConfident) {
            counts.computeIfAbsent(truth, t -> new TreeMap<>()).merge(predicted, 1, Integer::sum);
            total++;
            boolean right = truth.equals(predicted);
            if (right) {
                correct++;
            }
            if (wasConfident) {
                confident++;
                if (right) {
                    confidentCorrect++;
                }
            }
        }

        public int total() {
            return total;
        }

        public double accuracy() {
            return total == 0 ? 0 : (double) correct / total;
        }

        /** Share of messages confident enough to act on. */
        public double coverage() {
            return total == 0 ? 0 : (double) confident / total;
        }

        /** Accuracy on the messages acted on. */
        public double confidentAccuracy() {
            return confident == 0 ? 0 : (double) confidentCorrect / confident;
        }

        /** Mean over the true intents of each one's F1. */
        public double macroF1() {
            TreeSet<String> intents = new TreeSet<>(counts.keySet());
            double sum = 0;
            for (String intent : intents) {
                int truePositives = counts.get(intent).getOrDefault(intent, 0);
                int actual = counts.get(intent).values().stream().mapToInt(Integer::intValue).sum();
                int predicted = counts.values().stream().mapToInt(row -> row.getOrDefault(intent, 0)).sum();
                double precision = predicted == 0 ? 0 : (double) truePositives / predicted;
                double recall = actual == 0 ? 0 : (double) truePositives / actual;
                sum += precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            }
            return intents.isEmpty() ? 0 : sum / intents.size();
        }

        /** The most frequent mistakes, as "truth → predicted: count". */
        public List<String> confusions(int limit) {
            List<Map.Entry<String, Integer>> mistakes = new ArrayList<>();
            counts.forEach((truth, row) -> row.forEach((predicted, n) -> {
                if (!truth.equals(predicted)) {
                    mistakes.add(Map.entry(truth + " → " + predicted, n));
                }
            }));
            mistakes.sort(Map.Entry.<String, Integer>comparingByValue().reversed()
                    .thenComparing(Map.Entry.comparingByKey()));
            return mistakes.stream().limit(limit).map(e -> e.getKey() + ": " + e.getValue()).toList();
        }

        /** Recall per true intent, worst first. */
        public List<String> weakestIntents(int limit) {
            return counts.entrySet().stream()
                    .map(e -> {
                        int n = e.getValue().values().stream().mapToInt(Integer::intValue).sum();
                        return Map.entry(e.getKey(), (double) e.getValue().getOrDefault(e.getKey(), 0) / n);
                    })
                    .sorted(Map.Entry.comparingByValue(Comparator.naturalOrder()))
                    .limit(limit)
                    .map(e -> String.format("%s %.1f%%", e.getKey(), 100 * e.getValue()))
                    .toList();
        }
    }
}
