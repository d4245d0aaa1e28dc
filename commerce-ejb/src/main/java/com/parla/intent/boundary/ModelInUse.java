package com.parla.intent.boundary;

import java.io.Serializable;
import java.time.Instant;

/**
 * The intent model that classifies a store's messages in one language.
 *
 * @param storeTrained false for Parla's shipped base model, true for one trained with the store's examples
 * @param trainedAt    null for the base model
 */
public record ModelInUse(String language, String version, boolean storeTrained, int storeExamples,
                         Instant trainedAt, String trainedBy) implements Serializable {
}
