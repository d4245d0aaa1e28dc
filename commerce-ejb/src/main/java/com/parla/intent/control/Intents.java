package com.parla.intent.control;

import java.util.Set;
import java.util.regex.Pattern;

/** The labels with a meaning of their own outside any model. */
public final class Intents {

    /** A message whose intent is not known: empty, in a language no model reads, or below the threshold. */
    public static final String NONE = "none";
    /** STOP and the like: the customer withdraws consent to be messaged (a hard command, never guessed). */
    public static final String OPT_OUT = "opt_out";
    /** "BUY &lt;code&gt;": the customer buys the product a broadcast advertised under that code. */
    public static final String BUY = "buy";
    /** "LINK" / "LINK 123456": the customer joins the identity of another app to theirs, by a one-time code. */
    public static final String LINK_IDENTITY = "link_identity";

    /** The commerce intents Parla adds to Bitext's customer-service ones (Parla's own utterances teach them). */
    public static final Set<String> COMMERCE = Set.of("greeting", "product_search", "product_availability",
            "ask_advice", "buy", "reschedule_delivery", "share_location", OPT_OUT);

    private static final Pattern LABEL = Pattern.compile("[a-z][a-z0-9_]{1,63}");

    private Intents() {
    }

    /** Labels are lower-case snake case, as Bitext's are (track_order), so that stores' labels fit beside them. */
    public static boolean isWellFormed(String label) {
        return LABEL.matcher(label).matches();
    }
}
