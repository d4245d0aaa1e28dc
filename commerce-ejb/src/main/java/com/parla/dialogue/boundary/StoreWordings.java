package com.parla.dialogue.boundary;

import com.parla.dialogue.control.Texts;
import com.parla.dialogue.control.Wording;
import com.parla.dialogue.entity.StoreWording;
import com.parla.platform.boundary.Refusal;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A store's own wording of the bot's texts, per language: any shipped text can be reworded, with the same
 * placeholders or fewer ({@code {store}}, {@code {total}}...), never ones the engine does not fill.
 */
@Stateless
public class StoreWordings {

    /** A WhatsApp text body takes 1,024 characters; a reworded text stays below with its placeholders filled. */
    public static final int MAX_LENGTH = 800;
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z]+)}");

    @PersistenceContext(unitName = "parla")
    EntityManager em;

    /** One text of the bot: the shipped words, and the store's if it has its own. */
    public record Text(String key, String shipped, String store, String updatedBy, Instant updatedAt) {
    }

    /** Every text of the bot in a language, with the store's wording beside the shipped one. */
    public List<Text> texts(long storeId, String language) {
        Texts shipped = shipped(language);
        TreeMap<String, StoreWording> own = new TreeMap<>(em.createNamedQuery(StoreWording.OF_STORE,
                StoreWording.class).setParameter("store", storeId).setParameter("language", language)
                .getResultStream().collect(Collectors.toMap(StoreWording::getKey, w -> w)));
        return shipped.keys().stream().sorted().map(key -> {
            StoreWording w = own.get(key);
            return new Text(key, shipped.shipped(key).orElseThrow(), w == null ? null : w.getText(),
                    w == null ? null : w.getUpdatedBy(), w == null ? null : w.getUpdatedAt());
        }).toList();
    }

    /**
     * The store's words for one text from now on (the next message already uses them).
     *
     * @throws Refusal with the reason: an unknown language or key, a blank or too long text, a
     *                                  placeholder the shipped text does not have
     */
    public Text reword(long storeId, String language, String key, String text, String by) {
        Texts shipped = shipped(language);
        String original = shipped.shipped(key).orElseThrow(() -> new Refusal("no text " + key));
        if (key.equals("date.pattern")) {
            throw new Refusal("date.pattern is not wording");
        }
        if (text == null || text.isBlank() || text.length() > MAX_LENGTH) {
            throw new Refusal("text must be 1 to " + MAX_LENGTH + " characters");
        }
        Set<String> allowed = placeholders(original);
        Set<String> unknown = placeholders(text).stream().filter(p -> !allowed.contains(p))
                .collect(Collectors.toCollection(java.util.TreeSet::new));
        if (!unknown.isEmpty()) {
            throw new Refusal("placeholders " + unknown + " are not filled in " + key
                    + "; it has " + new java.util.TreeSet<>(allowed));
        }
        Optional<StoreWording> existing = own(storeId, language, key);
        StoreWording wording = existing.orElseGet(() -> new StoreWording(storeId, language, key));
        wording.reword(text.strip(), by, Instant.now());
        if (existing.isEmpty()) {
            em.persist(wording); // identity ids: persisting inserts at once, so only when complete
        }
        Wording.changed(storeId, language);
        return new Text(key, original, wording.getText(), by, wording.getUpdatedAt());
    }

    /** Back to the shipped words; @return whether the store had its own */
    public boolean restore(long storeId, String language, String key) {
        Optional<StoreWording> own = own(storeId, language, key);
        own.ifPresent(em::remove);
        Wording.changed(storeId, language);
        return own.isPresent();
    }

    private Optional<StoreWording> own(long storeId, String language, String key) {
        return em.createNamedQuery(StoreWording.BY_KEY, StoreWording.class).setParameter("store", storeId)
                .setParameter("language", language).setParameter("key", key).getResultStream().findFirst();
    }

    private static Texts shipped(String language) {
        if (!Texts.speaks(language)) {
            throw new Refusal("language " + language + " is not one Parla speaks (en, it)");
        }
        return Texts.of(language);
    }

    private static Set<String> placeholders(String text) {
        Matcher m = PLACEHOLDER.matcher(text);
        Set<String> found = new java.util.HashSet<>();
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}
