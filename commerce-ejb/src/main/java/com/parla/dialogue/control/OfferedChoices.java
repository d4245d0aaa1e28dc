package com.parla.dialogue.control;

import com.parla.connector.api.OutboundMessage.Choice;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The choices last shown to a customer, remembered so that typing works as well as tapping: "2" picks the second,
 * "the black one" or "38" picks the one whose title says it. On WeChat, where choices are numbered text, typing is
 * the only way.
 */
public final class OfferedChoices {

    private static final int MAX_STORED = 3900;

    private OfferedChoices() {
    }

    /** One line per choice: id, tab, title. */
    public static String remember(List<Choice> choices) {
        StringBuilder lines = new StringBuilder();
        for (Choice c : choices) {
            String line = c.id() + "\t" + c.title().replace('\n', ' ').replace('\t', ' ') + "\n";
            if (lines.length() + line.length() > MAX_STORED) {
                break;
            }
            lines.append(line);
        }
        return lines.toString();
    }

    public static List<Choice> recall(String remembered) {
        List<Choice> choices = new ArrayList<>();
        if (remembered == null) {
            return choices;
        }
        for (String line : remembered.split("\n")) {
            int tab = line.indexOf('\t');
            if (tab > 0) {
                choices.add(new Choice(line.substring(0, tab), line.substring(tab + 1), null));
            }
        }
        return choices;
    }

    /**
     * The choice a typed message picks: its number, its whole title, or words that are in one title only. A long
     * message is a new request, not a pick.
     */
    public static Optional<Choice> picked(String typed, List<Choice> choices) {
        String text = fold(typed);
        if (text.isEmpty() || choices.isEmpty() || text.split(" ").length > 6) {
            return Optional.empty();
        }
        String number = text.replaceAll("^(n(o|r|um(ber|ero)?)?\\.?\\s*|#)", "").replaceAll("[.)]$", "");
        if (number.matches("[0-9]{1,2}")) {
            int n = Integer.parseInt(number);
            // a number that is also a title ("38" among sizes) is that title, not the 38th choice
            Optional<Choice> titled = choices.stream().filter(c -> fold(c.title()).equals(number)).findFirst();
            if (titled.isPresent()) {
                return titled;
            }
            return n >= 1 && n <= choices.size() ? Optional.of(choices.get(n - 1)) : Optional.empty();
        }
        Optional<Choice> exact = choices.stream().filter(c -> fold(c.title()).equals(text)).findFirst();
        if (exact.isPresent()) {
            return exact;
        }
        List<Choice> containing = choices.stream().filter(c -> matchesWords(text, fold(c.title()))).toList();
        return containing.size() == 1 ? Optional.of(containing.get(0)) : Optional.empty();
    }

    /** Every word of at least three letters typed begins a word of the title ("fri" and "friday" fit "Fri 5 Dec"). */
    private static boolean matchesWords(String typed, String title) {
        List<String> titleWords = List.of(title.split(" "));
        boolean any = false;
        for (String word : typed.split(" ")) {
            if (word.length() < 3) {
                continue;
            }
            any = true;
            boolean found = titleWords.stream().anyMatch(t -> t.length() >= 3
                    && (word.startsWith(t) || t.startsWith(word)));
            if (!found) {
                return false;
            }
        }
        return any;
    }

    static String fold(String text) {
        if (text == null) {
            return "";
        }
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}#.)]+", " ").strip();
        return folded.replaceAll("\\s+", " ");
    }
}
