package com.parla.connector.inbound.authenticity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Authenticity of WeChat Official Account pushes (channels.md §4.1): {@code signature} = SHA-1 of the token,
 * timestamp and nonce sorted and joined, on the verification GET and on every POST; in safe mode
 * {@code msg_signature} also covers the encrypted body.
 */
public final class WeChatWebhook {

    private WeChatWebhook() {
    }

    /** SHA-1 hex of the parts sorted lexicographically and concatenated. */
    public static String signature(String... parts) {
        String[] sorted = parts.clone();
        Arrays.sort(sorted);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1")
                    .digest(String.join("", sorted).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every JDK", e);
        }
    }

    public static boolean isSigned(String signature, String token, String timestamp, String nonce) {
        return signature != null && token != null && timestamp != null && nonce != null
                && Secrets.equal(signature.toLowerCase(java.util.Locale.ROOT), signature(token, timestamp, nonce));
    }

    /** Safe mode: {@code msg_signature} over token, timestamp, nonce and the {@code Encrypt} element. */
    public static boolean isMessageSigned(String msgSignature, String token, String timestamp, String nonce,
                                          String encrypted) {
        return msgSignature != null && token != null && timestamp != null && nonce != null && encrypted != null
                && Secrets.equal(msgSignature.toLowerCase(java.util.Locale.ROOT),
                signature(token, timestamp, nonce, encrypted));
    }

    /** The verification GET: a correct signature is answered with {@code echostr} verbatim. */
    public static Optional<String> echo(String signature, String token, String timestamp, String nonce,
                                        String echostr) {
        return echostr != null && isSigned(signature, token, timestamp, nonce) ? Optional.of(echostr)
                : Optional.empty();
    }
}
