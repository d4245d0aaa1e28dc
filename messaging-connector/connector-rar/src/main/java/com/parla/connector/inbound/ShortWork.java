package com.parla.connector.inbound;

import jakarta.resource.spi.work.Work;

/** A short task (a webhook exchange, one acknowledgement call) as WorkManager work; nothing to interrupt. */
public record ShortWork(Runnable task) implements Work {

    @Override
    public void run() {
        task.run();
    }

    @Override
    public void release() {
        // bounded by the body limit or one HTTP call's timeout
    }
}
