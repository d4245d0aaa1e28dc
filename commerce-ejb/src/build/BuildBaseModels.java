import com.parla.intent.control.BaseIntentModels;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Run by the build (process-classes), with the JDK's source launcher: trains the base intent models into the
 * module's classes, which ship them. A build step only: it is compiled by no module and deployed nowhere.
 */
public final class BuildBaseModels {

    private BuildBaseModels() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: BuildBaseModels <classes directory>");
        }
        for (String language : BaseIntentModels.LANGUAGES) {
            long start = System.nanoTime();
            Optional<String> trained = BaseIntentModels.build(Path.of(args[0]), language);
            System.out.println(trained.map(version -> String.format("[parla] intent model %s trained in %.1f s",
                            version, (System.nanoTime() - start) / 1e9))
                    .orElse("[parla] intent model of " + language + " is up to date"));
        }
    }
}
