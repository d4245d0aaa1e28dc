package com.parla.intent.boundary;

import com.parla.intent.control.ExampleIndex;
import com.parla.intent.control.IntentClassifier;
import com.parla.intent.control.IntentClassifiers;
import com.parla.intent.control.IntentModel;
import com.parla.intent.control.IntentPrediction;
import com.parla.intent.control.LanguageIdentifier;
import com.parla.intent.control.SentenceEncoder;
import com.parla.intent.entity.StoreIntentModel;
import com.parla.store.boundary.StoreDirectory;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sorts customers' messages by intent for the conversation engine: each store's messages through the store's
 * active model of their language, or Parla's base model where the store trained none. Models are loaded at
 * start and swapped in when a store retrains; classification itself takes no lock.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration") // reads the stores' models
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class IntentRecognition {

    private static final Logger LOG = Logger.getLogger(IntentRecognition.class.getName());

    @PersistenceContext(unitName = "parla")
    EntityManager em;

    @EJB
    StoreDirectory stores;

    @Inject
    @ConfigProperty(name = "parla.intent.threshold", defaultValue = "0.5")
    double threshold;

    private LanguageIdentifier languages;
    private SentenceEncoder encoder;
    private Map<String, IntentModel> baseModels;
    /** store id and language to the store's active model */
    private final Map<Long, Map<String, IntentModel>> storeModels = new ConcurrentHashMap<>();
    private final Map<Long, IntentClassifier> classifiers = new ConcurrentHashMap<>();
    private final Map<Long, String> storeLanguages = new ConcurrentHashMap<>();
    private final Set<Long> training = ConcurrentHashMap.newKeySet();

    @PostConstruct
    void load() {
        long start = System.nanoTime();
        languages = LanguageIdentifier.load();
        encoder = SentenceEncoder.load();
        baseModels = IntentClassifiers.baseModels();
        for (StoreIntentModel active : em.createNamedQuery(StoreIntentModel.ACTIVE, StoreIntentModel.class)
                .getResultList()) {
            try {
                storeModels.computeIfAbsent(active.getStoreId(), s -> new ConcurrentHashMap<>())
                        .put(active.getLanguage(), IntentModel.read(active.getWeights(), active.getLanguage(),
                                active.getVersion(), shippedExamples(active.getLanguage())));
            } catch (RuntimeException e) { // one unreadable model must not keep the others, or the server, from starting
                LOG.log(Level.WARNING, "Store " + active.getStoreId() + " keeps Parla's base model: its intent model "
                        + active.getVersion() + " cannot be read; retrain it", e);
            }
        }
        LOG.info(() -> String.format("Intent recognition ready in %d ms: base models %s, %d store models,"
                        + " threshold %.2f", (System.nanoTime() - start) / 1_000_000,
                baseModels.values().stream().map(IntentModel::version).toList(),
                storeModels.values().stream().mapToInt(Map::size).sum(), threshold));
    }

    @PreDestroy
    void close() {
        encoder.close();
    }

    /** What the customer's message asks for, in the store's context. */
    public IntentPrediction classify(Long storeId, String text) {
        String language = storeLanguages.computeIfAbsent(storeId, id -> {
            return stores.storeRef(id).orElseThrow(() -> new IllegalArgumentException("no store " + id))
                    .defaultLanguage();
        });
        return classifierOf(storeId).classify(text, List.of(language));
    }

    /** {@link #classify}, as the dialogue engine acts on it. */
    public CustomerIntent read(long storeId, String text) {
        return CustomerIntent.of(classify(storeId, text));
    }

    public ModelInUse modelInUse(Long storeId, String language) {
        IntentModel model = storeModels.getOrDefault(storeId, Map.of()).get(language);
        if (model != null) {
            StoreIntentModel row = em.createNamedQuery(StoreIntentModel.ACTIVE_OF_STORE, StoreIntentModel.class)
                    .setParameter("store", storeId).setParameter("language", language)
                    .getResultStream().findFirst().orElse(null);
            if (row != null) {
                return new ModelInUse(language, row.getVersion(), true, row.getStoreExamples(), row.getTrainedAt(),
                        row.getTrainedBy());
            }
        }
        IntentModel base = baseModels.get(language);
        return base == null ? null : new ModelInUse(language, base.version(), false, 0, null, null);
    }

    /** The intents the model in use knows, for the console's choice of labels. */
    public List<String> knownIntents(Long storeId, String language) {
        IntentModel model = storeModels.getOrDefault(storeId, Map.of()).getOrDefault(language, baseModels.get(language));
        return model == null ? List.of() : model.intents().stream().sorted().toList();
    }

    public double threshold() {
        return threshold;
    }

    public Map<String, IntentModel> baseModels() {
        return baseModels;
    }

    /** The sentence encoder of the models' meaning halves. */
    public SentenceEncoder encoder() {
        return encoder;
    }

    /** The examples (with their embeddings) that Parla's base model of the language was trained on. */
    public ExampleIndex shippedExamples(String language) {
        IntentModel base = baseModels.get(language);
        return base == null ? ExampleIndex.empty() : base.shippedExamples();
    }

    /** Puts a newly trained, committed store model in use. */
    public void install(Long storeId, IntentModel model) {
        storeModels.computeIfAbsent(storeId, s -> new ConcurrentHashMap<>()).put(model.language(), model);
        classifiers.remove(storeId);
        LOG.info(() -> "Store " + storeId + " now classifies with intent model " + model.version());
    }

    /** @return false if the store is training already (one training per store at a time) */
    public boolean startTraining(Long storeId) {
        return training.add(storeId);
    }

    public void endTraining(Long storeId) {
        training.remove(storeId);
    }

    public boolean isTraining(Long storeId) {
        return training.contains(storeId);
    }

    private IntentClassifier classifierOf(Long storeId) {
        return classifiers.computeIfAbsent(storeId, id -> {
            Map<String, IntentModel> models = new HashMap<>(baseModels);
            models.putAll(storeModels.getOrDefault(id, Map.of()));
            return new IntentClassifier(languages, encoder, models, threshold);
        });
    }
}
