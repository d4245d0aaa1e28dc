package com.parla.intent.control;

/** A message and the intent a person gave it. */
public record LabelledUtterance(String text, String intent) {

    public LabelledUtterance {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("an utterance needs text");
        }
        if (intent == null || !Intents.isWellFormed(intent)) {
            throw new IllegalArgumentException("not an intent label: " + intent);
        }
    }
}
