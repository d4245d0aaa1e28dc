package com.parla.intent.control;

import java.io.Serializable;
import java.util.List;

/**
 * What a message asks for, how sure Parla is, and why.
 *
 * @param intent       the likeliest intent, or {@link Intents#NONE}
 * @param confidence   the model's probability for it (1 for a command, 0 for none)
 * @param confident    whether to act on it; if not, the engine asks the customer or hands off to a person
 * @param language     the message's language (ISO 639-1)
 * @param decidedBy    what decided
 * @param modelVersion the model that scored it, null unless decided by a model
 * @param alternatives the next likeliest intents, for a clarifying question
 * @param evidence     the parts of the message that weighed most for the intent
 * @param similar      the training examples of the intent most like the message, with their similarity
 * @param argument     the product code of a BUY command, otherwise null
 */
public record IntentPrediction(String intent, double confidence, boolean confident, String language,
                               DecidedBy decidedBy, String modelVersion, List<IntentScore> alternatives,
                               List<String> evidence, List<String> similar, String argument)
        implements Serializable {

    public enum DecidedBy {
        /** a hard command (STOP, BUY code) */
        COMMAND,
        /** the intent model of the message's language */
        MODEL,
        /** no model reads the message's language: a person who does should answer */
        NO_MODEL_FOR_LANGUAGE,
        /** nothing to classify */
        EMPTY
    }
}
