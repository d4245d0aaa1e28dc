package com.parla.dialogue.control;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * After-sales words in English and Italian: a rating typed instead of tapped ("4", "4 stars", "★★★★", "five"), asking
 * for one's discount codes, and wanting to send a purchase back.
 */
public final class AftercareWords {

    private static final Pattern STARS = Pattern.compile("^\\s*(★{1,9}|⭐{1,9})\\s*$");
    private static final Pattern NUMBER = Pattern.compile("^\\s*(?:i (?:give|rate)(?: it| them)?\\s+)?(-?\\d{1,3})"
            + "(?:\\s*(?:/\\s*5|stars?|stelle|stella|out of 5|su 5))?[.! ]*$");
    private static final Map<String, Integer> WORDS = Map.ofEntries(Map.entry("one", 1), Map.entry("two", 2),
            Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5), Map.entry("uno", 1),
            Map.entry("due", 2), Map.entry("tre", 3), Map.entry("quattro", 4), Map.entry("cinque", 5));
    private static final Pattern CODES = Pattern.compile("^(?:show |see )?(?:my |the )?(?:discount |promo )?codes?"
            + "(?: please)?\\??$|^(?:i )?(?:miei )?codici(?: sconto)?\\??$|^i miei codici(?: sconto)?\\??$");
    private static final Pattern RETURN = Pattern.compile("\\b(?:send (?:them|it|these|those|the \\w+) back"
            + "|return (?:them|it|these|those|my|the)|want (?:a|my) refund|give (?:them|it) back|make a return"
            + "|reso|fare il reso|restituir(?:e|li|le|lo|la)|rimandar(?:e|li|le|lo|la) indietro|voglio rendere"
            + "|rimborso)\\b");

    private AftercareWords() {
    }

    /**
     * The number of stars typed, as it was typed: 9 stays 9 (and is refused), so that a rating is never guessed;
     * empty when the text is not a rating at all.
     */
    public static Optional<Integer> stars(String text) {
        String plain = CourierWords.plain(text).strip();
        Matcher stars = STARS.matcher(text);
        if (stars.matches()) {
            return Optional.of(stars.group(1).codePointCount(0, stars.group(1).length()));
        }
        Matcher number = NUMBER.matcher(plain);
        if (number.matches()) {
            return Optional.of(Integer.parseInt(number.group(1)));
        }
        return Optional.ofNullable(WORDS.get(plain.replaceAll("[.! ]+$", "").replaceFirst(" stars?$", "")));
    }

    public static boolean asksForCodes(String text) {
        return CODES.matcher(CourierWords.plain(text).strip()).matches();
    }

    public static boolean wantsToReturn(String text) {
        return RETURN.matcher(CourierWords.plain(text)).find();
    }
}
