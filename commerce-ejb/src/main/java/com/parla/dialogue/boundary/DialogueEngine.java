package com.parla.dialogue.boundary;

import com.parla.conversation.boundary.Conversations;
import com.parla.conversation.boundary.CustomerWrote;
import com.parla.conversation.boundary.InboundRate;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedExecutorDefinition;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers customers' messages after the webhook's transaction committed: conversations in parallel on an executor
 * of their own, each conversation's messages one at a time in the order they were stored (a turn locks the
 * conversation's dialogue state, so two servers never answer one conversation at once). A message whose answer a
 * crash cut short is still pending and is answered after the restart, once: the answer and the message's removal
 * from the pending ones commit together.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@ManagedExecutorDefinition(name = DialogueEngine.EXECUTOR, maxAsync = DialogueEngine.WORKERS)
public class DialogueEngine {

    static final String EXECUTOR = "java:app/concurrent/parla-dialogue";
    /**
     * Conversations answered at once. Two on this 2-core machine: a turn is CPU work (classification, search), and
     * more would take the webhook listener's cores when a burst of messages arrives.
     */
    static final int WORKERS = 2;
    /** Under a flood of webhooks, a worker pauses this many times as long as its turn took. */
    private static final int YIELD_FACTOR = 7;
    /** Turns per conversation before its worker lets others have a go. */
    private static final int TURNS_PER_VISIT = 20;

    private static final Logger LOG = Logger.getLogger(DialogueEngine.class.getName());

    @Resource(lookup = EXECUTOR)
    ManagedExecutorService executor;

    @EJB
    DialogueTurns turns;

    @EJB
    Conversations conversations;

    @EJB
    InboundRate inboundRate;

    /**
     * Customer messages per second from which acknowledging webhooks comes first: the engine then gives up most of
     * its CPU (each turn is followed by a pause seven times as long), so that the channels' webhooks are still
     * answered at full speed, and catches up when the flood ebbs. Answers lag in a flood; acknowledgements, which the
     * channels retry and time out, do not.
     */
    @Inject
    @ConfigProperty(name = "parla.dialogue.yield-above", defaultValue = "100")
    long yieldAbove;

    private final Set<Long> running = ConcurrentHashMap.newKeySet();
    /** Conversations that got a message while being answered: visited again at once. */
    private final Set<Long> again = ConcurrentHashMap.newKeySet();

    @PostConstruct
    void resumeAfterRestart() {
        sweep();
    }

    public void wrote(@Observes(during = TransactionPhase.AFTER_SUCCESS) CustomerWrote event) {
        dispatch(event.conversationId());
    }

    /** What the after-commit trigger missed: a crash, a full executor, a message stored while a turn ran. */
    @Schedule(second = "*/5", minute = "*", hour = "*", persistent = false)
    public void sweep() {
        try {
            conversations.awaitingAnswer(Instant.now().minusSeconds(2), 500).forEach(this::dispatch);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Dialogue sweep failed; the next one retries", e);
        }
    }

    private void dispatch(long conversationId) {
        if (!running.add(conversationId)) {
            again.add(conversationId);
            return;
        }
        try {
            executor.execute(() -> visit(conversationId));
        } catch (RejectedExecutionException e) {
            running.remove(conversationId); // the sweep comes back for it
        }
    }

    private void visit(long conversationId) {
        try {
            again.remove(conversationId);
            for (int i = 0; i < TURNS_PER_VISIT; i++) {
                long start = System.nanoTime();
                // one transaction per message: each answer commits before the next message is read
                if (!turns.answerNext(conversationId)) {
                    break;
                }
                if (inboundRate.perSecond() > yieldAbove) {
                    LockSupport.parkNanos(YIELD_FACTOR * (System.nanoTime() - start));
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, e, () -> "A turn of conversation " + conversationId
                    + " failed; its message stays pending and is answered again");
            try {
                turns.turnFailed(conversationId);
            } catch (RuntimeException again) {
                LOG.log(Level.WARNING, "Could not count the failed turn", again);
            }
        } finally {
            running.remove(conversationId);
        }
        if (again.remove(conversationId)) {
            dispatch(conversationId);
        }
    }
}
