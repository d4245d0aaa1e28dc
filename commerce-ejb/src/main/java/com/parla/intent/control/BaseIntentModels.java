package com.parla.intent.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The base intent model of each language, trained from {@link IntentCorpus} and shipped beside it in
 * intents/{language}/: the model (base-model.bin), the corpus's sentence embeddings (examples.bin: the meaning
 * model's examples, and the cache that spares embedding an unchanged utterance again) and the version they were
 * trained as (base-model.version, a hash of the corpus and the settings). They are kept in the sources, so a build
 * trains nothing unless the corpus or the settings changed. Stores' own models extend the same corpus.
 */
public final class BaseIntentModels {

    /** Languages whose base model Parla ships. */
    public static final List<String> LANGUAGES = IntentCorpus.languages();

    private static final String MODEL = "base-model.bin";
    private static final String EXAMPLES = "examples.bin";
    private static final String VERSION = "base-model.version";

    private BaseIntentModels() {
    }

    public static Optional<IntentModel> load(String language) {
        String folder = "/intents/" + language + "/";
        try (InputStream model = BaseIntentModels.class.getResourceAsStream(folder + MODEL);
             InputStream examples = BaseIntentModels.class.getResourceAsStream(folder + EXAMPLES);
             InputStream version = BaseIntentModels.class.getResourceAsStream(folder + VERSION)) {
            if (model == null || examples == null || version == null) {
                return Optional.empty();
            }
            return Optional.of(IntentModel.read(model.readAllBytes(), language,
                    new String(version.readAllBytes(), StandardCharsets.UTF_8).strip(), ExampleIndex.read(examples)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The version the shipped corpus and today's settings give. */
    public static String currentVersion(String language) {
        return IntentModelTrainer.version(language, IntentCorpus.base(language));
    }

    /**
     * Trains the base model of {@code language} into {@code folder} (intents/{language}/ of the sources), unless
     * the model there is already the one the corpus and settings give; utterances embedded before are not
     * embedded again.
     *
     * @return the version written, or empty if the model was up to date
     */
    public static Optional<String> build(Path folder, String language, Supplier<SentenceEncoder> encoder)
            throws IOException {
        List<LabelledUtterance> corpus = IntentCorpus.base(language);
        String version = IntentModelTrainer.version(language, corpus);
        Path versionFile = folder.resolve(VERSION);
        Path examplesFile = folder.resolve(EXAMPLES);
        if (Files.exists(folder.resolve(MODEL)) && Files.exists(examplesFile) && Files.exists(versionFile)
                && Files.readString(versionFile).strip().equals(version)) {
            return Optional.empty();
        }
        ExampleIndex known = Files.exists(examplesFile) ? readOrEmpty(examplesFile) : ExampleIndex.empty();
        ExampleIndex examples = ExampleIndex.embed(corpus, encoder.get(), known);
        IntentModel model = IntentModelTrainer.train(language, examples);
        Files.createDirectories(folder);
        write(folder.resolve(MODEL), model.toBytes());
        write(examplesFile, examples.toBytes());
        Files.writeString(versionFile, model.version() + "\n");
        return Optional.of(model.version());
    }

    private static ExampleIndex readOrEmpty(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return ExampleIndex.read(in);
        } catch (IOException | RuntimeException e) {
            return ExampleIndex.empty(); // an older format: everything is embedded again
        }
    }

    private static void write(Path file, byte[] bytes) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(bytes);
        }
    }
}
