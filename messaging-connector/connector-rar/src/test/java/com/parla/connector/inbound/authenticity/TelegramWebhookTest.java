package com.parla.connector.inbound.authenticity;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TelegramWebhookTest {

    @Test
    void onlyTheBotsSecretTokenPasses() {
        assertTrue(TelegramWebhook.isAuthentic("s3cr3t-Token_1", "s3cr3t-Token_1"));
        assertFalse(TelegramWebhook.isAuthentic("s3cr3t-Token_2", "s3cr3t-Token_1"));
        assertFalse(TelegramWebhook.isAuthentic("s3cr3t-Token_", "s3cr3t-Token_1"));
        assertFalse(TelegramWebhook.isAuthentic(null, "s3cr3t-Token_1"));
        assertFalse(TelegramWebhook.isAuthentic("", ""), "an unset token authenticates nothing");
    }

    @Test
    void secretTokensFollowTelegramsRule() {
        assertTrue(TelegramWebhook.isValidSecretToken("a"));
        assertTrue(TelegramWebhook.isValidSecretToken("x".repeat(256)));
        assertFalse(TelegramWebhook.isValidSecretToken("x".repeat(257)));
        assertFalse(TelegramWebhook.isValidSecretToken("has space"));
        assertFalse(TelegramWebhook.isValidSecretToken("ünicode"));
    }
}
