package com.parla.connector.inbound;

import com.parla.connector.api.Channel;
import com.parla.connector.api.InboundMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Webhooks arriving while a commit is under way share the next one; a failure is retried message by message. */
class GroupCommitTest {

    private final List<List<String>> transactions = new CopyOnWriteArrayList<>();
    private final CountDownLatch firstMayCommit = new CountDownLatch(1);
    private final List<Thread> callers = new CopyOnWriteArrayList<>();
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r);
        callers.add(t);
        return t;
    });

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    /** One transaction per call; the first waits until the test lets it go; a "bad" message fails its transaction. */
    private DeliveryOutcome endpoint(List<InboundMessage> messages) {
        List<String> ids = messages.stream().map(InboundMessage::channelMessageId).toList();
        if (transactions.isEmpty()) {
            try {
                firstMayCommit.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        transactions.add(ids);
        boolean fails = ids.stream().anyMatch(id -> id.startsWith("bad"));
        return new DeliveryOutcome(1, fails ? 0 : 1);
    }

    @Test
    void whatArrivesDuringACommitSharesTheNextOne() throws Exception {
        GroupCommit group = new GroupCommit(this::endpoint, 100, 1);
        List<Future<DeliveryOutcome>> outcomes = new ArrayList<>();
        outcomes.add(pool.submit(() -> group.deliver(List.of(message("first")))));
        awaitWaiting(0); // the first is committing
        for (int i = 0; i < 7; i++) {
            String id = "m" + i;
            outcomes.add(pool.submit(() -> group.deliver(List.of(message(id)))));
        }
        awaitWaiting(7);
        firstMayCommit.countDown();
        for (Future<DeliveryOutcome> outcome : outcomes) {
            assertTrue(outcome.get(10, TimeUnit.SECONDS).taken());
        }
        assertEquals(2, transactions.size(), "8 webhooks, 2 commits: " + transactions);
        assertEquals(List.of("first"), transactions.get(0));
        assertEquals(7, transactions.get(1).size());
    }

    @Test
    void aFailingMessageIsRetriedAloneAndTheOthersAreTaken() throws Exception {
        GroupCommit group = new GroupCommit(this::endpoint, 100, 1);
        Future<DeliveryOutcome> first = pool.submit(() -> group.deliver(List.of(message("first"))));
        awaitWaiting(0);
        Future<DeliveryOutcome> good = pool.submit(() -> group.deliver(List.of(message("good-1"), message("good-2"))));
        Future<DeliveryOutcome> bad = pool.submit(() -> group.deliver(List.of(message("bad-1"))));
        awaitWaiting(2);
        firstMayCommit.countDown();
        assertTrue(first.get(10, TimeUnit.SECONDS).taken());
        assertTrue(good.get(10, TimeUnit.SECONDS).taken(), "not held back by another webhook's bad message");
        assertFalse(bad.get(10, TimeUnit.SECONDS).taken(), "answered 500: the channel sends it again");
        assertTrue(transactions.contains(List.of("good-1")) && transactions.contains(List.of("good-2"))
                && transactions.contains(List.of("bad-1")), "one message per transaction after the failure: "
                + transactions);
    }

    @Test
    void aLoneWebhookIsDeliveredAtOnce() {
        firstMayCommit.countDown();
        GroupCommit group = new GroupCommit(this::endpoint, 100, 2);
        assertTrue(group.deliver(List.of(message("alone"))).taken());
        assertEquals(List.of(List.of("alone")), transactions);
        assertFalse(new GroupCommit(m -> new DeliveryOutcome(0, 0), 100, 1).deliver(List.of(message("x")))
                .taken(), "no endpoint: not taken");
    }

    /** Until the first caller is committing (held by the test) and {@code count} others wait for their turn. */
    private void awaitWaiting(int count) {
        await().atMost(Duration.ofSeconds(10)).until(() -> callersIn("endpoint") == 1 && callersIn("awaitProgress") == count);
    }

    private long callersIn(String method) {
        return callers.stream().filter(t -> t.getState() == Thread.State.WAITING
                        || t.getState() == Thread.State.TIMED_WAITING)
                .filter(t -> Arrays.stream(t.getStackTrace()).anyMatch(f -> f.getMethodName().equals(method)))
                .count();
    }

    private static InboundMessage message(String id) {
        return InboundMessage.builder(Channel.WHATSAPP, "acc", id, InboundMessage.Kind.TEXT).sender("1").text(id)
                .build();
    }
}
