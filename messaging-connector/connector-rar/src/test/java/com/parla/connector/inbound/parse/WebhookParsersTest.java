package com.parla.connector.inbound.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class WebhookParsersTest {

    @Test
    void eachChannelHasItsParser() {
        assertInstanceOf(WhatsAppWebhookParser.class, WebhookParsers.forChannel("whatsapp"));
        assertInstanceOf(MessengerWebhookParser.class, WebhookParsers.forChannel("messenger"));
        assertInstanceOf(TelegramUpdateParser.class, WebhookParsers.forChannel("telegram"));
        assertInstanceOf(WeChatMessageParser.class, WebhookParsers.forChannel("wechat"));
        assertSame(WebhookParsers.telegram(), WebhookParsers.forChannel("telegram"));
    }

    @Test
    void unknownChannelIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> WebhookParsers.forChannel("sms"));
        assertEquals("no webhook parser for channel sms", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> WebhookParsers.forChannel("WhatsApp"));
        assertThrows(IllegalArgumentException.class, () -> WebhookParsers.forChannel(null));
    }
}
