package com.parla.platform.boundary;

import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.function.Supplier;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * What one transaction reads again and again, read once in it: a store's settings and its wording, asked for by
 * every carrier update of a batch that shares the transaction (and several times by each). Kept with the transaction
 * and gone with it, so never older than the transaction; a change made in it evicts its key.
 */
public final class TransactionCache {

    private static volatile TransactionSynchronizationRegistry registry;
    /** Outside a server (the persistence tests, the tools) there is none: everything is loaded each time. */
    private static volatile boolean noRegistry;

    private TransactionCache() {
    }

    /** The value of the key in this transaction, loaded the first time; outside a transaction, loaded each time. */
    @SuppressWarnings("unchecked")
    public static <T> T get(Object key, Supplier<T> load) {
        TransactionSynchronizationRegistry transactions = registry();
        if (transactions == null || transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            return load.get();
        }
        Object cached = transactions.getResource(key);
        if (cached != null) {
            return (T) cached;
        }
        T value = load.get();
        if (value != null) {
            transactions.putResource(key, value);
        }
        return value;
    }

    /** Forgets the key's value in this transaction (it has just changed). */
    public static void evict(Object key) {
        TransactionSynchronizationRegistry transactions = registry();
        if (transactions != null && transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
            transactions.putResource(key, null);
        }
    }

    private static TransactionSynchronizationRegistry registry() {
        TransactionSynchronizationRegistry known = registry;
        if (known == null && !noRegistry) {
            try {
                known = InitialContext.doLookup("java:comp/TransactionSynchronizationRegistry");
                registry = known;
            } catch (NamingException e) {
                noRegistry = true;
            }
        }
        return known;
    }
}
