package com.parla.intent.entity;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** An intent model trained for a store: Parla's corpus plus the store's examples. The active one is in use. */
@Entity
@Table(name = "intent_model")
@NamedQuery(name = StoreIntentModel.ACTIVE, query = "select m from StoreIntentModel m where m.active = true")
@NamedQuery(name = StoreIntentModel.ACTIVE_OF_STORE, query = "select m from StoreIntentModel m"
        + " where m.storeId = :store and m.language = :language and m.active = true")
@NamedQuery(name = StoreIntentModel.HISTORY, query = "select m from StoreIntentModel m"
        + " where m.storeId = :store order by m.trainedAt desc, m.id desc")
public class StoreIntentModel {

    public static final String ACTIVE = "StoreIntentModel.active";
    public static final String ACTIVE_OF_STORE = "StoreIntentModel.activeOfStore";
    public static final String HISTORY = "StoreIntentModel.history";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "store_id", nullable = false)
    private Long storeId;

    @Column(nullable = false, length = 16)
    private String language;

    @Column(nullable = false, length = 64)
    private String version;

    @Column(name = "store_examples", nullable = false)
    private int storeExamples;

    @Column(name = "total_examples", nullable = false)
    private int totalExamples;

    @Column(nullable = false)
    private int intents;

    @Column(name = "training_millis", nullable = false)
    private long trainingMillis;

    @Column(name = "trained_by", nullable = false, length = 254)
    private String trainedBy;

    @Column(name = "trained_at", nullable = false)
    private Instant trainedAt;

    @Column(nullable = false)
    private boolean active;

    /**
     * The intent model as IntentModel writes it (word model, meaning model, the store's example vectors), or a bare
     * OpenNLP word model as stored before meaning models existed; read only when the model is loaded.
     */
    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false)
    private byte[] weights;

    protected StoreIntentModel() {
    }

    public StoreIntentModel(Long storeId, String language, String version, int storeExamples, int totalExamples,
                            int intents, long trainingMillis, String trainedBy, byte[] weights) {
        this.storeId = storeId;
        this.language = language;
        this.version = version;
        this.storeExamples = storeExamples;
        this.totalExamples = totalExamples;
        this.intents = intents;
        this.trainingMillis = trainingMillis;
        this.trainedBy = trainedBy;
        this.trainedAt = Instant.now();
        this.active = true;
        this.weights = weights;
    }

    public void retire() {
        active = false;
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

    public String getVersion() {
        return version;
    }

    public int getStoreExamples() {
        return storeExamples;
    }

    public int getTotalExamples() {
        return totalExamples;
    }

    public int getIntents() {
        return intents;
    }

    public long getTrainingMillis() {
        return trainingMillis;
    }

    public String getTrainedBy() {
        return trainedBy;
    }

    public Instant getTrainedAt() {
        return trainedAt;
    }

    public boolean isActive() {
        return active;
    }

    public byte[] getWeights() {
        return weights;
    }
}
