package com.parla.tools.intents;

import com.parla.intent.control.IntentClassifier;
import com.parla.intent.control.IntentClassifiers;
import com.parla.intent.control.IntentPrediction;
import com.parla.intent.control.LanguageIdentifier;
import com.parla.intent.control.SentenceEncoder;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * {@code ./parla intents classify}: reads utterances one per line on standard input and prints one intent label
 * per line, through the classifier and base model the platform runs. Options:
 * {@code --explain} adds tab-separated confidence, act/ask, language, model version and evidence;
 * {@code --languages=en,it} the store's languages, default first (default en);
 * {@code --threshold=0.5} the confidence from which an intent is acted on.
 */
public final class ClassifyCommand {

    private ClassifyCommand() {
    }

    public static void main(String[] args) throws IOException {
        boolean explain = false;
        List<String> languages = List.of("en");
        double threshold = IntentClassifiers.DEFAULT_THRESHOLD;
        for (String arg : args) {
            if (arg.equals("--explain")) {
                explain = true;
            } else if (arg.startsWith("--languages=")) {
                languages = List.of(arg.substring("--languages=".length()).split(","));
            } else if (arg.startsWith("--threshold=")) {
                threshold = Double.parseDouble(arg.substring("--threshold=".length()));
            } else {
                System.err.println("unknown option " + arg + " (--explain, --languages=en,it, --threshold=0.5)");
                System.exit(2);
            }
        }
        IntentClassifier classifier = IntentClassifiers.base(LanguageIdentifier.load(), SentenceEncoder.load(),
                threshold);
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            IntentPrediction p = classifier.classify(line, languages);
            out.println(explain ? explained(p) : p.intent());
        }
        out.flush();
    }

    private static String explained(IntentPrediction p) {
        return String.join("\t", p.intent(), String.format(Locale.ROOT, "%.3f", p.confidence()),
                p.confident() ? "act" : "ask", p.language(), p.decidedBy().name().toLowerCase(Locale.ROOT),
                p.modelVersion() == null ? "-" : p.modelVersion(), String.join("; ", p.evidence()),
                "like " + String.join("; ", p.similar()));
    }
}
