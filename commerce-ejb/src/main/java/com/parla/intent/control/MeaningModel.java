package com.parla.intent.control;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import opennlp.tools.ml.AbstractEventTrainer;
import opennlp.tools.ml.EventTrainer;
import opennlp.tools.ml.TrainerFactory;
import opennlp.tools.ml.maxent.quasinewton.QNTrainer;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.Context;
import opennlp.tools.ml.model.Event;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;

/**
 * The meaning half of an intent model: multinomial logistic regression over a message's sentence embedding
 * ({@link SentenceEncoder}), one weight per dimension and intent. A base model is fitted by OpenNLP's L-BFGS
 * trainer with L2 regularisation (the same trainer as the word model; it converges within 100 iterations here,
 * about 28 s for English). A store's model starts from the base model's weights and is fine-tuned on the store's
 * examples together with the shipped ones (three passes of mini-batch gradient descent, about 7 s), so a store
 * retrains in seconds. It reads wordings the word model has never seen. Immutable and safe to share.
 */
public final class MeaningModel {

    /** Part of every intent model's version. */
    static final String SETTINGS = SentenceEncoder.IDENTITY + "/maxent-qn/l2=" + MeaningModel.L2 + "/iterations="
            + MeaningModel.ITERATIONS + "/fine-tune=adam/epochs=" + MeaningModel.TUNING_EPOCHS + "/rate="
            + MeaningModel.TUNING_RATE + "/own-share=" + MeaningModel.OWN_SHARE;

    private static final double L2 = 0.1;
    private static final int ITERATIONS = 100;
    /** Parallel gradient sums over a fixed number of parts, so the result does not depend on the machine. */
    private static final int THREADS = 2;
    private static final int TUNING_EPOCHS = 3;
    private static final double TUNING_RATE = 0.005;
    private static final int BATCH = 32;
    /** A store's own examples are repeated until they are about this share of each fine-tuning pass. */
    private static final double OWN_SHARE = 0.1;
    private static final long SEED = 20261202L;
    private static final int FORMAT = 1;
    private static final String[] DIMENSIONS = dimensions();

    private final List<String> intents;
    /** per intent: one weight per dimension, then the bias */
    private final float[][] weights;

    private MeaningModel(List<String> intents, float[][] weights) {
        this.intents = List.copyOf(intents);
        this.weights = weights;
    }

    /**
     * A store's model: the base model's weights (zero for intents only the store has), fine-tuned on the shipped
     * examples and the store's own; trained afresh where there is no base (a language Parla ships nothing for).
     */
    public static MeaningModel fineTune(MeaningModel base, ExampleIndex shipped, ExampleIndex own) {
        if (base == null || shipped.size() == 0) {
            return train(shipped.plus(own));
        }
        TreeSet<String> all = new TreeSet<>(base.intents);
        for (int i = 0; i < own.size(); i++) {
            all.add(own.utterance(i).intent());
        }
        List<String> intents = List.copyOf(all);
        float[][] weights = new float[intents.size()][];
        for (int c = 0; c < intents.size(); c++) {
            int known = base.intents.indexOf(intents.get(c));
            weights[c] = known >= 0 ? base.weights[known].clone() : new float[SentenceEncoder.DIMENSIONS + 1];
        }
        int repeat = own.size() == 0 ? 0 : Math.max(1, (int) Math.round(OWN_SHARE * shipped.size() / own.size()));
        List<float[]> x = new ArrayList<>();
        List<Integer> y = new ArrayList<>();
        for (int i = 0; i < shipped.size(); i++) {
            x.add(shipped.vector(i));
            y.add(intents.indexOf(shipped.utterance(i).intent()));
        }
        for (int r = 0; r < repeat; r++) {
            for (int i = 0; i < own.size(); i++) {
                x.add(own.vector(i));
                y.add(intents.indexOf(own.utterance(i).intent()));
            }
        }
        adam(weights, x, y);
        return new MeaningModel(intents, weights);
    }

