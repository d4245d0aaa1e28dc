package com.parla.intent.control;

import java.io.Serializable;

/** An intent and how likely the model finds it for a message (0..1). */
public record IntentScore(String intent, double probability) implements Serializable {
}
