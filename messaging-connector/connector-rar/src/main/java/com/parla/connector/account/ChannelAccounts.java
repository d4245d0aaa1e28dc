package com.parla.connector.account;

import com.parla.connector.api.Channel;
import com.parla.connector.api.ChannelAccountRegistration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Logger;

/**
 * The channel accounts the application has registered, by account key, held in memory only; the parts of the
 * connector that keep state per account (pollers, pacing, access tokens) listen to its changes. Until the
 * application has handed over its accounts once ({@link #replaceAll}), the registry is not loaded: a webhook for
 * an account it does not know yet is to be retried, not refused.
 */
public final class ChannelAccounts {

    /** Told of every change, after it is made. */
    public interface Listener {
        void registered(ChannelAccountRegistration account);

        void unregistered(String accountKey);
    }

    private static final Logger LOG = Logger.getLogger(ChannelAccounts.class.getName());

    private final ConcurrentMap<String, ChannelAccountRegistration> byKey = new ConcurrentHashMap<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean loaded;

    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    public void removeListener(Listener listener) {
        listeners.remove(listener);
    }

    /**
     * The application's accounts, all at once: those not among them are removed.
     *
     * @throws IllegalArgumentException if one cannot be served or two share a key; nothing changes then
     */
    public synchronized void replaceAll(Collection<ChannelAccountRegistration> accounts) {
        Map<String, ChannelAccountRegistration> wanted = new HashMap<>();
        for (ChannelAccountRegistration account : accounts) {
            check(account);
            if (wanted.put(account.accountKey(), account) != null) {
                throw new IllegalArgumentException("Two accounts with the key " + account.accountKey());
            }
        }
        List.copyOf(byKey.keySet()).stream().filter(key -> !wanted.containsKey(key)).forEach(this::unregister);
        wanted.values().forEach(this::put);
        loaded = true;
        LOG.info(() -> "Channel accounts loaded: " + wanted.size());
    }

    /** @throws IllegalArgumentException if the account cannot be served by this connector */
    public synchronized void register(ChannelAccountRegistration account) {
        check(account);
        put(account);
    }

    public synchronized void unregister(String accountKey) {
        if (byKey.remove(accountKey) != null) {
            LOG.info(() -> "Channel account removed: " + accountKey);
            listeners.forEach(l -> l.unregistered(accountKey));
        }
    }

    /** The account behind {@code /webhooks/{channel}/{accountKey}}: both must match. */
    public Optional<ChannelAccountRegistration> find(Channel channel, String accountKey) {
        return find(accountKey).filter(a -> a.channel() == channel);
    }

    public Optional<ChannelAccountRegistration> find(String accountKey) {
        return accountKey == null ? Optional.empty() : Optional.ofNullable(byKey.get(accountKey));
    }

    /** Whether the application has handed over its accounts since the adapter started. */
    public boolean loaded() {
        return loaded;
    }

    public int size() {
        return byKey.size();
    }

    public synchronized void clear() {
        List.copyOf(byKey.keySet()).forEach(this::unregister);
        loaded = false;
    }

    private void put(ChannelAccountRegistration account) {
        ChannelAccountRegistration previous = byKey.put(account.accountKey(), account);
        LOG.info(() -> (previous == null ? "Channel account registered: " : "Channel account updated: ") + account);
        listeners.forEach(l -> l.registered(account));
    }

    private static void check(ChannelAccountRegistration account) {
        if (account.channel() == Channel.WEBCHAT) {
            throw new IllegalArgumentException("The web chat is not served by the messaging connector: " + account);
        }
    }
}
