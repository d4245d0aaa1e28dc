package com.parla.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SignInThrottleTest {

    private static final Instant START = Instant.parse("2026-12-07T10:00:00Z");
    private final SignInThrottle throttle = new SignInThrottle();

    @BeforeEach
    void fiveMinuteLock() {
        throttle.lock = Duration.ofMinutes(5);
        at(START);
    }

    private void at(Instant now) {
        throttle.clock = Clock.fixed(now, ZoneOffset.UTC);
    }

    @Test
    void fiveFailuresLockTheAccountForFiveMinutesFromTheLast() {
        for (int i = 0; i < 4; i++) {
            at(START.plusSeconds(30L * i));
            throttle.failed("anna@shop.test", "10.0.0.1");
            assertTrue(throttle.wait("anna@shop.test", "10.0.0.1").isEmpty(), "failure " + (i + 1) + " is allowed");
        }
        at(START.plusSeconds(120));
        throttle.failed("anna@shop.test", "10.0.0.1");
        assertEquals(Optional.of(Duration.ofMinutes(5)), throttle.wait("anna@shop.test", "10.0.0.1"));
        // from another address too: the account is what is guessed
        at(START.plusSeconds(120 + 60));
        assertEquals(Optional.of(Duration.ofMinutes(4)), throttle.wait("anna@shop.test", "10.9.9.9"));
        assertTrue(throttle.wait("giulia@shop.test", "10.9.9.9").isEmpty(), "another account may sign in");
        at(START.plusSeconds(120 + 300));
        assertTrue(throttle.wait("anna@shop.test", "10.0.0.1").isEmpty(), "free again after the lock");
    }

    @Test
    void failuresFarApartNeverLock() {
        for (int i = 0; i < 20; i++) {
            at(START.plus(Duration.ofMinutes(6L * i)));
            throttle.failed("anna@shop.test", "10.0.0." + i);
            assertTrue(throttle.wait("anna@shop.test", "10.0.0." + i).isEmpty());
        }
    }

    @Test
    void oneAddressTryingManyAccountsIsLockedToo() {
        for (int i = 0; i < SignInThrottle.PER_ADDRESS; i++) {
            throttle.failed("guess" + i + "@shop.test", "203.0.113.7");
        }
        assertTrue(throttle.wait("anna@shop.test", "203.0.113.7").isPresent(), "even a real account, from there");
        assertTrue(throttle.wait("anna@shop.test", "10.0.0.1").isEmpty());
    }

    @Test
    void aGoodSignInForgetsTheAccountsFailures() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("anna@shop.test", "10.0.0.1");
        }
        throttle.succeeded("anna@shop.test");
        throttle.failed("anna@shop.test", "10.0.0.1");
        assertTrue(throttle.wait("anna@shop.test", "10.0.0.1").isEmpty());
    }
}
