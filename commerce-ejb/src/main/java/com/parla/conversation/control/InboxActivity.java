package com.parla.conversation.control;

import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A counter of what changed in conversations on this server (a message in or out, a delivery status, a note, an
 * assignment, a handoff), moved once the change has committed, for the console's inbox to know when to look again
 * without asking the database every second. Another server's changes are not counted here: the inbox also looks
 * again on its own every few seconds.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class InboxActivity {

    private final AtomicLong version = new AtomicLong();

    @Resource
    TransactionSynchronizationRegistry transactions;

    public long version() {
        return version.get();
    }

    /** Counts a change of the caller's transaction once it commits (at once outside a transaction). */
    public void changed() {
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            version.incrementAndGet();
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    version.incrementAndGet();
                }
            }
        });
    }

    /** A reply or a notice was queued for a customer (the assistant's or a person's). */
    public void replyWritten(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxWritten event) {
        version.incrementAndGet();
    }
}
