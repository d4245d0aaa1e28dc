package com.parla.intent.control;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The intent model of one language: a {@link WordModel} and, where sentence embeddings are at hand, a
 * {@link MeaningModel}, trained on the same utterances; a message's probabilities are a weighted mean of the
 * two. The word model is sure of wordings it has seen, the meaning model generalizes to wordings it has not.
 * Immutable and safe to share between threads.
 */
public final class IntentModel {

    /**
     * The meaning model's share of the mean in English, chosen on a validation split (Bitext's phrasing families
     * and a fifth of Parla's chat wordings held out), never on the out-of-distribution test sets.
     */
    public static final double ENGLISH_MEANING_WEIGHT = 0.7;
    /**
     * In other languages: all-MiniLM-L6-v2 learnt English, so its embeddings of Italian carry less meaning and the
     * words must weigh more (chosen on a fifth of the Italian corpus held out: 0.3 gave 86.6%, words alone 86.0%,
     * 0.7 84.3%).
     */
    public static final double OTHER_MEANING_WEIGHT = 0.3;

    private static final int MAGIC = 0x50494d32; // "PIM2"; a bare word model (as stored before) has none

    private final String language;
    private final String version;
    private final WordModel words;
    private final MeaningModel meaning;
    /** the examples the meaning model was trained on that ship with Parla; not part of {@link #toBytes()} */
    private final ExampleIndex shipped;
    /** the store's own examples, stored with the model */
    private final ExampleIndex own;
    private final int[] meaningIndex;
    private final double meaningWeight;

    IntentModel(String language, String version, WordModel words, MeaningModel meaning, ExampleIndex shipped,
                ExampleIndex own) {
        this.meaningWeight = meaningWeight(language);
        this.language = language;
        this.version = version;
        this.words = words;
        this.meaning = meaning;
        this.shipped = shipped;
        this.own = own;
        this.meaningIndex = meaning == null ? null : indexOf(words.intents(), meaning.intents());
    }

    /** The meaning model's share of the mean for a language. */
    public static double meaningWeight(String language) {
        return "en".equals(language) ? ENGLISH_MEANING_WEIGHT : OTHER_MEANING_WEIGHT;
    }

    public String version() {
        return version;
    }

    public String language() {
        return language;
    }

    public List<String> intents() {
        return words.intents();
    }

    public WordModel words() {
        return words;
    }

    MeaningModel meaning() {
        return meaning;
    }

    /** The examples that ship with Parla which the meaning model was trained on (empty for a store-only language). */
    public ExampleIndex shippedExamples() {
        return shipped;
    }

    /** Whether the model needs the message's sentence embedding. */
    public boolean readsMeaning() {
        return meaning != null;
    }

    /**
     * Every intent with its probability, most likely first.
     *
     * @param embedding the message's sentence embedding; null scores by words alone
     */
    public List<IntentScore> score(String[] features, float[] embedding) {
        return score(features, embedding, meaningWeight);
    }

    /** As {@link #score(String[], float[])} with another share of the meaning model (0..1), for evaluation. */
    public List<IntentScore> score(String[] features, float[] embedding, double meaningWeight) {
        double[] byWords = words.probabilities(features);
        double[] blended = byWords;
        if (meaning != null && embedding != null) {
            double[] byMeaning = meaning.probabilities(embedding);
            blended = new double[byWords.length];
            for (int i = 0; i < byWords.length; i++) {
                blended[i] = (1 - meaningWeight) * byWords[i] + meaningWeight * byMeaning[meaningIndex[i]];
            }
        }
        return IntentScore.ranked(words.intents(), blended);
    }

    /** The words of the message that weighed most for {@code intent} against the runner-up. */
    public List<String> evidence(Map<String, List<String>> parts, String intent, String runnerUp, int limit) {
        return words.evidence(parts, intent, runnerUp, limit);
    }

    /** The training examples of {@code intent} most like the message, with their cosine similarity. */
    public List<String> similarExamples(float[] embedding, String intent, int limit) {
        if (embedding == null) {
            return List.of();
        }
        List<ExampleIndex.SimilarExample> nearest = new ArrayList<>(own.nearest(embedding, intent, limit));
        nearest.addAll(shipped.nearest(embedding, intent, limit));
        return nearest.stream()
                .sorted(Comparator.comparingDouble(ExampleIndex.SimilarExample::similarity).reversed())
                .limit(limit).map(ExampleIndex.SimilarExample::toString).toList();
    }

    /** The word model, the meaning model and the store's own examples; the shipped examples are not written. */
    public byte[] toBytes() {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
             DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            writeBlock(out, words.toBytes());
            writeBlock(out, meaning == null ? new byte[0] : meaning.toBytes());
            writeBlock(out, own.toBytes());
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads what {@link #toBytes()} wrote, or a bare word model as stores kept before meaning models existed.
     *
     * @param shipped the examples Parla ships for the language (the meaning model's base)
     */
    public static IntentModel read(byte[] bytes, String language, String version, ExampleIndex shipped) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            if (bytes.length < 4 || in.readInt() != MAGIC) {
                WordModel words = WordModel.read(bytes, language, version);
                return new IntentModel(language, version, words, null, ExampleIndex.empty(), ExampleIndex.empty());
            }
            WordModel words = WordModel.read(readBlock(in), language, version);
            byte[] meaning = readBlock(in);
            ExampleIndex own = ExampleIndex.read(readBlock(in));
            return new IntentModel(language, version, words, meaning.length == 0 ? null : MeaningModel.read(meaning),
                    shipped, own);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable intent model " + version, e);
        }
    }

    private static void writeBlock(DataOutputStream out, byte[] block) throws IOException {
        out.writeInt(block.length);
        out.write(block);
    }

    private static byte[] readBlock(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > 512 * 1024 * 1024) {
            throw new IOException("a block of " + length + " bytes");
        }
        byte[] block = new byte[length];
        in.readFully(block);
        return block;
    }

    private static int[] indexOf(List<String> wordIntents, List<String> meaningIntents) {
        int[] index = new int[wordIntents.size()];
        for (int i = 0; i < index.length; i++) {
            index[i] = meaningIntents.indexOf(wordIntents.get(i));
            if (index[i] < 0) {
                throw new IllegalArgumentException("the meaning model does not know " + wordIntents.get(i));
            }
        }
        return index;
    }
}
