package com.parla.intent.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Locale;

/** A message wording a store's staff labelled with an intent, to teach the store's model. */
@Entity
@Table(name = "intent_example")
@NamedQuery(name = IntentExample.OF_STORE, query = "select e from IntentExample e where e.storeId = :store"
        + " and e.language = :language order by e.addedAt desc, e.id desc")
@NamedQuery(name = IntentExample.BY_WORDING, query = "select e from IntentExample e where e.storeId = :store"
        + " and e.language = :language and e.wording = :wording")
public class IntentExample {

    public static final String OF_STORE = "IntentExample.ofStore";
    public static final String BY_WORDING = "IntentExample.byWording";
    public static final int MAX_LENGTH = 500;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "store_id", nullable = false)
    private Long storeId;

    @Column(nullable = false, length = 16)
    private String language;

    @Column(nullable = false, length = MAX_LENGTH)
    private String utterance;

    @Column(nullable = false, length = MAX_LENGTH)
    private String wording;

    @Column(nullable = false, length = 64)
    private String intent;

    @Column(name = "added_by", nullable = false, length = 254)
    private String addedBy;

    @Column(name = "added_at", nullable = false)
    private Instant addedAt;

    protected IntentExample() {
    }

    public IntentExample(Long storeId, String language, String utterance, String intent, String addedBy) {
        this.storeId = storeId;
        this.language = language;
        this.utterance = utterance.strip();
        this.wording = wordingOf(utterance);
        this.intent = intent;
        this.addedBy = addedBy;
        this.addedAt = Instant.now();
    }

    /** Two utterances with the same wording differ only in case and spacing. */
    public static String wordingOf(String utterance) {
        return utterance.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    public Long getId() {
        return id;
    }

    public Long getStoreId() {
        return storeId;
    }

    public String getLanguage() {
        return language;
    }

    public String getUtterance() {
        return utterance;
    }

    public String getIntent() {
        return intent;
    }

    public String getAddedBy() {
        return addedBy;
    }

    public Instant getAddedAt() {
        return addedAt;
    }
}
