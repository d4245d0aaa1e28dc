package com.parla.connector.inbound.authenticity;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MetaWebhookTest {

    private static final String SECRET = "test_app_secret";
    private static final byte[] BODY = "{\"object\":\"whatsapp_business_account\",\"entry\":[]}"
            .getBytes(StandardCharsets.UTF_8);
    /** channels.md §1.3 test vector */
    private static final String SIGNATURE = "sha256=dec6a680679a968e7e0319355b23599cbfc54502c0784668e9618baa0c633756";

    @Test
    void documentedVector() {
        assertEquals(SIGNATURE, MetaWebhook.signature(BODY, SECRET));
        assertTrue(MetaWebhook.isSigned(BODY, SIGNATURE, SECRET));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
            "sha256=dec6a680679a968e7e0319355b23599cbfc54502c0784668e9618baa0c633757", // one digit off
            "sha256=dec6a680679a968e7e0319355b23599cbfc54502c0784668e9618baa0c6337", // truncated
            "sha256=dec6a680679a968e7e0319355b23599cbfc54502c0784668e9618baa0c633756ff", // too long
            "dec6a680679a968e7e0319355b23599cbfc54502c0784668e9618baa0c633756", // no prefix
            "sha1=dec6a680679a968e7e0319355b23599cbfc54502c0784668e9618baa0c633756", // other algorithm
            "sha256=zzc6a680679a968e7e0319355b23599cbfc54502c0784668e9618baa0c633756", // not hex
    })
    void forgedMissingOrMalformedSignaturesAreRefused(String header) {
        assertFalse(MetaWebhook.isSigned(BODY, header, SECRET));
    }

    @Test
    void theSignatureCoversTheBytesAsSent() {
        // Meta sends "é" escaped; a parser and re-serialiser would turn it into raw UTF-8 and lose the signature
        byte[] asSent = "{\"text\":\"caf\\u00e9\"}".getBytes(StandardCharsets.UTF_8);
        byte[] reserialised = "{\"text\":\"café\"}".getBytes(StandardCharsets.UTF_8);
        String header = MetaWebhook.signature(asSent, SECRET);
        assertTrue(MetaWebhook.isSigned(asSent, header, SECRET));
        assertFalse(MetaWebhook.isSigned(reserialised, header, SECRET));
        assertFalse(MetaWebhook.isSigned(asSent, header, "another_secret"));
        assertFalse(MetaWebhook.isSigned(asSent, header, ""));
    }

    @Test
    void handshakeEchoesTheChallengeForTheRightToken() {
        assertEquals(Optional.of("1158201444"),
                MetaWebhook.challengeAnswer("subscribe", "my-verify-token", "1158201444", "my-verify-token"));
        assertTrue(MetaWebhook.challengeAnswer("subscribe", "guess", "1158201444", "my-verify-token").isEmpty());
        assertTrue(MetaWebhook.challengeAnswer("unsubscribe", "my-verify-token", "1", "my-verify-token").isEmpty());
        assertTrue(MetaWebhook.challengeAnswer("subscribe", null, "1", "my-verify-token").isEmpty());
        assertTrue(MetaWebhook.challengeAnswer("subscribe", "my-verify-token", "", "my-verify-token").isEmpty());
    }
}
