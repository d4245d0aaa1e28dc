package com.parla.connector.inbound.authenticity;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * WeChat safe mode (channels.md §4.1): AES-256-CBC with the key Base64Decode(EncodingAESKey + "="), the IV its
 * first 16 bytes, PKCS#7 padding to 32-byte blocks; the plaintext is 16 random bytes, the message length (4 bytes,
 * big-endian), the message and the app id, which must be the account's own.
 */
public final class WeChatMessageCrypto {

    private static final int BLOCK = 32;
    private static final int RANDOM = 16;

    private final byte[] key;
    private final byte[] appId;

    /** @param encodingAesKey the 43 characters set in the WeChat developer platform */
    public WeChatMessageCrypto(String encodingAesKey, String appId) {
        if (encodingAesKey == null || !encodingAesKey.matches("[A-Za-z0-9]{43}")) {
            throw new IllegalArgumentException("an EncodingAESKey is 43 letters and digits");
        }
        this.key = Base64.getDecoder().decode(encodingAesKey + "=");
        this.appId = appId.getBytes(StandardCharsets.UTF_8);
    }

    public String encrypt(String message) {
        byte[] random = new byte[RANDOM];
        new SecureRandom().nextBytes(random);
        return encrypt(message, random);
    }

    /** With given random bytes, for test vectors. */
    String encrypt(String message, byte[] random) {
        byte[] text = message.getBytes(StandardCharsets.UTF_8);
        ByteBuffer plain = ByteBuffer.allocate(RANDOM + 4 + text.length + appId.length);
        plain.put(random).putInt(text.length).put(text).put(appId);
        return Base64.getEncoder().encodeToString(cipher(Cipher.ENCRYPT_MODE, pad(plain.array())));
    }

    /**
     * @throws WeChatCryptoException if the text is not Base64, does not decrypt, is badly padded or framed, or was
     *                               encrypted for another app id
     */
    public String decrypt(String encrypted) {
        byte[] plain;
        try {
            byte[] bytes = Base64.getDecoder().decode(encrypted);
            if (bytes.length == 0 || bytes.length % 16 != 0) {
                throw new WeChatCryptoException("encrypted message is not whole AES blocks");
            }
            plain = unpad(cipher(Cipher.DECRYPT_MODE, bytes));
        } catch (IllegalArgumentException notBase64) {
            throw new WeChatCryptoException("encrypted message is not Base64");
        }
        if (plain.length < RANDOM + 4) {
            throw new WeChatCryptoException("decrypted message too short");
        }
        int length = ByteBuffer.wrap(plain, RANDOM, 4).getInt();
        if (length < 0 || length > plain.length - RANDOM - 4) {
            throw new WeChatCryptoException("decrypted message length out of bounds");
        }
        byte[] sender = Arrays.copyOfRange(plain, RANDOM + 4 + length, plain.length);
        if (!MessageDigest.isEqual(sender, appId)) {
            throw new WeChatCryptoException("message encrypted for another app id");
        }
        return new String(plain, RANDOM + 4, length, StandardCharsets.UTF_8);
    }

    private byte[] cipher(int mode, byte[] input) {
        try {
            Cipher aes = Cipher.getInstance("AES/CBC/NoPadding");
            aes.init(mode, new SecretKeySpec(key, "AES"), new IvParameterSpec(key, 0, 16));
            return aes.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new WeChatCryptoException("AES: " + e.getMessage());
        }
    }

    private static byte[] pad(byte[] plain) {
        int padding = BLOCK - plain.length % BLOCK;
        byte[] padded = Arrays.copyOf(plain, plain.length + padding);
        Arrays.fill(padded, plain.length, padded.length, (byte) padding);
        return padded;
    }

    private static byte[] unpad(byte[] padded) {
        int padding = padded[padded.length - 1] & 0xff;
        if (padding < 1 || padding > BLOCK || padding > padded.length) {
            throw new WeChatCryptoException("bad padding");
        }
        return Arrays.copyOf(padded, padded.length - padding);
    }

    /** A safe-mode message that cannot be read: answered 403, nothing delivered. */
    public static final class WeChatCryptoException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        WeChatCryptoException(String reason) {
            super(reason);
        }
    }
}
