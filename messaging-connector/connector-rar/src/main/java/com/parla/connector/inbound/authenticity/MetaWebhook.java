package com.parla.connector.inbound.authenticity;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Authenticity of WhatsApp Cloud API and Messenger webhooks (channels.md §1.2, §1.3, §3): the verification
 * handshake on GET, and on POST the {@code X-Hub-Signature-256} header, HMAC-SHA256 of the raw body bytes keyed
 * with the app secret. The bytes are hashed as received: Meta signs its escaped-unicode serialisation, so a
 * re-serialised body never matches.
 */
public final class MetaWebhook {

    private static final String PREFIX = "sha256=";
    private static final int HEX_LENGTH = 64;

    private MetaWebhook() {
    }

    /** The value of {@code X-Hub-Signature-256} for {@code rawBody}: "sha256=" and lower-case hex. */
    public static String signature(byte[] rawBody, String appSecret) {
        return PREFIX + HexFormat.of().formatHex(hmacSha256(rawBody, appSecret));
    }

    /**
     * @return true only if {@code header} is a well-formed signature of exactly these bytes with this secret;
     *         the comparison takes the same time wherever the first difference is
     */
    public static boolean isSigned(byte[] rawBody, String header, String appSecret) {
        if (header == null || appSecret == null || appSecret.isEmpty() || !header.startsWith(PREFIX)
                || header.length() != PREFIX.length() + HEX_LENGTH) {
            return false;
        }
        byte[] claimed;
        try {
            claimed = HexFormat.of().parseHex(header.substring(PREFIX.length()));
        } catch (IllegalArgumentException notHex) {
            return false;
        }
        return MessageDigest.isEqual(claimed, hmacSha256(rawBody, appSecret));
    }

    /**
     * The GET handshake: {@code hub.mode=subscribe} with the account's verify token is answered with the
     * challenge; anything else with nothing (the listener answers 403).
     */
    public static Optional<String> challengeAnswer(String mode, String verifyToken, String challenge,
                                                   String expectedToken) {
        if (!"subscribe".equals(mode) || challenge == null || challenge.isEmpty() || verifyToken == null
                || expectedToken == null || !Secrets.equal(verifyToken, expectedToken)) {
            return Optional.empty();
        }
        return Optional.of(challenge);
    }

    private static byte[] hmacSha256(byte[] body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }
}
