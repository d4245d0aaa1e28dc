package com.parla.intent.control;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Trains an {@link IntentModel}: its word model and its meaning model on the same utterances, Parla's shipped
 * ones of the language followed by a store's own. The same utterances give the same model and version.
 */
public final class IntentModelTrainer {

    private IntentModelTrainer() {
    }

    /** A base model, trained on the shipped utterances of the language with their embeddings. */
    public static IntentModel train(String language, ExampleIndex shipped) {
        List<LabelledUtterance> corpus = utterances(shipped);
        return new IntentModel(language, version(language, corpus), WordModelTrainer.train(language, corpus),
                MeaningModel.train(shipped), shipped, ExampleIndex.empty());
    }

    /**
     * A store's model: the word model trained on the shipped utterances and the store's own, the meaning model
     * fine-tuned from the base model's.
     *
     * @param base    the base model of the language, null where Parla ships none
     * @param shipped the shipped utterances of the language with their embeddings (empty where Parla ships none)
     * @param own     the store's own examples with their embeddings
     */
    public static IntentModel train(String language, IntentModel base, ExampleIndex shipped, ExampleIndex own) {
        List<LabelledUtterance> corpus = utterances(shipped.plus(own));
        MeaningModel meaning = MeaningModel.fineTune(base == null ? null : base.meaning(), shipped, own);
        return new IntentModel(language, version(language, corpus), WordModelTrainer.train(language, corpus),
                meaning, shipped, own);
    }

    /** language-hash of both models' settings and the utterances in their order. */
    public static String version(String language, Collection<LabelledUtterance> utterances) {
        return WordModelTrainer.version(language, WordModelTrainer.settings() + "|" + MeaningModel.SETTINGS
                + "|weight=" + IntentModel.meaningWeight(language), utterances);
    }

    /** The labelled utterances of an index, in its order. */
    public static List<LabelledUtterance> utterances(ExampleIndex index) {
        List<LabelledUtterance> utterances = new ArrayList<>(index.size());
        for (int i = 0; i < index.size(); i++) {
            utterances.add(index.utterance(i));
        }
        return utterances;
    }
}
