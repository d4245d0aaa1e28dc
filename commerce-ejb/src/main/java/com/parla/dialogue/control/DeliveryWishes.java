package com.parla.dialogue.control;

import com.parla.dialogue.control.DeliveryWish.PartOfDay;
import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The delivery day a customer asks for in their own words, English or Italian, so that "can they come on Friday
 * instead?" moves a delivery without a menu. Everything is read relative to the customer's today in the store's
 * time zone; case, accents, punctuation and emoji do not matter, and words count only whole.
 *
 * <p>What is understood:
 * <ul>
 * <li>Relative days: today/oggi, tomorrow/domani (and tmrw, tomorow, tommorow, one-letter typos of "tomorrow"),
 * the day after tomorrow/dopodomani, "in 3 days", "tra tre giorni", "in a week", "fra due settimane" (numbers up to
 * ten also as words). "Tonight"/"stasera", "this morning"/"stamattina" are today; "domattina" is tomorrow.</li>
 * <li>Weekdays in both languages, full, abbreviated (mon, tues, thurs, lun, mer, gio, ...) or with one typo in a
 * name of six letters or more, a swap of two neighbouring letters counting as one ("wendesday", "venrdì"). A
 * weekday is the next such day strictly after today: on a Friday, "Friday" is a week later. "This Friday" and
 * "next Friday" ("venerdì prossimo") are read the same way, because people mean both by both; a weekday together
 * with "next week" is that weekday in the coming Monday-to-Sunday week. "Mar" is Tuesday unless a day number sits
 * next to it (then it is March); "sun", "sat" and "wed" do not count after "the" or a pronoun ("in the sun").</li>
 * <li>Dates, day before month: "12/12", "12.12", "12-12", "12/12/2026", ISO "2026-12-12", "12 December", "Dec 12",
 * "the 12th of December", "12 dic". A day and month without a year fall this year when not yet past, else next
 * year; a day of the month alone ("the 12th", "il 12", "12th") is the next date on or after today with that number,
 * skipping months without it. A date that does not exist (31/11, 30 febbraio) makes the whole reading empty, so
 * the customer is asked again rather than sent something else. An explicit year in the past is returned as read.
 * A bare number is never a date ("size 38", "I am 38"); it needs "the", "on", "il", "dal", an ordinal ending, a
 * month or a weekday next to it, and is not a date when it counts something ("the 2 pairs", "in 2-3 days").</li>
 * <li>A first acceptable day rather than a day: "not before X", "no earlier than X", "from X (on)", "starting X",
 * "X or later", "non prima di/del X", "dal 12", "da venerdì", "a partire da lunedì", "dal 12 in poi" give X;
 * "after X" and "dopo X" give the day after X ("after the weekend": the Monday, "after next week": the Monday
 * after it), while "not after X"/"no later than X"/"non dopo X" are read as X itself. "Next week", "la settimana
 * prossima" give the coming Monday as the first day. "Weekend", "nel weekend", "fine settimana" is the next
 * Saturday strictly after today, as a weekday would be.</li>
 * <li>Parts of the day: morning, a.m., early, mattina, mattino, in mattinata are MORNING; afternoon, p.m., after
 * lunch, pomeriggio, dopo pranzo are AFTERNOON; evening, tonight, after dinner/work, sera, stasera, dopo cena are
 * EVENING; a clock time does the same ("10am", "after 6pm" is EVENING, "alle 15"). Two different parts ("morning
 * or afternoon") are ANY. Greetings ("good evening", "buonasera") are not parts of the day. A part of the day with
 * no day at all ("in the afternoon") is read as a first acceptable day of today with that part: a delivery that
 * has been planned cannot be moved into the past, and the next afternoon that can still be served is wanted.</li>
 * <li>The day being replaced is left out: "Friday instead of Monday", "invece di lunedì", "not Monday", "non
 * lunedì", and "move it from Monday to Friday" (with a verb of change; without one, "dal 12 al 15" is a range from
 * the 12th). "Instead"/"invece" alone and filler words change nothing. Of the days left, the first written
 * explicit date wins, else the first day named.</li>
 * </ul>
 * Not understood: ordinal words ("the twelfth", "il primo"), "next month", "this week", US month-first dates,
 * "any day but Monday" (read as nothing: the only day named is the one refused) and a refusal without a marker
 * ("Monday doesn't work, Friday?" reads Monday).
 */
