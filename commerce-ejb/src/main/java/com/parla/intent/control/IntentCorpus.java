package com.parla.intent.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The labelled utterances Parla ships per language, CSV with columns utterance, intent. English: the Bitext
 * customer-service set (its 27 labels are a contract and kept as they are), Parla's own utterances of the
 * commerce intents Bitext lacks, and Parla's chat-style wordings of all intents. Italian: Parla's chat Italian of
 * all 35 intents.
 */
public final class IntentCorpus {

    public static final String BITEXT = "bitext-customer-service.csv";
    public static final String COMMERCE = "commerce-intents.csv";
    /** Chat-style wordings (short, casual, misspelt) of Bitext intents, which Bitext's own wording lacks. */
    public static final String CHAT = "chat-phrasings.csv";
    /** Many voices (short, rude, two sentences, emoji) for all intents, most for the pairs models confuse. */
    public static final String VOICES = "chat-voices.csv";
    public static final String ITALIAN = "chat-italiano.csv";

    private static final Map<String, List<String>> FILES = Map.of(
            "en", List.of(BITEXT, COMMERCE, CHAT, VOICES),
            "it", List.of(ITALIAN));

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setHeader().setSkipHeaderRecord(true).get();

    private IntentCorpus() {
    }

    /** Everything the base model of a language is trained on. */
    public static List<LabelledUtterance> base(String language) {
        List<LabelledUtterance> all = new ArrayList<>();
        for (String file : FILES.getOrDefault(language, List.of())) {
            all.addAll(bundled(language, file));
        }
        return all;
    }

    /** The languages Parla ships utterances (and a base model) for. */
    public static List<String> languages() {
        return FILES.keySet().stream().sorted().toList();
    }

    public static boolean hasBase(String language) {
        return FILES.containsKey(language);
    }

    public static List<LabelledUtterance> bundled(String language, String file) {
        String path = path(language, file);
        try (InputStream in = IntentCorpus.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no intent corpus " + path);
            }
            return read(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<LabelledUtterance> read(Reader csv) throws IOException {
        List<LabelledUtterance> utterances = new ArrayList<>();
        for (CSVRecord row : FORMAT.parse(csv)) {
            utterances.add(new LabelledUtterance(row.get("utterance"), row.get("intent")));
        }
        return utterances;
    }

    private static String path(String language, String file) {
        return "/intents/" + language + "/" + file;
    }
}
