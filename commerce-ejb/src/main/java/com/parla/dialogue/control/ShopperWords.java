package com.parla.dialogue.control;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a shopper's words say beyond their intent, in English and Italian: the size asked for ("in a 38", "taglia
 * M"), whether they mean the product just shown ("these", "it", "quelle"), yes or no, and the few words that are
 * commands of the chat itself (the cart, checkout, thanks).
 */
public final class ShopperWords {

    private static final Pattern SIZE = Pattern.compile(
            "(?:\\b(?:size|sz|in|in an?|taglia|tg|numero|n\\.?|nel|nella|una|un|a|the)\\s+)"
                    + "(3[3-9]|4[0-6]|xxs|xs|s|m|l|xl|xxl)\\b(?:\\s*(?:eu|it))?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern BARE_SHOE_SIZE = Pattern.compile("\\b(3[4-9]|4[0-3])(?:[.,]5)?\\b");
    private static final Pattern REFERS_BACK = Pattern.compile(
            "\\b(these|those|them|they|it|this one|that one|the same|quest[ie]|quell[ie]|li|le|lo|la stessa)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Set<String> YES = Set.of("yes", "y", "yeah", "yep", "sure", "ok", "okay", "please",
            "yes please", "of course", "si", "sì", "certo", "va bene", "ok grazie", "si grazie", "sì grazie", "👍");
    private static final Set<String> NO = Set.of("no", "n", "nope", "no thanks", "no thank you", "not now",
            "no grazie", "non ora", "👎");
    private static final Pattern THANKS = Pattern.compile(
            "^(thanks?( you)?( so much| a lot)?|thx|ty|cheers|grazie( mille)?|ti ringrazio)[.! ]*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CART = Pattern.compile(
            "^(?:(?:show|see|view|open)\\s+)?(?:my\\s+)?(?:cart|basket|bag contents)\\??$|^(?:il\\s+)?(?:mio\\s+)?carrello\\??$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CHECKOUT = Pattern.compile(
            "^(?:checkout|check out|pay|pay now|i want to pay|go to checkout|paga|pagare|vorrei pagare|cassa|completa l.ordine)[.! ]*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern OPT_IN = Pattern.compile("^(?:start|unstop|subscribe|iscrivimi|riattiva)[.! ]*$",
            Pattern.CASE_INSENSITIVE);

    private ShopperWords() {
    }

    /** The size named in the text, as the catalog writes it ("38", "M"). */
    public static Optional<String> size(String text) {
        Matcher named = SIZE.matcher(text);
        if (named.find()) {
            return Optional.of(named.group(1).toUpperCase(Locale.ROOT));
        }
        Matcher bare = BARE_SHOE_SIZE.matcher(text);
        return bare.find() ? Optional.of(bare.group(1)) : Optional.empty();
    }

    /** The text without the size phrase: what is left is searched. */
    public static String withoutSize(String text) {
        return SIZE.matcher(text).replaceAll(" ").replaceAll("\\s+", " ").replaceAll(" ([?!.,])", "$1").strip();
    }

    /** Whether the text points back at the product just shown rather than naming one. */
    public static boolean refersBack(String text) {
        return REFERS_BACK.matcher(text).find();
    }

    public static boolean yes(String text) {
        return YES.contains(bare(text));
    }

    public static boolean no(String text) {
        return NO.contains(bare(text));
    }

    public static boolean thanks(String text) {
        return THANKS.matcher(text.strip()).matches();
    }

    public static boolean cart(String text) {
        return CART.matcher(text.strip()).matches();
    }

    public static boolean checkout(String text) {
        return CHECKOUT.matcher(text.strip()).matches();
    }

    public static boolean optIn(String text) {
        return OPT_IN.matcher(text.strip()).matches();
    }

    private static String bare(String text) {
        return text.strip().toLowerCase(Locale.ROOT).replaceAll("[.!]+$", "").replaceAll("\\s+", " ");
    }
}
