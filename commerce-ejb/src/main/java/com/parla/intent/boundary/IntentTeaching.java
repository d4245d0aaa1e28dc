package com.parla.intent.boundary;

import com.parla.intent.control.CommandRules;
import com.parla.intent.control.ExampleIndex;
import com.parla.intent.control.IntentModel;
import com.parla.intent.control.IntentModelTrainer;
import com.parla.intent.control.Intents;
import com.parla.intent.control.LabelledUtterance;
import com.parla.intent.entity.IntentExample;
import com.parla.intent.entity.StoreIntentModel;
import com.parla.store.boundary.StoreDirectory;
import jakarta.annotation.Resource;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * How a store teaches Parla its customers' ways of asking: staff add labelled examples, then retrain. A store's
 * model is trained on Parla's corpus of the language plus the store's examples (or on the examples alone in a
 * language Parla ships no corpus for), in the background, and put in use once it is stored.
 */
@Stateless
public class IntentTeaching {

    private static final Logger LOG = Logger.getLogger(IntentTeaching.class.getName());
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");

    @PersistenceContext(unitName = "parla")
    EntityManager em;

    @EJB
    StoreDirectory stores;

    @EJB
    IntentRecognition recognition;

    @Resource
    SessionContext context;

    public IntentExample addExample(Long storeId, String language, String utterance, String intent, String addedBy) {
        requireStore(storeId);
        requireLanguage(language);
        String text = utterance == null ? "" : utterance.strip();
        if (text.codePoints().noneMatch(Character::isLetterOrDigit)) {
            throw new IntentTeachingException("An example needs words.");
        }
        if (text.length() > IntentExample.MAX_LENGTH) {
            throw new IntentTeachingException("An example has at most " + IntentExample.MAX_LENGTH
                    + " characters; this one has " + text.length() + ".");
        }
        String label = intent == null ? "" : intent.strip();
        if (!Intents.isWellFormed(label) || label.equals(Intents.NONE)) {
            throw new IntentTeachingException("'" + label + "' is not an intent label: lower-case letters, digits"
                    + " and _, starting with a letter (for example track_order).");
        }
        if (CommandRules.match(text).isPresent()) {
            throw new IntentTeachingException("'" + text + "' is a command (STOP, BUY code) that Parla recognises"
                    + " by rule; it needs no example.");
        }
        List<IntentExample> same = em.createNamedQuery(IntentExample.BY_WORDING, IntentExample.class)
                .setParameter("store", storeId).setParameter("language", language)
                .setParameter("wording", IntentExample.wordingOf(text)).getResultList();
        if (!same.isEmpty()) {
            throw new IntentTeachingException("'" + text + "' is already an example of " + same.get(0).getIntent()
                    + ".");
        }
        IntentExample example = new IntentExample(storeId, language, text, label, addedBy);
        em.persist(example);
        return example;
    }

    public void removeExample(Long storeId, Long exampleId) {
        IntentExample example = em.find(IntentExample.class, exampleId);
        if (example == null || !example.getStoreId().equals(storeId)) {
            throw new IntentTeachingException("No such example in this store.");
        }
        em.remove(example);
    }

    public List<IntentExample> examples(Long storeId, String language) {
        return em.createNamedQuery(IntentExample.OF_STORE, IntentExample.class)
                .setParameter("store", storeId).setParameter("language", language).getResultList();
    }

    public List<TrainedModelSummary> history(Long storeId) {
        return em.createQuery("select new com.parla.intent.boundary.TrainedModelSummary(m.language, m.version,"
                        + " m.storeExamples, m.totalExamples, m.intents, m.trainingMillis, m.trainedBy, m.trainedAt,"
                        + " m.active) from StoreIntentModel m where m.storeId = :store"
                        + " order by m.trainedAt desc, m.id desc", TrainedModelSummary.class)
                .setParameter("store", storeId).getResultList();
    }

    /**
     * Starts training the store's model of {@code language}; the returned future gives the new model's version
     * once it is in use.
     */
    public Future<String> retrain(Long storeId, String language, String trainedBy) {
        requireStore(storeId);
        requireLanguage(language);
        List<LabelledUtterance> own = examples(storeId, language).stream()
                .map(e -> new LabelledUtterance(e.getUtterance(), e.getIntent())).toList();
        if (own.isEmpty()) {
            throw new IntentTeachingException("Add examples in this language before retraining.");
        }
        ExampleIndex shipped = recognition.shippedExamples(language);
        if (Stream.concat(IntentModelTrainer.utterances(shipped).stream(), own.stream())
                .map(LabelledUtterance::intent).distinct().count() < 2) {
            throw new IntentTeachingException("A model tells intents apart: add examples of at least two intents.");
        }
        if (!recognition.startTraining(storeId)) {
            throw new IntentTeachingException("This store's model is being trained already.");
        }
        try {
            return context.getBusinessObject(IntentTeaching.class).train(storeId, language, own, trainedBy);
        } catch (RuntimeException e) {
            recognition.endTraining(storeId);
            throw e;
        }
    }

    /**
     * Trains outside any transaction (seconds: the store's examples are embedded, Parla's were embedded when it
     * was built; the meaning model is fine-tuned from the base model's), then stores and installs the model.
     */
    @Asynchronous
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Future<String> train(Long storeId, String language, List<LabelledUtterance> own, String trainedBy) {
        try {
            long start = System.nanoTime();
            ExampleIndex shipped = recognition.shippedExamples(language);
            IntentModel model = IntentModelTrainer.train(language, recognition.baseModels().get(language), shipped,
                    ExampleIndex.embed(own, recognition.encoder(), ExampleIndex.empty()));
            long millis = (System.nanoTime() - start) / 1_000_000;
            int total = shipped.size() + own.size();
            context.getBusinessObject(IntentTeaching.class).activate(new StoreIntentModel(storeId, language,
                    model.version(), own.size(), total, model.intents().size(), millis, trainedBy,
                    model.toBytes()));
            recognition.install(storeId, model);
            LOG.info(() -> "Store " + storeId + " trained intent model " + model.version() + " on " + total
                    + " utterances (" + own.size() + " its own) in " + millis + " ms");
            return CompletableFuture.completedFuture(model.version());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Training the intent model of store " + storeId + " failed", e);
            return CompletableFuture.failedFuture(e);
        } finally {
            recognition.endTraining(storeId);
        }
    }

    /** Stores the new model as the active one of its store and language, retiring the one before. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void activate(StoreIntentModel model) {
        em.createNamedQuery(StoreIntentModel.ACTIVE_OF_STORE, StoreIntentModel.class)
                .setParameter("store", model.getStoreId()).setParameter("language", model.getLanguage())
                .getResultList().forEach(StoreIntentModel::retire);
        em.persist(model);
    }

    private void requireStore(Long storeId) {
        if (storeId == null || stores.storeRef(storeId).isEmpty()) {
            throw new IntentTeachingException("No such store.");
        }
    }

    private static void requireLanguage(String language) {
        if (language == null || !LANGUAGE.matcher(language).matches()) {
            throw new IntentTeachingException("'" + language + "' is not a language code (en, it, zh).");
        }
    }
}
