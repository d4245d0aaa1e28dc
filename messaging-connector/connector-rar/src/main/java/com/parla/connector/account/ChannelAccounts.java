package com.parla.connector.account;

import com.parla.connector.api.ChannelAccountRegistration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.logging.Logger;

/** The channel accounts the application has registered, by account key; held in memory only. */
public final class ChannelAccounts {

    public static final Set<String> CHANNELS = Set.of("whatsapp", "telegram", "messenger", "wechat");

    private static final Logger LOG = Logger.getLogger(ChannelAccounts.class.getName());

    private final ConcurrentMap<String, ChannelAccountRegistration> byKey = new ConcurrentHashMap<>();

    public void register(ChannelAccountRegistration account) {
        if (!CHANNELS.contains(account.channel())) {
            throw new IllegalArgumentException("Unknown channel " + account.channel() + "; one of " + CHANNELS);
        }
        ChannelAccountRegistration previous = byKey.put(account.accountKey(), account);
        LOG.info(() -> (previous == null ? "Channel account registered: " : "Channel account updated: ") + account);
    }

    public void unregister(String accountKey) {
        if (byKey.remove(accountKey) != null) {
            LOG.info(() -> "Channel account removed: " + accountKey);
        }
    }

    /** The account behind {@code /webhooks/{channel}/{accountKey}}: both must match. */
    public Optional<ChannelAccountRegistration> find(String channel, String accountKey) {
        return find(accountKey).filter(a -> a.channel().equals(channel));
    }

    public Optional<ChannelAccountRegistration> find(String accountKey) {
        return accountKey == null ? Optional.empty() : Optional.ofNullable(byKey.get(accountKey));
    }

    public void clear() {
        byKey.clear();
    }
}
