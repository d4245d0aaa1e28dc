package com.parla.dialogue.control;

import com.parla.connector.api.Channel;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The bot's words in one language: a store's own wording where it has some, else the shipped bundle ({@code
 * dialogue/messages_<language>.properties}, English and Italian); prices in the store's currency and dates as
 * people of that language write them. Where the customer types their choices instead of tapping them (WeChat's
 * numbered lines), a key's {@code .numbered} text says so, if it has one.
 */
public final class Texts {

    public static final String FALLBACK = "en";
    private static final Map<String, ResourceBundle> BUNDLES = new ConcurrentHashMap<>();

    private final String language;
    private final Locale locale;
    private final ResourceBundle bundle;
    private final Map<String, String> storeWording;
    private final boolean numberedLines;

    private Texts(String language, Map<String, String> storeWording, boolean numberedLines) {
        this.language = language;
        this.storeWording = storeWording;
        this.numberedLines = numberedLines;
        this.locale = Locale.forLanguageTag("it".equals(language) ? "it-IT" : "en-IE");
        this.bundle = BUNDLES.computeIfAbsent(language, l -> ResourceBundle.getBundle("dialogue.messages",
                Locale.forLanguageTag(l), Texts.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
    }

    /** The texts of a language Parla speaks; any other is English. */
    public static Texts of(String language) {
        return of(language, Map.of());
    }

    /** @param storeWording the store's own text of some keys, in that language */
    public static Texts of(String language, Map<String, String> storeWording) {
        return new Texts(speaks(language) ? language : FALLBACK, storeWording, false);
    }

    /** These texts as the channel's customers answer: typing the number of a line where there are no buttons. */
    public Texts on(Channel channel) {
        boolean numbered = channel == Channel.WECHAT; // msgmenu is for verified accounts only
        return numbered == numberedLines ? this : new Texts(language, storeWording, numbered);
    }

    /** The keys of the shipped texts. */
    public java.util.Set<String> keys() {
        return bundle.keySet();
    }

    /** The shipped text of a key, without the store's wording; empty if there is no such key. */
    public java.util.Optional<String> shipped(String key) {
        return bundle.containsKey(key) ? java.util.Optional.of(bundle.getString(key)) : java.util.Optional.empty();
    }

    public static boolean speaks(String language) {
        return "en".equals(language) || "it".equals(language);
    }

    /** Whether the customer answers choices by typing the number of a line instead of tapping them. */
    public boolean numberedLines() {
        return numberedLines;
    }

    public String language() {
        return language;
    }

    /** The text of {@code key} with each {@code {name}} replaced: arguments come in name, value pairs. */
    public String get(String key, Object... namesAndValues) {
        String text = numberedLines ? own(key + ".numbered") : null;
        if (text == null) {
            text = own(key);
        }
        if (text == null) {
            throw new IllegalArgumentException("no text " + key + " in " + language);
        }
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            text = text.replace("{" + namesAndValues[i] + "}", String.valueOf(namesAndValues[i + 1]));
        }
        return text;
    }

    /** The store's wording of the key, else the shipped text; null if neither has it. */
    private String own(String key) {
        String text = storeWording.get(key);
        return text != null ? text : bundle.containsKey(key) ? bundle.getString(key) : null;
    }

    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    public String money(BigDecimal amount, String currency) {
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(Currency.getInstance(currency));
        return format.format(amount);
    }

    /** "Friday", "venerdì". */
    public String weekday(LocalDate date) {
        return DateTimeFormatter.ofPattern("EEEE", locale).format(date);
    }

    public String date(LocalDate date) {
        return DateTimeFormatter.ofPattern(get("date.pattern"), locale).format(date);
    }

    /** "10 Dec", "10 dic": where the whole date does not fit (a button's 20 characters). */
    public String shortDate(LocalDate date) {
        return DateTimeFormatter.ofPattern("d MMM", locale).format(date);
    }
}
