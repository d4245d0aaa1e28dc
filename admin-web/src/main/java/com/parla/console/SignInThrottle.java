package com.parla.console;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Slows down password guessing: after {@link #PER_ACCOUNT} failed sign-ins to one account, or {@link #PER_ADDRESS}
 * from one network address, each within {@code parla.console.sign-in-lock} of the one before, further attempts
 * are refused until that long after the latest failure, even with the right password. Counted per server: a cluster multiplies the allowance by its size, still far from
 * what guessing needs.
 */
@ApplicationScoped
public class SignInThrottle {

    static final int PER_ACCOUNT = 5;
    static final int PER_ADDRESS = 20;
    /** Beyond this many remembered names, the stale ones are forgotten (random names must not fill the memory). */
    private static final int REMEMBERED = 10_000;

    @Inject
    @ConfigProperty(name = "parla.console.sign-in-lock", defaultValue = "PT5M")
    Duration lock;

    Clock clock = Clock.systemUTC();

    /** Failures counted since the first one of this window; the lock runs from the latest. */
    private record Failures(Instant since, Instant latest, int count) {
    }

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    /** How long this account or address must still wait before trying again; empty if it may try now. */
    public Optional<Duration> wait(String email, String address) {
        Instant now = clock.instant();
        return longest(waitOf("account:" + email, PER_ACCOUNT, now), waitOf("address:" + address, PER_ADDRESS, now));
    }

    public void failed(String email, String address) {
        Instant now = clock.instant();
        count("account:" + email, now);
        count("address:" + address, now);
        if (failures.size() > REMEMBERED) {
            failures.values().removeIf(f -> f.latest().plus(lock).isBefore(now));
        }
    }

    /** A good sign-in forgets the account's failures (not the address's: one good account must not unlock many). */
    public void succeeded(String email) {
        failures.remove("account:" + email);
    }

    private void count(String key, Instant now) {
        failures.merge(key, new Failures(now, now, 1), (old, one) -> old.latest().plus(lock).isBefore(now)
                ? one : new Failures(old.since(), now, old.count() + 1));
    }

    private Optional<Duration> waitOf(String key, int allowed, Instant now) {
        Failures f = failures.get(key);
        if (f == null || f.count() < allowed) {
            return Optional.empty();
        }
        Duration left = Duration.between(now, f.latest().plus(lock));
        return left.isNegative() || left.isZero() ? Optional.empty() : Optional.of(left);
    }

    private static Optional<Duration> longest(Optional<Duration> a, Optional<Duration> b) {
        if (a.isEmpty()) {
            return b;
        }
        return b.isEmpty() || a.get().compareTo(b.get()) >= 0 ? a : b;
    }
}
