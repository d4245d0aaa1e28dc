package com.parla.dialogue.control;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The words of a customer who cannot be where the parcel goes, or whom the courier cannot find, in English and
 * Italian: what makes the store offer to share their location with the courier.
 */
public final class CourierWords {

    private static final Pattern MEETING = Pattern.compile("\\b(?:can ?(?:no)?'?t find (?:me|my|the)"
            + "|could ?n[o']?t find (?:me|my)|won'?t be (?:at )?home|will not be (?:at )?home|not (?:be )?at home"
            + "|not home|held up|stuck|running late|late for|where is (?:the |my )?(?:courier|driver)"
            + "|meet (?:the |my )?(?:courier|driver)|share (?:my )?location|away from home|across town"
            + "|non mi trova|non trova (?:casa|l.indirizzo)|non (?:sono|saro|saremo) a casa|non ci (?:sono|saro)"
            + "|sono in ritardo|bloccat[oa]|dov.e il corriere|incontrare il corriere|fuori casa|condividere"
            + " la (?:mia )?posizione|dall.altra parte della citta)\\b");

    private CourierWords() {
    }

    /** Whether the customer says they cannot be met where the parcel goes (or the courier cannot find them). */
    public static boolean meetingWanted(String text) {
        return MEETING.matcher(plain(text)).find();
    }

    /** Lower case, accents off, curly apostrophes straight. */
    static String plain(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").replace('’', '\'')
                .toLowerCase(Locale.ROOT);
    }
}
