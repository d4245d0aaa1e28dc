package com.parla.connector.inbound;

import com.parla.connector.api.InboundMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Group commit for inbound traffic: the messages of webhooks that arrive together are delivered in one
 * transaction, so that they share one commit, and each webhook is answered only once that commit is done. A
 * caller finding no commit under way delivers at once, its own messages and whatever else waits; callers that
 * come meanwhile wait and go together in the next one. If a shared delivery fails, each webhook's messages are
 * delivered again on their own, one message per transaction, so one bad message never holds back the others.
 */
public final class GroupCommit implements Delivery {

    private static final class Waiting {
        final List<InboundMessage> messages;
        volatile DeliveryOutcome outcome;

        Waiting(List<InboundMessage> messages) {
            this.messages = messages;
        }
    }

    private final Delivery endpoints;
    private final int maxMessages;
    private final Semaphore committers;
    private final Queue<Waiting> queue = new ConcurrentLinkedQueue<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition progress = lock.newCondition();

    /**
     * @param endpoints   delivers messages in one transaction per endpoint
     * @param maxMessages at most this many messages in one transaction
     * @param committers  how many such transactions may run at once
     */
    public GroupCommit(Delivery endpoints, int maxMessages, int committers) {
        this.endpoints = endpoints;
        this.maxMessages = maxMessages;
        this.committers = new Semaphore(committers);
    }

    @Override
    public DeliveryOutcome deliver(List<InboundMessage> messages) {
        Waiting mine = new Waiting(messages);
        queue.add(mine);
        while (mine.outcome == null) {
            if (committers.tryAcquire()) {
                try {
                    commitWhatWaits();
                } finally {
                    committers.release();
                    signalProgress();
                }
            } else {
                awaitProgress(mine);
            }
        }
        return mine.outcome;
    }

    private void commitWhatWaits() {
        List<Waiting> group = new ArrayList<>();
        List<InboundMessage> messages = new ArrayList<>();
        Waiting next;
        while (messages.size() < maxMessages && (next = queue.poll()) != null) {
            group.add(next);
            messages.addAll(next.messages);
        }
        if (group.isEmpty()) {
            return;
        }
        DeliveryOutcome together = endpoints.deliver(messages);
        if (together.taken() || together.endpoints() == 0 || messages.size() == 1) {
            group.forEach(w -> w.outcome = together);
            return;
        }
        for (Waiting w : group) {
            w.outcome = oneByOne(w.messages);
        }
    }

    /** As the channel sent them, each in its own transaction, up to the first one not taken. */
    private DeliveryOutcome oneByOne(List<InboundMessage> messages) {
        DeliveryOutcome outcome = null;
        for (InboundMessage message : messages) {
            outcome = endpoints.deliver(List.of(message));
            if (!outcome.taken()) {
                break;
            }
        }
        return outcome;
    }

    private void signalProgress() {
        lock.lock();
        try {
            progress.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Until this caller's messages are done, or a commit slot is free for it to take. */
    private void awaitProgress(Waiting mine) {
        lock.lock();
        try {
            while (mine.outcome == null && committers.availablePermits() == 0) {
                progress.awaitUninterruptibly();
            }
        } finally {
            lock.unlock();
        }
    }
}