    /** Mini-batch gradient descent (Adam) on the cross-entropy, in an order fixed by the seed. */
    private static void adam(float[][] weights, List<float[]> x, List<Integer> y) {
        int classes = weights.length;
        int dims = weights[0].length;
        double[][] m = new double[classes][dims];
        double[][] v = new double[classes][dims];
        double[][] gradient = new double[classes][dims];
        double[] p = new double[classes];
        int[] order = new int[x.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Random random = new Random(SEED);
        int step = 0;
        for (int epoch = 0; epoch < TUNING_EPOCHS; epoch++) {
            for (int i = order.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            for (int start = 0; start < order.length; start += BATCH) {
                int end = Math.min(order.length, start + BATCH);
                for (double[] row : gradient) {
                    Arrays.fill(row, 0);
                }
                for (int b = start; b < end; b++) {
                    float[] xi = x.get(order[b]);
                    softmax(weights, xi, p);
                    p[y.get(order[b])] -= 1;
                    for (int c = 0; c < classes; c++) {
                        double[] g = gradient[c];
                        for (int d = 0; d < xi.length; d++) {
                            g[d] += p[c] * xi[d];
                        }
                        g[dims - 1] += p[c];
                    }
                }
                step++;
                double scale = 1.0 / (end - start);
                double first = 1 - Math.pow(0.9, step);
                double second = 1 - Math.pow(0.999, step);
                for (int c = 0; c < classes; c++) {
                    for (int d = 0; d < dims; d++) {
                        double g = gradient[c][d] * scale;
                        m[c][d] = 0.9 * m[c][d] + 0.1 * g;
                        v[c][d] = 0.999 * v[c][d] + 0.001 * g * g;
                        weights[c][d] -= (float) (TUNING_RATE * (m[c][d] / first) / (Math.sqrt(v[c][d] / second) + 1e-8));
                    }
                }
            }
        }
    }

    /** A base model: OpenNLP's L-BFGS on all examples, its weights then kept as a matrix. */
    public static MeaningModel train(ExampleIndex examples) {
        List<Event> events = new ArrayList<>(examples.size());
        for (int i = 0; i < examples.size(); i++) {
            events.add(new Event(examples.utterance(i).intent(), DIMENSIONS, examples.vector(i)));
        }
        if (events.stream().map(Event::getOutcome).distinct().count() < 2) {
            throw new IllegalArgumentException("training needs utterances of at least two intents");
        }
        TrainingParameters parameters = new TrainingParameters();
        parameters.put(TrainingParameters.ALGORITHM_PARAM, QNTrainer.MAXENT_QN_VALUE);
        parameters.put(TrainingParameters.ITERATIONS_PARAM, ITERATIONS);
        parameters.put(TrainingParameters.CUTOFF_PARAM, 0);
        parameters.put(QNTrainer.L2COST_PARAM, L2);
        parameters.put(QNTrainer.L1COST_PARAM, 0.0);
        parameters.put(QNTrainer.THREADS_PARAM, THREADS);
        parameters.put(AbstractEventTrainer.DATA_INDEXER_PARAM, AbstractEventTrainer.DATA_INDEXER_ONE_PASS_REAL_VALUE);
        EventTrainer trainer = TrainerFactory.getEventTrainer(parameters, null);
        try {
            return dense((AbstractModel) trainer.train(ObjectStreamUtils.createObjectStream(events)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** OpenNLP's weights, kept by feature, as one row per intent (no bias: OpenNLP's model has none). */
    private static MeaningModel dense(AbstractModel maxent) {
        List<String> intents = new ArrayList<>();
        for (int i = 0; i < maxent.getNumOutcomes(); i++) {
            intents.add(maxent.getOutcome(i));
        }
        @SuppressWarnings("unchecked")
        Map<String, Context> byFeature = (Map<String, Context>) maxent.getDataStructures()[1];
        float[][] weights = new float[intents.size()][SentenceEncoder.DIMENSIONS + 1];
        for (int d = 0; d < DIMENSIONS.length; d++) {
            Context context = byFeature.get(DIMENSIONS[d]);
            if (context != null) {
                for (int k = 0; k < context.getOutcomes().length; k++) {
                    weights[context.getOutcomes()[k]][d] = (float) context.getParameters()[k];
                }
            }
        }
        return new MeaningModel(intents, weights);
    }

    /** The probability of each intent, by the intent's index in {@link #intents()}. */
    double[] probabilities(float[] embedding) {
        double[] p = new double[weights.length];
        softmax(weights, embedding, p);
        return p;
    }

    List<String> intents() {
        return intents;
    }

    private static void softmax(float[][] w, float[] x, double[] p) {
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < w.length; c++) {
            float[] wc = w[c];
            double z = wc[x.length];
            for (int d = 0; d < x.length; d++) {
                z += wc[d] * x[d];
            }
            p[c] = z;
            max = Math.max(max, z);
        }
        double sum = 0;
        for (int c = 0; c < p.length; c++) {
            p[c] = Math.exp(p[c] - max);
            sum += p[c];
        }
        for (int c = 0; c < p.length; c++) {
            p[c] /= sum;
        }
    }

    public byte[] toBytes() {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
             DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(FORMAT);
            out.writeInt(intents.size());
            out.writeInt(weights[0].length);
            for (int c = 0; c < intents.size(); c++) {
                out.writeUTF(intents.get(c));
                for (float weight : weights[c]) {
                    out.writeFloat(weight);
                }
            }
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static MeaningModel read(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            int format = in.readInt();
            int classes = in.readInt();
            int dims = in.readInt();
            if (format != FORMAT || classes < 2 || classes > 10_000 || dims != SentenceEncoder.DIMENSIONS + 1) {
                throw new IOException("not a meaning model of format " + FORMAT);
            }
            List<String> intents = new ArrayList<>(classes);
            float[][] weights = new float[classes][dims];
            for (int c = 0; c < classes; c++) {
                intents.add(in.readUTF());
                for (int d = 0; d < dims; d++) {
                    weights[c][d] = in.readFloat();
                }
            }
            return new MeaningModel(intents, weights);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable meaning model", e);
        }
    }

    private static String[] dimensions() {
        String[] names = new String[SentenceEncoder.DIMENSIONS];
        for (int d = 0; d < names.length; d++) {
            names[d] = "e" + d;
        }
        return names;
    }
}
