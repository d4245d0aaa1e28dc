package com.parla.platform;

import com.parla.conversation.boundary.Conversations;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;

/**
 * What an operator watches to know the chat keeps up: customer messages stored but not yet answered by the
 * dialogue engine, and how long the oldest has waited. Read at each scrape of {@code /metrics} (the pending table
 * stays small whatever the history); registered at start, so they are there before the first message.
 */
@ApplicationScoped
public class DialogueBacklogMetrics {

    @Inject
    MetricRegistry registry;

    @EJB
    Conversations conversations;

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        registry.gauge(Metadata.builder().withName("parla_dialogue_backlog").withUnit(MetricUnits.NONE)
                .withDescription("Customer messages awaiting the dialogue engine's answer").build(),
                conversations, c -> c.backlog().messages());
        registry.gauge(Metadata.builder().withName("parla_dialogue_oldest_wait_seconds")
                .withUnit(MetricUnits.SECONDS)
                .withDescription("How long the oldest unanswered customer message has waited").build(),
                conversations, c -> {
                    Instant since = c.backlog().oldestSince();
                    return since == null ? 0 : Math.max(0, Duration.between(since, Instant.now()).toMillis() / 1000.0);
                });
    }
}
