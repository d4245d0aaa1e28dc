package com.parla.intent.boundary;

import java.io.Serializable;
import java.time.Instant;

/** One line of a store's model history (without the weights). */
public record TrainedModelSummary(String language, String version, int storeExamples, int totalExamples,
                                  int intents, long trainingMillis, String trainedBy, Instant trainedAt,
                                  boolean active) implements Serializable {
}
