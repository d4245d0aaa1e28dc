package com.parla.platform.boundary;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Codes people read and type (order references, BUY codes: no 0/O or 1/I/L to confuse, always a digit so that
 * "BUY" + code is never a sentence) and tokens nobody guesses (payment links).
 */
public final class Codes {

    private static final String LETTERS = "ABCDEFGHJKMNPQRSTUVWXYZ";
    private static final String DIGITS = "23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Codes() {
    }

    /** Letters and digits, at least one of each: "K7MPX2". */
    public static String readable(int length) {
        StringBuilder code = new StringBuilder(length);
        int digitAt = RANDOM.nextInt(length);
        int letterAt = (digitAt + 1 + RANDOM.nextInt(length - 1)) % length;
        String alphabet = LETTERS + DIGITS;
        for (int i = 0; i < length; i++) {
            String from = i == digitAt ? DIGITS : i == letterAt ? LETTERS : alphabet;
            code.append(from.charAt(RANDOM.nextInt(from.length())));
        }
        return code.toString();
    }

    /** 256 random bits, URL-safe. */
    public static String token() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
