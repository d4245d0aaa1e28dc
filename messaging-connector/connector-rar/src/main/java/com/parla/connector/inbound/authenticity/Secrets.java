package com.parla.connector.inbound.authenticity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** Comparing secrets without telling an attacker, by timing, how much of a guess was right. */
final class Secrets {

    private Secrets() {
    }

    static boolean equal(String given, String expected) {
        return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }
}
