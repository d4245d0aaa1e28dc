package com.parla.intent.control;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** An intent and how likely the model finds it for a message (0..1). */
public record IntentScore(String intent, double probability) implements Serializable {

    /** Each intent with its probability (by position), most likely first. */
    static List<IntentScore> ranked(List<String> intents, double[] probabilities) {
        List<IntentScore> scores = new ArrayList<>(probabilities.length);
        for (int i = 0; i < probabilities.length; i++) {
            scores.add(new IntentScore(intents.get(i), probabilities[i]));
        }
        scores.sort(Comparator.comparingDouble(IntentScore::probability).reversed());
        return scores;
    }
}
