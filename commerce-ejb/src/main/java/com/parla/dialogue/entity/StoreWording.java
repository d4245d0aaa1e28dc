package com.parla.dialogue.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** A store's own text for one of the bot's messages in one language ("greeting" in its tone of voice). */
@Entity
@Table(name = "store_wording")
@NamedQuery(name = StoreWording.OF_STORE, query = "select w from StoreWording w where w.storeId = :store"
        + " and w.language = :language order by w.key")
@NamedQuery(name = StoreWording.BY_KEY, query = "select w from StoreWording w where w.storeId = :store"
        + " and w.language = :language and w.key = :key")
public class StoreWording {

    public static final String OF_STORE = "StoreWording.ofStore";
    public static final String BY_KEY = "StoreWording.byKey";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "store_id", nullable = false)
    private long storeId;

    @Column(nullable = false, length = 8)
    private String language;

    @Column(name = "text_key", nullable = false, length = 64)
    private String key;

    @Column(nullable = false, length = 1000)
    private String text;

    @Column(name = "updated_by", nullable = false, length = 254)
    private String updatedBy;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected StoreWording() {
    }

    public StoreWording(long storeId, String language, String key) {
        this.storeId = storeId;
        this.language = language;
        this.key = key;
    }

    public void reword(String text, String by, Instant at) {
        this.text = text;
        this.updatedBy = by;
        this.updatedAt = at;
    }

    public String getKey() {
        return key;
    }

    public String getText() {
        return text;
    }

    public String getUpdatedBy() {
        return updatedBy;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
