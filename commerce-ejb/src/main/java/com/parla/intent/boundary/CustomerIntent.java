package com.parla.intent.boundary;

import com.parla.intent.control.IntentPrediction;
import com.parla.intent.control.IntentScore;
import java.io.Serializable;
import java.util.List;

/**
 * What a customer's message asks for, as other components act on it.
 *
 * @param confident    whether to act on it; if not, the engine asks or hands off, never answers a guess
 * @param language     the message's language (ISO 639-1)
 * @param alternatives the next likeliest intents, most likely first (for a clarifying question)
 * @param argument     the code of a BUY command, otherwise null
 * @param command      whether a rule decided (STOP, BUY code), not a model
 */
public record CustomerIntent(String intent, double confidence, boolean confident, String language,
                             List<String> alternatives, String argument, boolean command, String modelVersion)
        implements Serializable {

    static CustomerIntent of(IntentPrediction p) {
        return new CustomerIntent(p.intent(), p.confidence(), p.confident(), p.language(),
                p.alternatives().stream().map(IntentScore::intent).toList(), p.argument(),
                p.decidedBy() == IntentPrediction.DecidedBy.COMMAND, p.modelVersion());
    }
}
