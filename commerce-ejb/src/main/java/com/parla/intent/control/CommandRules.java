package com.parla.intent.control;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hard commands, recognised by rule and never left to a model: a customer who writes STOP must never be
 * messaged again because a model was 60% sure, and "BUY A12" names a product exactly (a code has a digit, so
 * "buy this" stays a sentence for the model).
 */
public final class CommandRules {

    /** Whole-message opt-out words used by WhatsApp and SMS marketing, in the stores' languages. */
    private static final Set<String> OPT_OUT = Set.of(
            "stop", "stop all", "stopall", "unsubscribe", "opt out", "optout", "/stop", "end", "quit",
            "basta", "disiscriviti", "disiscrivimi", "退订", "td");
    private static final Set<String> GREETING = Set.of("/start");
    /** LINK asks for a code to use on the other app; LINK and the code, sent there, joins the two. */
    private static final Pattern LINK = Pattern.compile("/?(?:link|collega|关联)(?:\\s*[:#]?\\s*([0-9](?: ?[0-9]){3,9}))?");
    private static final Pattern BUY = Pattern.compile(
            "(?:buy|compra|购买)(?:(?:\\s+|\\s*[:#]\\s*)(?=[a-z0-9-]{1,24}$)|(?=[a-z0-9-]{4,24}$))"
                    + "([a-z-]*[0-9][a-z0-9-]*)");

    private CommandRules() {
    }

    public static Optional<Command> match(String text) {
        String message = Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
        String bare = message.toLowerCase(Locale.ROOT).replaceAll("[\\s!.。！]+$", "").replaceAll("\\s+", " ");
        if (OPT_OUT.contains(bare)) {
            return Optional.of(new Command(Intents.OPT_OUT, null));
        }
        if (GREETING.contains(bare)) {
            return Optional.of(new Command("greeting", null));
        }
        Matcher link = LINK.matcher(bare);
        if (link.matches()) {
            return Optional.of(new Command(Intents.LINK_IDENTITY,
                    link.group(1) == null ? null : link.group(1).replace(" ", "")));
        }
        Matcher buy = BUY.matcher(bare);
        if (buy.matches()) {
            return Optional.of(new Command(Intents.BUY, buy.group(1).toUpperCase(Locale.ROOT)));
        }
        return Optional.empty();
    }

    /** A recognised command; {@code argument} is the product code of BUY or the code of LINK, otherwise null. */
    public record Command(String intent, String argument) {
    }
}