public final class DeliveryWishes {

    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("january", 1), Map.entry("jan", 1), Map.entry("gennaio", 1), Map.entry("gen", 1),
            Map.entry("february", 2), Map.entry("feb", 2), Map.entry("febbraio", 2),
            Map.entry("march", 3), Map.entry("mar", 3), Map.entry("marzo", 3),
            Map.entry("april", 4), Map.entry("apr", 4), Map.entry("aprile", 4),
            Map.entry("may", 5), Map.entry("maggio", 5), Map.entry("mag", 5),
            Map.entry("june", 6), Map.entry("jun", 6), Map.entry("giugno", 6), Map.entry("giu", 6),
            Map.entry("july", 7), Map.entry("jul", 7), Map.entry("luglio", 7), Map.entry("lug", 7),
            Map.entry("august", 8), Map.entry("aug", 8), Map.entry("agosto", 8), Map.entry("ago", 8),
            Map.entry("september", 9), Map.entry("sept", 9), Map.entry("sep", 9), Map.entry("settembre", 9),
            Map.entry("set", 9),
            Map.entry("october", 10), Map.entry("oct", 10), Map.entry("ottobre", 10), Map.entry("ott", 10),
            Map.entry("november", 11), Map.entry("nov", 11), Map.entry("novembre", 11),
            Map.entry("december", 12), Map.entry("dec", 12), Map.entry("dicembre", 12), Map.entry("dic", 12));
    /** Full weekday names, the only ones a typo is forgiven in. */
    private static final Map<String, DayOfWeek> WEEKDAYS = Map.ofEntries(
            Map.entry("monday", DayOfWeek.MONDAY), Map.entry("lunedi", DayOfWeek.MONDAY),
            Map.entry("tuesday", DayOfWeek.TUESDAY), Map.entry("martedi", DayOfWeek.TUESDAY),
            Map.entry("wednesday", DayOfWeek.WEDNESDAY), Map.entry("mercoledi", DayOfWeek.WEDNESDAY),
            Map.entry("thursday", DayOfWeek.THURSDAY), Map.entry("giovedi", DayOfWeek.THURSDAY),
            Map.entry("friday", DayOfWeek.FRIDAY), Map.entry("venerdi", DayOfWeek.FRIDAY),
            Map.entry("saturday", DayOfWeek.SATURDAY), Map.entry("sabato", DayOfWeek.SATURDAY),
            Map.entry("sunday", DayOfWeek.SUNDAY), Map.entry("domenica", DayOfWeek.SUNDAY));
    private static final Map<String, DayOfWeek> WEEKDAY_ABBREVIATIONS = Map.ofEntries(
            Map.entry("mon", DayOfWeek.MONDAY), Map.entry("lun", DayOfWeek.MONDAY),
            Map.entry("tue", DayOfWeek.TUESDAY), Map.entry("tues", DayOfWeek.TUESDAY),
            Map.entry("mar", DayOfWeek.TUESDAY),
            Map.entry("wed", DayOfWeek.WEDNESDAY), Map.entry("weds", DayOfWeek.WEDNESDAY),
            Map.entry("mer", DayOfWeek.WEDNESDAY),
            Map.entry("thu", DayOfWeek.THURSDAY), Map.entry("thur", DayOfWeek.THURSDAY),
            Map.entry("thurs", DayOfWeek.THURSDAY), Map.entry("gio", DayOfWeek.THURSDAY),
            Map.entry("fri", DayOfWeek.FRIDAY), Map.entry("ven", DayOfWeek.FRIDAY),
            Map.entry("sat", DayOfWeek.SATURDAY), Map.entry("sab", DayOfWeek.SATURDAY),
            Map.entry("sun", DayOfWeek.SUNDAY), Map.entry("dom", DayOfWeek.SUNDAY));
    /** Abbreviations that are also everyday English words, and the words that make them those. */
    private static final Set<String> AMBIGUOUS_ABBREVIATIONS = Set.of("sun", "sat", "wed");
    private static final Set<String> NOT_BEFORE_A_WEEKDAY = Set.of("the", "a", "i", "we", "you", "they", "he",
            "she", "it", "was", "were", "got", "in");
    /** Real words one edit away from a weekday name. */
    private static final Set<String> NOT_TYPOS = Set.of("sundae", "sundry", "frida", "domenico");
    private static final Map<String, Integer> NUMBER_WORDS = Map.ofEntries(
            Map.entry("one", 1), Map.entry("a", 1), Map.entry("an", 1), Map.entry("uno", 1), Map.entry("un", 1),
            Map.entry("una", 1), Map.entry("two", 2), Map.entry("due", 2), Map.entry("a couple of", 2),
            Map.entry("couple of", 2), Map.entry("un paio di", 2), Map.entry("three", 3), Map.entry("tre", 3),
            Map.entry("four", 4), Map.entry("quattro", 4), Map.entry("five", 5), Map.entry("cinque", 5),
            Map.entry("six", 6), Map.entry("sei", 6), Map.entry("seven", 7), Map.entry("sette", 7),
            Map.entry("eight", 8), Map.entry("otto", 8), Map.entry("nine", 9), Map.entry("nove", 9),
            Map.entry("ten", 10), Map.entry("dieci", 10));
    /** Words after a number that say it counts something rather than names a day. */
    private static final Set<String> COUNTED = Set.of("percent", "euro", "eur", "euros", "dollars", "pounds",
            "pair", "pairs", "paio", "paia", "piece", "pieces", "pezzo", "pezzi", "item", "items", "articoli",
            "day", "days", "giorno", "giorni", "week", "weeks", "settimana", "settimane", "size", "sizes", "taglia",
            "taglie", "times", "volte", "hours", "ore", "minutes", "minuti", "years", "anni", "cm", "mm", "kg");
    /** Words before a number that say it is an amount or a code. */
    private static final Set<String> AMOUNT_BEFORE = Set.of("euro", "eur", "dollars", "pounds", "size", "sz",
            "taglia", "tg", "numero", "n", "nr", "no", "order", "ordine", "number", "code", "codice");
    /** Words before a bare number that make it a day of the month: "the 12", "il 12", "dal 12", "l'8". */
    private static final Set<String> DAY_NUMBER_BEFORE = Set.of("the", "on", "day", "il", "l", "dal", "dall", "del",
            "dell", "al", "sul", "giorno");

    private static final String MONTH_NAMES = alternatives(MONTHS.keySet());
    private static final String WEEKDAY_NAMES = alternatives(concat(WEEKDAYS.keySet(),
            WEEKDAY_ABBREVIATIONS.keySet()));
    private static final String NUMBER_NAMES = alternatives(NUMBER_WORDS.keySet());
    private static final String TOMORROW_WORDS = "tomorrow|tomorow|tommorow|tommorrow|tomorro|tmrw|tmrrw|tmr"
            + "|2morrow|2morow|2moro|domani";
    private static final String NO_MORE_NUMBER = "(?![a-z\\d]|[/.:-]\\d)";

    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern ACCENTS = Pattern.compile("\\p{M}+");
    private static final Pattern C_MON = Pattern.compile("\\bc'mon\\b");
    private static final Pattern ANTE_MERIDIEM = Pattern.compile("\\ba\\.\\s?m\\b\\.?");
    private static final Pattern POST_MERIDIEM = Pattern.compile("\\bp\\.\\s?m\\b\\.?");
    private static final Pattern UNREAD_CHARACTER = Pattern.compile("[^a-z0-9_/.:\\-\\s]");
    /** A separator kept only between digits, where it is part of a date or a time. */
    private static final Pattern LOOSE_SEPARATOR = Pattern.compile("(?<!\\d)[/.:-]|[/.:-](?!\\d)");
    private static final Pattern GREETING = Pattern.compile("\\b(?:(?:good|nice|lovely)\\s+(?:morning|afternoon|"
            + "evening|night)|buon\\s*giorno|buona\\s*(?:sera|serata|notte|giornata)|buon\\s*pomeriggio)\\b");

    private static final Pattern CLOCK_12 = Pattern.compile("\\b(\\d{1,2})(?:[:.]\\d{2})?\\s*(am|a_m|pm)\\b");
    private static final Pattern CLOCK_24 = Pattern.compile(
            "\\b(?:alle|dalle|verso le|dopo le|entro le|prima delle|le ore|ore)\\s+(\\d{1,2})(?:[:.]\\d{2})?\\b");
    private static final Pattern ISO_DATE = Pattern.compile(
            "(?<![\\d/.:-])(\\d{4})([-/.])(\\d{1,2})\\2(\\d{1,2})" + NO_MORE_NUMBER);
    private static final Pattern NUMERIC_DATE = Pattern.compile(
            "(?<![\\d/.:-])(\\d{1,2})([/.-])(\\d{1,2})(?:\\2(\\d{4}|\\d{2}))?" + NO_MORE_NUMBER);
    private static final Pattern DAY_MONTH = Pattern.compile("(?<![\\d/.:-])(\\d{1,2})(?:st|nd|rd|th)?\\s+"
            + "(?:of\\s+|di\\s+)?(" + MONTH_NAMES + ")\\b(?:\\s+(\\d{4})\\b)?");
    private static final Pattern MONTH_DAY = Pattern.compile("\\b(" + MONTH_NAMES + ")\\s+(?:the\\s+)?(\\d{1,2})"
            + "(?:st|nd|rd|th)?" + NO_MORE_NUMBER + "(?:\\s+(\\d{4})\\b)?");
    private static final Pattern WEEKDAY_DAY = Pattern.compile("\\b(?:" + WEEKDAY_NAMES + ")\\s+(?:the\\s+|il\\s+)?"
            + "(\\d{1,2})(?:st|nd|rd|th)?" + NO_MORE_NUMBER);
    private static final Pattern DAY_NUMBER = Pattern.compile(
            "(?<![a-z\\d/.:-])(\\d{1,2})(st|nd|rd|th)?" + NO_MORE_NUMBER);
    private static final Pattern DAY_AFTER_TOMORROW = Pattern.compile(
            "\\b(?:(?:the\\s+)?day\\s+after\\s+(?:" + TOMORROW_WORDS + ")|dopo\\s*domani)\\b");
    private static final Pattern IN_SOME_DAYS = Pattern.compile("\\b(?:in|tra|fra)\\s+(\\d{1,2}|" + NUMBER_NAMES
            + ")\\s+(days?|giorni|giorno|weeks?|settimane|settimana)\\b(?:\\s+time\\b)?"
            + "|\\b(\\d{1,2}|" + NUMBER_NAMES + ")\\s+(days?|weeks?)\\s+from\\s+(?:now|today)\\b");
    private static final Pattern TOMORROW = Pattern.compile("\\b(?:" + TOMORROW_WORDS + "|domattina)\\b");
    private static final Pattern TODAY = Pattern.compile("\\b(?:today|oggi|tonight|tonite|stasera|stanotte"
            + "|stamattina|stamani|stamane|this\\s+(?:morning|afternoon|evening))\\b");
    private static final Pattern WEEKEND = Pattern.compile("\\b(?:week\\s*ends?|fine\\s*settimana)\\b");
    private static final Pattern NEXT_WEEK = Pattern.compile("\\b(?:next\\s+week|the\\s+following\\s+week"
            + "|(?:la\\s+)?settimana\\s+prossima|(?:la\\s+)?prossima\\s+settimana|settimana\\s+che\\s+viene)\\b");
    private static final Pattern WORD = Pattern.compile("[a-z_]+");

    private static final Pattern MORNING = Pattern.compile("\\b(?:mornings?|a_m|mattin[ao]|mattinata|stamattina"
            + "|stamani|stamane|domattina|early(?!\\s+(?:next|this|week|afternoon|evening|in the (?:week|afternoon"
            + "|evening))\\b))\\b");
    private static final Pattern AFTERNOON = Pattern.compile(
            "\\b(?:afternoons?|pm|after lunch(?:time)?|pomeriggio|dopo\\s*pranzo)\\b");
    private static final Pattern EVENING = Pattern.compile("\\b(?:evenings?|tonight|tonite|sera|serata|stasera"
            + "|after (?:dinner|work)|dopo (?:cena|il lavoro))\\b");

    /** Filler between a qualifying word and the day: "from the", "non prima di", "dopo il". */
    private static final Pattern TRAILING_FILLER = Pattern.compile("(?:^|\\s)(?:the|on|in|at|of|for|to|a|any|day"
            + "|il|lo|la|l|le|di|del|della|dello|dell|nel|nella|per|this|next|coming|upcoming|questo|questa"
            + "|prossimo|prossima)$");
    private static final Pattern REPLACED_BEFORE = Pattern.compile("(?:^|\\s)(?:instead of|rather than"
            + "|in place of|not|but not|except|apart from|invece di|invece del|invece della|invece dello"
            + "|invece dell|invece che|anziche|al posto di|al posto del|al posto della|al posto dell|piuttosto che"
            + "|non|tranne|eccetto)$");
    private static final Pattern NOT_BEFORE_BEFORE = Pattern.compile("(?:^|\\s)(?:not before|no earlier than"
            + "|not earlier than|no sooner than|not sooner than|from|starting(?: from| on)?|as of|beginning"
            + "|non prima(?: di| del| della| dello| dell)?|dal|dall|dalla|dallo|da"
            + "|a partire(?: da| dal| dall| dalla| dallo)?)$");
    private static final Pattern NOT_AFTER_BEFORE = Pattern.compile(
            "(?:^|\\s)(?:not after|no later than|not later than|non dopo|non oltre)$");
    private static final Pattern AFTER_BEFORE = Pattern.compile("(?:^|\\s)(?:after|later than|dopo|dopo di)$");
    private static final Pattern OR_LATER_AFTER = Pattern.compile("\\s+(?:or later|or after|and later|and after"
            + "|or thereafter|onwards?|or any day after|in poi|in avanti|o dopo|o piu tardi|o successivi)\\b");
    private static final Pattern FROM_BEFORE = Pattern.compile("(?:^|\\s)(?:from|da|dal|dall|dalla|dallo)$");
    private static final Pattern TO_AFTER = Pattern.compile("\\s+(?:to|into|a|ad|al|all|alla|allo)\\b");
    private static final Pattern CHANGE_VERB = Pattern.compile("\\b(?:move|moved|moving|change|changed|changing"
            + "|reschedule|rescheduled|shift|switch|postpone|bring forward|sposta\\w*|cambia\\w*|rimanda\\w*"
            + "|posticipa\\w*|anticipa\\w*)\\b");

    private static final Pattern DELIVERY_WORDS = Pattern.compile("\\b(?:deliver\\w*|arriv\\w*|comes|coming"
            + "|bring\\w*|brought|ship|ships|shipped|shipping|shipment|send\\w*|sent|reschedul\\w*|instead"
            + "|chang(?:e|es|ed|ing)|mov(?:e|es|ed|ing)|home|couriers?|parcels?|packages?"
            + "|consegn\\w*|porta|portano|portare|portarl[aeio]|portarmel[aeio]|portatemel[aeio]|portate"
            + "|sped\\w*|invece|spost\\w*|cambia|cambiare|cambiarl[aeio]|cambiate|corrier[ei]|pacc(?:o|hi|hetto)"
            + "|a casa)\\b");
    /** "Come" is also Italian for "how", so it counts only after English words that make it the verb. */
    private static final Pattern ENGLISH_COME = Pattern.compile("\\b(?:it|they|them|can|could|will|would|should"
            + "|to|does|do|did|ll|not|please|order|parcel|package|shoes|boots)\\s+come\\b");

    private enum Kind { EXPLICIT, NONEXISTENT, RELATIVE, WEEKEND, NEXT_WEEK, WEEKDAY }

    private enum Reading { ON, NOT_BEFORE, AFTER }

    /** A day named in the text, where it is written, and how many days it covers (for "after"). */
    private record Named(int start, int end, Kind kind, LocalDate day, int days, DayOfWeek weekday) {
    }

    private record PartNamed(int start, int end, PartOfDay part) {
    }

    private DeliveryWishes() {
    }

    /** The delivery wish in the words, {@code now} read as a day in the store's time zone. */
    public static Optional<DeliveryWish> read(String text, Instant now, ZoneId zone) {
        return read(text, LocalDate.ofInstant(now, zone));
    }

    /** The delivery wish in the words, empty when they name no day and no part of a day. */
    public static Optional<DeliveryWish> read(String text, LocalDate today) {
        Objects.requireNonNull(today, "today");
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String words = normalized(text);
        StringBuilder unread = new StringBuilder(words);
        List<PartNamed> parts = new ArrayList<>();
        clockTimes(unread, parts);
        String withoutClockTimes = unread.toString();
        List<Named> named = new ArrayList<>();
        dates(words, unread, today, named);
        relativeDays(unread, today, named);
        weekdays(words, unread, today, named);
        partsOfDay(withoutClockTimes, parts);

        named.sort(Comparator.comparingInt(Named::start));
        List<Named> replaced = new ArrayList<>();
        List<Named> kept = new ArrayList<>();
        for (Named day : named) {
            boolean isReplaced = replaced(words, day.start(), List.of()) || movedFrom(words, day, named);
            (isReplaced ? replaced : kept).add(day);
        }
        if (kept.stream().anyMatch(day -> day.kind() == Kind.NONEXISTENT)) {
            return Optional.empty();
        }
        Set<PartOfDay> partsKept = EnumSet.noneOf(PartOfDay.class);
        parts.stream().filter(part -> !inside(part.start(), replaced) && !replaced(words, part.start(), replaced))
                .forEach(part -> partsKept.add(part.part()));
        PartOfDay part = partsKept.size() == 1 ? partsKept.iterator().next() : PartOfDay.ANY;
        if (kept.isEmpty()) {
            return partsKept.isEmpty() ? Optional.empty() : Optional.of(new DeliveryWish(null, today, part));
        }
        Named chosen = kept.stream().filter(day -> day.kind() == Kind.EXPLICIT).findFirst().orElse(kept.get(0));
        chosen = withinNextWeek(chosen, kept, today);
        LocalDate day = chosen.day();
        return Optional.of(switch (reading(words, chosen)) {
            case ON -> chosen.kind() == Kind.NEXT_WEEK ? new DeliveryWish(null, day, part)
                    : new DeliveryWish(day, null, part);
            case NOT_BEFORE -> new DeliveryWish(null, day, part);
            case AFTER -> new DeliveryWish(null, day.plusDays(chosen.days()), part);
        });
    }

    /** Whether the words are about delivering, or changing a delivery, in English or Italian. */
    public static boolean mentionsDelivery(String text) {
        if (text == null) {
            return false;
        }
        String words = normalized(text);
        return DELIVERY_WORDS.matcher(words).find() || ENGLISH_COME.matcher(words).find();
    }

    private static String normalized(String text) {
        String s = ACCENTS.matcher(Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD))
                .replaceAll("");
        s = s.replace('\u2019', '\'').replace('\u2018', '\'').replace('`', '\'');
        s = C_MON.matcher(s).replaceAll(" ");
        s = ANTE_MERIDIEM.matcher(s).replaceAll(" a_m ");
        s = POST_MERIDIEM.matcher(s).replaceAll(" pm ");
        s = s.replace("\u20ac", " euro ").replace("$", " dollars ").replace("\u00a3", " pounds ")
                .replace("%", " percent ");
        s = UNREAD_CHARACTER.matcher(s).replaceAll(" ");
        s = LOOSE_SEPARATOR.matcher(s).replaceAll(" ");
        s = GREETING.matcher(s).replaceAll(" ");
        return SPACES.matcher(s).replaceAll(" ").strip();
    }

    private static void clockTimes(StringBuilder unread, List<PartNamed> parts) {
        Matcher twelve = CLOCK_12.matcher(unread.toString());
        while (twelve.find()) {
            int hour = Integer.parseInt(twelve.group(1));
            boolean pm = twelve.group(2).equals("pm");
            if (hour < 1 || hour > 12 || (!pm && hour == 12)) {
                continue;
            }
            PartOfDay part = !pm ? PartOfDay.MORNING : hour == 12 || hour <= 5 ? PartOfDay.AFTERNOON
                    : PartOfDay.EVENING;
            parts.add(new PartNamed(twelve.start(), twelve.end(), part));
            blank(unread, twelve.start(), twelve.end());
        }
        Matcher twentyFour = CLOCK_24.matcher(unread.toString());
        while (twentyFour.find()) {
            int hour = Integer.parseInt(twentyFour.group(1));
            if (hour < 8 || hour > 23) {
                continue;
            }
            PartOfDay part = hour < 12 ? PartOfDay.MORNING : hour < 18 ? PartOfDay.AFTERNOON : PartOfDay.EVENING;
            parts.add(new PartNamed(twentyFour.start(), twentyFour.end(), part));
            blank(unread, twentyFour.start(), twentyFour.end());
        }
    }

    private static void dates(String words, StringBuilder unread, LocalDate today, List<Named> named) {
        Matcher iso = ISO_DATE.matcher(unread.toString());
        while (iso.find()) {
            int month = Integer.parseInt(iso.group(3));
            int day = Integer.parseInt(iso.group(4));
            if (dateLike(day, month)) {
                named.add(explicit(iso.start(), iso.end(), exactDate(Integer.parseInt(iso.group(1)), month, day)));
                blank(unread, iso.start(), iso.end());
            }
        }
        Matcher numeric = NUMERIC_DATE.matcher(unread.toString());
        while (numeric.find()) {
            int day = Integer.parseInt(numeric.group(1));
            int month = Integer.parseInt(numeric.group(3));
            if (dateLike(day, month) && !amount(words, numeric.start(), numeric.end())
                    && !wordBefore(words, numeric.start()).matches("\\d+")) {
                String year = numeric.group(4);
                Optional<LocalDate> date = year == null ? dayAndMonth(today, day, month)
                        : exactDate(year.length() == 2 ? 2000 + Integer.parseInt(year) : Integer.parseInt(year),
                                month, day);
                named.add(explicit(numeric.start(), numeric.end(), date));
                blank(unread, numeric.start(), numeric.end());
            }
        }
        namedMonths(DAY_MONTH.matcher(unread.toString()), 1, 2, words, unread, today, named);
        namedMonths(MONTH_DAY.matcher(unread.toString()), 2, 1, words, unread, today, named);
        Matcher withWeekday = WEEKDAY_DAY.matcher(unread.toString());
        while (withWeekday.find()) {
            int day = Integer.parseInt(withWeekday.group(1));
            if (day >= 1 && day <= 31 && !COUNTED.contains(wordAfter(words, withWeekday.end()))) {
                named.add(explicit(withWeekday.start(), withWeekday.end(), Optional.of(dayOfMonth(today, day))));
                blank(unread, withWeekday.start(), withWeekday.end());
            }
        }
        Matcher number = DAY_NUMBER.matcher(unread.toString());
        while (number.find()) {
            int day = Integer.parseInt(number.group(1));
            boolean dayWord = number.group(2) != null || DAY_NUMBER_BEFORE.contains(wordBefore(words, number.start()));
            if (day >= 1 && day <= 31 && dayWord && !amount(words, number.start(), number.end())) {
                named.add(explicit(number.start(), number.end(), Optional.of(dayOfMonth(today, day))));
                blank(unread, number.start(), number.end());
            }
        }
    }

    private static void namedMonths(Matcher found, int dayGroup, int monthGroup, String words, StringBuilder unread,
            LocalDate today, List<Named> named) {
        while (found.find()) {
            int day = Integer.parseInt(found.group(dayGroup));
            int month = MONTHS.get(found.group(monthGroup));
            if (day < 1 || day > 31 || (found.group(3) == null && COUNTED.contains(wordAfter(words, found.end())))) {
                continue;
            }
            Optional<LocalDate> date = found.group(3) == null ? dayAndMonth(today, day, month)
                    : exactDate(Integer.parseInt(found.group(3)), month, day);
            named.add(explicit(found.start(), found.end(), date));
            blank(unread, found.start(), found.end());
        }
    }

    private static void relativeDays(StringBuilder unread, LocalDate today, List<Named> named) {
        Matcher dayAfter = DAY_AFTER_TOMORROW.matcher(unread.toString());
        while (dayAfter.find()) {
            named.add(relative(dayAfter.start(), dayAfter.end(), today.plusDays(2)));
            blank(unread, dayAfter.start(), dayAfter.end());
        }
        Matcher inSome = IN_SOME_DAYS.matcher(unread.toString());
        while (inSome.find()) {
            String count = inSome.group(1) != null ? inSome.group(1) : inSome.group(3);
            String unit = inSome.group(2) != null ? inSome.group(2) : inSome.group(4);
            int n = count.matches("\\d+") ? Integer.parseInt(count) : NUMBER_WORDS.get(count);
            int perUnit = unit.startsWith("week") || unit.startsWith("settiman") ? 7 : 1;
            if (n >= 1) {
                named.add(relative(inSome.start(), inSome.end(), today.plusDays((long) n * perUnit)));
                blank(unread, inSome.start(), inSome.end());
            }
        }
        Matcher tomorrow = TOMORROW.matcher(unread.toString());
        while (tomorrow.find()) {
            named.add(relative(tomorrow.start(), tomorrow.end(), today.plusDays(1)));
            blank(unread, tomorrow.start(), tomorrow.end());
        }
        Matcher todayWords = TODAY.matcher(unread.toString());
        while (todayWords.find()) {
            named.add(relative(todayWords.start(), todayWords.end(), today));
            blank(unread, todayWords.start(), todayWords.end());
        }
        Matcher weekend = WEEKEND.matcher(unread.toString());
        while (weekend.find()) {
            named.add(new Named(weekend.start(), weekend.end(), Kind.WEEKEND,
                    today.with(TemporalAdjusters.next(DayOfWeek.SATURDAY)), 2, null));
            blank(unread, weekend.start(), weekend.end());
        }
        Matcher nextWeek = NEXT_WEEK.matcher(unread.toString());
        while (nextWeek.find()) {
            named.add(new Named(nextWeek.start(), nextWeek.end(), Kind.NEXT_WEEK, nextMonday(today), 7, null));
            blank(unread, nextWeek.start(), nextWeek.end());
        }
    }

    private static void weekdays(String words, StringBuilder unread, LocalDate today, List<Named> named) {
        Matcher word = WORD.matcher(unread.toString());
        while (word.find()) {
            String token = word.group();
            Optional<DayOfWeek> weekday = weekday(token, wordBefore(words, word.start()));
            if (weekday.isPresent()) {
                named.add(new Named(word.start(), word.end(), Kind.WEEKDAY,
                        today.with(TemporalAdjusters.next(weekday.get())), 1, weekday.get()));
            } else if (typoOf(token, "tomorrow")) {
                named.add(relative(word.start(), word.end(), today.plusDays(1)));
            }
        }
    }

    private static Optional<DayOfWeek> weekday(String token, String before) {
        if (WEEKDAYS.containsKey(token)) {
            return Optional.of(WEEKDAYS.get(token));
        }
        if (WEEKDAY_ABBREVIATIONS.containsKey(token)) {
            boolean everydayWord = AMBIGUOUS_ABBREVIATIONS.contains(token) && NOT_BEFORE_A_WEEKDAY.contains(before);
            return everydayWord ? Optional.empty() : Optional.of(WEEKDAY_ABBREVIATIONS.get(token));
        }
        return WEEKDAYS.entrySet().stream().filter(name -> typoOf(token, name.getKey())).map(Map.Entry::getValue)
                .findFirst();
    }

    /** One edit away (a neighbouring swap counts as one), same first letter, in a name long enough to be sure. */
    private static boolean typoOf(String token, String name) {
        return token.length() >= 5 && name.length() >= 6 && !NOT_TYPOS.contains(token)
                && token.charAt(0) == name.charAt(0) && Math.abs(token.length() - name.length()) <= 1
                && editDistance(token, name) == 1;
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps. */
    private static int editDistance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int substitution = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + substitution);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    private static void partsOfDay(String words, List<PartNamed> parts) {
        Map.of(PartOfDay.MORNING, MORNING, PartOfDay.AFTERNOON, AFTERNOON, PartOfDay.EVENING, EVENING)
                .forEach((part, pattern) -> {
                    Matcher found = pattern.matcher(words);
                    while (found.find()) {
                        parts.add(new PartNamed(found.start(), found.end(), part));
                    }
                });
    }

    /**
     * Whether the day or part of the day at {@code start} is the one being replaced: "instead of Monday", "non
     * lunedì"; a part of the day also when it belongs to a replaced day ("instead of tomorrow morning").
     */
    private static boolean replaced(String words, int start, List<Named> replaced) {
        int at = start;
        while (true) {
            String before = words.substring(0, at).stripTrailing();
            if (REPLACED_BEFORE.matcher(before).find()) {
                return true;
            }
            int end = before.length();
            Optional<Named> replacedJustBefore = replaced.stream().filter(day -> day.end() == end).findFirst();
            Matcher filler = TRAILING_FILLER.matcher(before);
            if (replacedJustBefore.isPresent()) {
                at = replacedJustBefore.get().start();
            } else if (filler.find()) {
                at = filler.start();
            } else {
                return false;
            }
        }
    }

    /** "Move it from Monday to Friday": with a verb of change, the day after "from" is the old one. */
    private static boolean movedFrom(String words, Named day, List<Named> named) {
        return FROM_BEFORE.matcher(withoutTrailingFiller(words.substring(0, day.start()))).find()
                && TO_AFTER.matcher(words).region(day.end(), words.length()).lookingAt()
                && named.stream().anyMatch(other -> other.start() > day.end())
                && CHANGE_VERB.matcher(words).find();
    }

    private static Reading reading(String words, Named day) {
        String before = words.substring(0, day.start()).stripTrailing();
        while (true) {
            if (NOT_BEFORE_BEFORE.matcher(before).find()) {
                return Reading.NOT_BEFORE;
            }
            if (NOT_AFTER_BEFORE.matcher(before).find()) {
                return Reading.ON;
            }
            if (AFTER_BEFORE.matcher(before).find()) {
                return Reading.AFTER;
            }
            String shorter = withoutOneFiller(before);
            if (shorter.equals(before)) {
                break;
            }
            before = shorter;
        }
        return OR_LATER_AFTER.matcher(words).region(day.end(), words.length()).lookingAt() ? Reading.NOT_BEFORE
                : Reading.ON;
    }

    private static String withoutTrailingFiller(String text) {
        String before = text.stripTrailing();
        for (String shorter = withoutOneFiller(before); !shorter.equals(before); shorter = withoutOneFiller(before)) {
            before = shorter;
        }
        return before;
    }

    private static String withoutOneFiller(String text) {
        Matcher filler = TRAILING_FILLER.matcher(text);
        return filler.find() ? text.substring(0, filler.start()).stripTrailing() : text;
    }

    /** "Friday next week", "la settimana prossima, martedì": that weekday from the coming Monday. */
    private static Named withinNextWeek(Named chosen, List<Named> kept, LocalDate today) {
        if (chosen.kind() != Kind.WEEKDAY && chosen.kind() != Kind.NEXT_WEEK) {
            return chosen;
        }
        Optional<Named> weekday = kept.stream().filter(day -> day.kind() == Kind.WEEKDAY).findFirst();
        Optional<Named> nextWeek = kept.stream().filter(day -> day.kind() == Kind.NEXT_WEEK).findFirst();
        if (weekday.isEmpty() || nextWeek.isEmpty()) {
            return chosen;
        }
        DayOfWeek which = weekday.get().weekday();
        return new Named(Math.min(weekday.get().start(), nextWeek.get().start()),
                Math.max(weekday.get().end(), nextWeek.get().end()), Kind.WEEKDAY,
                nextMonday(today).with(TemporalAdjusters.nextOrSame(which)), 1, which);
    }

    private static LocalDate nextMonday(LocalDate today) {
        return today.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
    }

    /** The next date on or after today with that day of the month, skipping months too short for it. */
    private static LocalDate dayOfMonth(LocalDate today, int day) {
        LocalDate month = today.withDayOfMonth(1);
        while (day > month.lengthOfMonth() || month.withDayOfMonth(day).isBefore(today)) {
            month = month.plusMonths(1);
        }
        return month.withDayOfMonth(day);
    }

    /** This year's date if not yet past, else next year's; empty when that date does not exist. */
    private static Optional<LocalDate> dayAndMonth(LocalDate today, int day, int month) {
        boolean past = month * 100 + day < today.getMonthValue() * 100 + today.getDayOfMonth();
        return exactDate(today.getYear() + (past ? 1 : 0), month, day);
    }

    private static Optional<LocalDate> exactDate(int year, int month, int day) {
        try {
            return Optional.of(LocalDate.of(year, month, day));
        } catch (DateTimeException nonexistent) {
            return Optional.empty();
        }
    }

    private static boolean dateLike(int day, int month) {
        return day >= 1 && day <= 31 && month >= 1 && month <= 12;
    }

    private static Named explicit(int start, int end, Optional<LocalDate> date) {
        return new Named(start, end, date.isPresent() ? Kind.EXPLICIT : Kind.NONEXISTENT, date.orElse(null), 1,
                null);
    }

    private static Named relative(int start, int end, LocalDate day) {
        return new Named(start, end, Kind.RELATIVE, day, 1, null);
    }

    private static boolean amount(String words, int start, int end) {
        return AMOUNT_BEFORE.contains(wordBefore(words, start)) || COUNTED.contains(wordAfter(words, end));
    }

    private static boolean inside(int position, List<Named> days) {
        return days.stream().anyMatch(day -> day.start() <= position && position < day.end());
    }

    private static String wordBefore(String words, int start) {
        String before = words.substring(0, start).stripTrailing();
        return before.substring(before.lastIndexOf(' ') + 1);
    }

    private static String wordAfter(String words, int end) {
        String after = words.substring(end).stripLeading();
        int space = after.indexOf(' ');
        return space < 0 ? after : after.substring(0, space);
    }

    private static void blank(StringBuilder text, int start, int end) {
        for (int i = start; i < end; i++) {
            text.setCharAt(i, ' ');
        }
    }

    private static String alternatives(Set<String> words) {
        return words.stream().sorted(Comparator.comparingInt(String::length).reversed().thenComparing(w -> w))
                .map(Pattern::quote).reduce((a, b) -> a + "|" + b).orElseThrow();
    }

    private static Set<String> concat(Set<String> a, Set<String> b) {
        Set<String> both = new HashSet<>(a);
        both.addAll(b);
        return both;
    }
}
