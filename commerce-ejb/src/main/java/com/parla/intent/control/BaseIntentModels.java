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

/**
 * The base intent model of each language, trained from {@link IntentCorpus} when Parla is built and shipped
 * beside it (intents/{language}/base-model.bin, its version in base-model.version). Stores' own models extend
 * the same corpus with their examples.
 */
public final class BaseIntentModels {

    /** Languages whose base model Parla builds. */
    public static final List<String> LANGUAGES = List.of("en");

    private static final String MODEL = "base-model.bin";
    private static final String VERSION = "base-model.version";

    private BaseIntentModels() {
    }

    public static Optional<IntentModel> load(String language) {
        String folder = "/intents/" + language + "/";
        try (InputStream model = BaseIntentModels.class.getResourceAsStream(folder + MODEL);
             InputStream version = BaseIntentModels.class.getResourceAsStream(folder + VERSION)) {
            if (model == null || version == null) {
                return Optional.empty();
            }
            return Optional.of(IntentModel.read(model, language,
                    new String(version.readAllBytes(), StandardCharsets.UTF_8).strip()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Trains the base model of {@code language} into {@code classes}/intents/{language}/, unless the model there
     * is already the one the corpus gives.
     *
     * @return the version written, or empty if the model was up to date
     */
    public static Optional<String> build(Path classes, String language) throws IOException {
        List<LabelledUtterance> corpus = IntentCorpus.base(language);
        String version = IntentModelTrainer.version(language, corpus);
        Path folder = Files.createDirectories(classes.resolve("intents").resolve(language));
        Path versionFile = folder.resolve(VERSION);
        if (Files.exists(folder.resolve(MODEL)) && Files.exists(versionFile)
                && Files.readString(versionFile).strip().equals(version)) {
            return Optional.empty();
        }
        IntentModel model = IntentModelTrainer.train(language, corpus);
        try (OutputStream out = Files.newOutputStream(folder.resolve(MODEL))) {
            out.write(model.toBytes());
        }
        Files.writeString(versionFile, model.version() + "\n");
        return Optional.of(model.version());
    }
}
