package com.parla.store.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The owner of each channel account, kept in memory: every inbound message asks for it. An entry is dropped when
 * its account changes on this server; on several servers the others keep theirs until they restart (the account's
 * store and channel do not change in place).
 */
@ApplicationScoped
public class AccountOwners {

    private final Map<String, AccountOwner> byAccountKey = new ConcurrentHashMap<>();

    /** The cached owner, or the one {@code load} finds (not cached when there is none). */
    public Optional<AccountOwner> owner(String accountKey, Function<String, Optional<AccountOwner>> load) {
        AccountOwner known = byAccountKey.get(accountKey);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<AccountOwner> loaded = load.apply(accountKey);
        loaded.ifPresent(owner -> byAccountKey.put(accountKey, owner));
        return loaded;
    }

    void changed(@Observes ChannelAccountChanged event) {
        byAccountKey.remove(event.accountKey());
    }
}
