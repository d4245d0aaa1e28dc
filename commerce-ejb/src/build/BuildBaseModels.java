import com.parla.intent.control.BaseIntentModels;
import com.parla.intent.control.SentenceEncoder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Run by the build (process-classes), with the JDK's source launcher: checks that the base intent models kept in
 * the sources are the ones the corpus and settings give, and trains those that are not (into the sources, to be
 * committed, and into the module's classes). A build step only: compiled by no module and deployed nowhere.
 */
public final class BuildBaseModels {

    private BuildBaseModels() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: BuildBaseModels <resources directory> <classes directory>");
        }
        Supplier<SentenceEncoder> encoder = new Supplier<>() {
            private SentenceEncoder loaded;

            @Override
            public SentenceEncoder get() {
                if (loaded == null) {
                    loaded = SentenceEncoder.load();
                }
                return loaded;
            }
        };
        for (String language : BaseIntentModels.LANGUAGES) {
            long start = System.nanoTime();
            Path sources = Path.of(args[0], "intents", language);
            Optional<String> trained = BaseIntentModels.build(sources, language, encoder);
            if (trained.isPresent()) {
                Path classes = Files.createDirectories(Path.of(args[1], "intents", language));
                try (var files = Files.list(sources)) {
                    for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".bin")
                            || f.getFileName().toString().endsWith(".version")).toList()) {
                        Files.copy(file, classes.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            System.out.println(trained.map(version -> String.format("[parla] intent model %s trained in %.1f s;"
                            + " commit %s", version, (System.nanoTime() - start) / 1e9, sources))
                    .orElse("[parla] intent model of " + language + " is up to date"));
        }
    }
}
