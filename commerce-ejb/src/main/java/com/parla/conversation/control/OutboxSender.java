package com.parla.conversation.control;

import com.parla.connector.api.SendResult;
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
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends the outbox: right after a reply's transaction commits, and every two seconds for retries and for what a
 * restart left behind. Conversations are sent in parallel on an executor of their own; within one, the claim on
 * the conversation row lets one sender (on any server) send its messages, strictly in order. A claim names its
 * server: one that starts again frees its own at once (its sends died with it); another server's runs out.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
// its own pool: a send holds its thread while the connector paces it, and the server's default executor may
// run a single thread (Payara's has no core threads and an unbounded queue)
@ManagedExecutorDefinition(name = OutboxSender.EXECUTOR, maxAsync = OutboxSender.SENDERS)
public class OutboxSender {

    static final String EXECUTOR = "java:app/concurrent/parla-outbox";
    /** Sends in flight at once, across conversations. */
    static final int SENDERS = 8;

    private static final Logger LOG = Logger.getLogger(OutboxSender.class.getName());
    /** Longer than any send, including the connector's pacing waits; a crashed sender's claim runs out. */
    private static final Duration CLAIM = Duration.ofMinutes(2);

    @Resource(lookup = EXECUTOR)
    ManagedExecutorService executor;

    @EJB
    OutboxProgress progress;

    @EJB
    InboxActivity activity;

    /** This server's name on its claims (one per server of a cluster; the host name unless configured). */
    @Inject
    @ConfigProperty(name = "parla.server.name")
    Optional<String> serverName;

    private final Set<Long> running = ConcurrentHashMap.newKeySet();
    private String server;

    @PostConstruct
    void freeOwnClaims() {
        server = serverName.filter(n -> !n.isBlank()).orElseGet(OutboxSender::hostName);
        int freed = progress.releaseAllOf(server);
        if (freed > 0) {
            LOG.info(() -> "Freed " + freed + " dispatch claims this server (" + server + ") held before it started");
        }
    }

    private static String hostName() {
        try {
            String name = java.net.InetAddress.getLocalHost().getHostName();
            return name.length() > 64 ? name.substring(0, 64) : name;
        } catch (java.net.UnknownHostException e) {
            return "parla";
        }
    }

    public void written(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxWritten event) {
        dispatch(event.conversationId());
    }

    @Schedule(second = "*/2", minute = "*", hour = "*", persistent = false)
    public void sweep() {
        try {
            progress.dueConversations(Instant.now()).forEach(this::dispatch);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Outbox sweep failed; the next one retries", e);
        }
    }

    private void dispatch(long conversationId) {
        if (!running.add(conversationId)) {
            return; // being sent right now; what it misses, the next sweep picks up
        }
        try {
            executor.execute(() -> {
                try {
                    drain(conversationId);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, e, () -> "Outbox dispatch of conversation " + conversationId + " failed");
                } finally {
                    running.remove(conversationId);
                }
            });
        } catch (RejectedExecutionException e) {
            running.remove(conversationId);
        }
    }

    private void drain(long conversationId) {
        Instant now = Instant.now();
        Optional<OutboxProgress.Dispatch> next = progress.begin(conversationId, server, now, now.plus(CLAIM));
        try {
            while (next.isPresent()) {
                OutboxProgress.Dispatch dispatch = next.get();
                if (!dispatch.windowOpen()) {
                    next = progress.windowClosedAndContinue(conversationId, dispatch, Instant.now());
                    continue;
                }
                SendResult result = progress.send(dispatch.message());
                // a retry gives the claim back: the messages behind it wait, to stay in order
                next = progress.recordAndContinue(conversationId, dispatch, result, Instant.now());
                activity.changed(); // sent, or failed: the inbox shows it
            }
        } catch (RuntimeException e) {
            progress.release(conversationId);
            throw e;
        }
    }
}
