package com.parla.conversation.control;

import jakarta.persistence.EntityManager;
import java.util.function.Consumer;

/** Runs work in a transaction of its own, committed (or rolled back) before it returns. */
@FunctionalInterface
public interface SeparateTransaction {

    /** @return false if the database refused the work (a unique key, say): it was rolled back, nothing written */
    boolean tryRun(Consumer<EntityManager> work);
}
