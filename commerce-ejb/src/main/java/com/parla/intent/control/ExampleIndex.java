package com.parla.intent.control;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Labelled utterances with their sentence embeddings: what a meaning model is trained on, and the examples it
 * shows as its reasons ("it reads like 'where's my parcel??'"). Vectors are kept as bytes (one scale per
 * vector), a quarter of their float size; cosine similarity survives that to about two decimals. Immutable.
 */
public final class ExampleIndex {

    private static final int FORMAT = 1;

    private final List<LabelledUtterance> utterances;
    private final byte[][] vectors;
    private final float[] scales;

    private ExampleIndex(List<LabelledUtterance> utterances, byte[][] vectors, float[] scales) {
        this.utterances = utterances;
        this.vectors = vectors;
        this.scales = scales;
    }

    public static ExampleIndex empty() {
        return new ExampleIndex(List.of(), new byte[0][], new float[0]);
    }

    /**
     * Embeds every utterance, one at a time (as messages are served), taking the vector of an utterance of the
     * same text from {@code known} instead where there is one.
     */
    public static ExampleIndex embed(Collection<LabelledUtterance> utterances, SentenceEncoder encoder,
                                     ExampleIndex known) {
        Map<String, Integer> knownByText = new HashMap<>();
        for (int i = 0; i < known.size(); i++) {
            knownByText.putIfAbsent(known.utterances.get(i).text(), i);
        }
        List<LabelledUtterance> all = List.copyOf(utterances);
        byte[][] vectors = new byte[all.size()][];
        float[] scales = new float[all.size()];
        for (int i = 0; i < all.size(); i++) {
            Integer same = knownByText.get(all.get(i).text());
            if (same != null) {
                vectors[i] = known.vectors[same];
                scales[i] = known.scales[same];
            } else {
                float[] vector = encoder.encode(all.get(i).text());
                scales[i] = scaleOf(vector);
                vectors[i] = quantize(vector, scales[i]);
            }
        }
        return new ExampleIndex(all, vectors, scales);
    }

    /** This index followed by {@code more}. */
    public ExampleIndex plus(ExampleIndex more) {
        List<LabelledUtterance> all = new ArrayList<>(utterances);
        all.addAll(more.utterances);
        byte[][] v = new byte[all.size()][];
        float[] s = new float[all.size()];
        System.arraycopy(vectors, 0, v, 0, size());
        System.arraycopy(more.vectors, 0, v, size(), more.size());
        System.arraycopy(scales, 0, s, 0, size());
        System.arraycopy(more.scales, 0, s, size(), more.size());
        return new ExampleIndex(List.copyOf(all), v, s);
    }

    public int size() {
        return utterances.size();
    }

    public LabelledUtterance utterance(int i) {
        return utterances.get(i);
    }

    /** The i-th vector as floats, as the meaning model is trained on it. */
    public float[] vector(int i) {
        byte[] bytes = vectors[i];
        float[] vector = new float[bytes.length];
        float step = scales[i] / 127f;
        for (int d = 0; d < bytes.length; d++) {
            vector[d] = bytes[d] * step;
        }
        return vector;
    }

    /** The {@code limit} examples of {@code intent} most similar to the message, most similar first. */
    public List<SimilarExample> nearest(float[] embedding, String intent, int limit) {
        PriorityQueue<SimilarExample> best = new PriorityQueue<>(Comparator.comparingDouble(SimilarExample::similarity));
        for (int i = 0; i < size(); i++) {
            if (utterances.get(i).intent().equals(intent)) {
                best.add(new SimilarExample(utterances.get(i).text(), similarity(embedding, i)));
                if (best.size() > limit) {
                    best.poll();
                }
            }
        }
        List<SimilarExample> ranked = new ArrayList<>(best);
        ranked.sort(Comparator.comparingDouble(SimilarExample::similarity).reversed());
        return ranked;
    }

    /** A training example and its cosine similarity to a message. */
    public record SimilarExample(String utterance, double similarity) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "'%s' %.2f", utterance, similarity);
        }
    }

    /** Cosine similarity of a unit-length embedding and the i-th example. */
    double similarity(float[] embedding, int i) {
        byte[] bytes = vectors[i];
        double sum = 0;
        for (int d = 0; d < bytes.length; d++) {
            sum += embedding[d] * bytes[d];
        }
        return sum * scales[i] / 127.0;
    }

    public byte[] toBytes() {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
             DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(FORMAT);
            out.writeInt(size());
            for (int i = 0; i < size(); i++) {
                out.writeUTF(utterances.get(i).text());
                out.writeUTF(utterances.get(i).intent());
                out.writeFloat(scales[i]);
                out.writeShort(vectors[i].length);
                out.write(vectors[i]);
            }
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ExampleIndex read(byte[] bytes) {
        try {
            return read(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable example index", e);
        }
    }

    public static ExampleIndex read(InputStream stream) throws IOException {
        DataInputStream in = new DataInputStream(stream);
        int format = in.readInt();
        if (format != FORMAT) {
            throw new IOException("example index of format " + format + ", not " + FORMAT);
        }
        int n = in.readInt();
        if (n < 0 || n > 10_000_000) {
            throw new IOException("example index of " + n + " examples");
        }
        List<LabelledUtterance> utterances = new ArrayList<>(n);
        byte[][] vectors = new byte[n][];
        float[] scales = new float[n];
        for (int i = 0; i < n; i++) {
            utterances.add(new LabelledUtterance(in.readUTF(), in.readUTF()));
            scales[i] = in.readFloat();
            vectors[i] = new byte[in.readUnsignedShort()];
            in.readFully(vectors[i]);
        }
        return new ExampleIndex(List.copyOf(utterances), vectors, scales);
    }

    private static float scaleOf(float[] vector) {
        float max = 0;
        for (float v : vector) {
            max = Math.max(max, Math.abs(v));
        }
        return max == 0 ? 1 : max;
    }

    private static byte[] quantize(float[] vector, float scale) {
        byte[] bytes = new byte[vector.length];
        for (int d = 0; d < vector.length; d++) {
            bytes[d] = (byte) Math.round(vector[d] / scale * 127);
        }
        return bytes;
    }
}
