package com.parla.platform.boundary;

/**
 * Scheduled work fell due: observed in the transaction that marks it done, so that what the observers do (a message
 * to the outbox) happens once, with the job, or not at all (then it runs again).
 */
public record JobDue(String kind, long subjectId) {
}
