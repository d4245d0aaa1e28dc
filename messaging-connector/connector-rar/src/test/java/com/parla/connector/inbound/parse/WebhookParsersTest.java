package com.parla.connector.inbound.parse;

import com.parla.connector.api.Channel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WebhookParsersTest {

    @Test
    void eachChannelHasItsParser() {
        assertInstanceOf(WhatsAppWebhookParser.class, WebhookParsers.forChannel(Channel.WHATSAPP));
        assertInstanceOf(MessengerWebhookParser.class, WebhookParsers.forChannel(Channel.MESSENGER));
        assertInstanceOf(TelegramUpdateParser.class, WebhookParsers.forChannel(Channel.TELEGRAM));
        assertInstanceOf(WeChatMessageParser.class, WebhookParsers.forChannel(Channel.WECHAT));
        assertSame(WebhookParsers.telegram(), WebhookParsers.forChannel(Channel.TELEGRAM));
    }

    @Test
    void aChannelWithoutWebhooksIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> WebhookParsers.forChannel(Channel.WEBCHAT));
        assertEquals("no webhook parser for channel webchat", e.getMessage());
        assertTrue(Channel.ofWireName("WhatsApp").isEmpty(), "wire names are exact");
        assertTrue(Channel.ofWireName("sms").isEmpty());
        assertThrows(IllegalArgumentException.class, () -> WebhookParsers.forChannel(null));
    }
}
