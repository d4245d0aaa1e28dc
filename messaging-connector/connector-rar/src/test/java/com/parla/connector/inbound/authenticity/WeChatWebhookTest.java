package com.parla.connector.inbound.authenticity;

import java.util.Optional;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WeChatWebhookTest {

    /** WeChat's documented vector (channels.md §4.1) */
    private static final String TOKEN = "AAAAA";
    private static final String TIMESTAMP = "1714037059";
    private static final String NONCE = "486452656";
    private static final String SIGNATURE = "899cf89e464efb63f54ddac96b0a0a235f53aa78";

    /** WxJava's safe-mode vector (channels.md §4.1) */
    private static final String AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    private static final String APP_ID = "wxb11529c136998cb6";
    private static final String ENCRYPTED =
            "jn1L23DB+6ELqJ+6bruv21Y6MD7KeIfP82D6gU39rmkgczbWwt5+3bnyg5K55bgVtVzd832WzZGMhkP72vVOfg==";

    @Test
    void documentedSignature() {
        assertEquals(SIGNATURE, WeChatWebhook.signature(TOKEN, TIMESTAMP, NONCE));
        assertTrue(WeChatWebhook.isSigned(SIGNATURE, TOKEN, TIMESTAMP, NONCE));
        assertEquals(Optional.of("echo-123"), WeChatWebhook.echo(SIGNATURE, TOKEN, TIMESTAMP, NONCE, "echo-123"));
    }

    @Test
    void forgedOrReplayedWithOtherValuesIsRefused() {
        assertFalse(WeChatWebhook.isSigned(SIGNATURE, TOKEN, "1714037060", NONCE));
        assertFalse(WeChatWebhook.isSigned(SIGNATURE, "BBBBB", TIMESTAMP, NONCE));
        assertFalse(WeChatWebhook.isSigned(SIGNATURE.substring(1), TOKEN, TIMESTAMP, NONCE));
        assertFalse(WeChatWebhook.isSigned(null, TOKEN, TIMESTAMP, NONCE));
        assertTrue(WeChatWebhook.echo("0" + SIGNATURE.substring(1), TOKEN, TIMESTAMP, NONCE, "x").isEmpty());
    }

    @Test
    void safeModeSignatureCoversTheEncryptedBody() {
        String msgSignature = WeChatWebhook.signature(TOKEN, TIMESTAMP, NONCE, ENCRYPTED);
        assertTrue(WeChatWebhook.isMessageSigned(msgSignature, TOKEN, TIMESTAMP, NONCE, ENCRYPTED));
        assertFalse(WeChatWebhook.isMessageSigned(msgSignature, TOKEN, TIMESTAMP, NONCE, ENCRYPTED + "x"));
    }

    @Test
    void wxJavaVectorEncryptsAndDecrypts() {
        WeChatMessageCrypto crypto = new WeChatMessageCrypto(AES_KEY, APP_ID);
        assertEquals(ENCRYPTED, crypto.encrypt("我是中文abcd123", "aaaabbbbccccdddd".getBytes()));
        assertEquals("我是中文abcd123", crypto.decrypt(ENCRYPTED));
        assertEquals("<xml>hello</xml>", crypto.decrypt(crypto.encrypt("<xml>hello</xml>")));
    }

    @Test
    void unreadableOrForeignCiphertextIsRefused() {
        WeChatMessageCrypto crypto = new WeChatMessageCrypto(AES_KEY, APP_ID);
        WeChatMessageCrypto otherApp = new WeChatMessageCrypto(AES_KEY, "wx0000000000000000");
        assertThrows(WeChatMessageCrypto.WeChatCryptoException.class, () -> otherApp.decrypt(ENCRYPTED));
        assertThrows(WeChatMessageCrypto.WeChatCryptoException.class, () -> crypto.decrypt("not base64!"));
        assertThrows(WeChatMessageCrypto.WeChatCryptoException.class, () -> crypto.decrypt("AAAA"));
        assertThrows(WeChatMessageCrypto.WeChatCryptoException.class, () -> crypto.decrypt(""));
        WeChatMessageCrypto otherKey = new WeChatMessageCrypto("bbcdefghijklmnopqrstuvwxyz0123456789ABCDEFG", APP_ID);
        assertThrows(WeChatMessageCrypto.WeChatCryptoException.class, () -> otherKey.decrypt(ENCRYPTED));
        assertThrows(IllegalArgumentException.class, () -> new WeChatMessageCrypto("short", APP_ID));
    }
}
