package com.parla.connector.inbound.parse;

import com.parla.connector.api.ChannelAccountRegistration;
import com.parla.connector.api.InboundMessage;
import java.time.Instant;
import java.util.List;

/** Turns one authentic webhook body (or Telegram update) of a channel into normalized messages. */
public interface WebhookParser {

    /**
     * @param body       the raw body, already authenticated (and for WeChat safe mode, decrypted)
     * @param account    the account it came in on
     * @param receivedAt when the connector received it
     * @return the messages and events it carries, in wire order; empty when it carries nothing we model
     * @throws MalformedPayloadException when the body is not the channel's documented format
     */
    List<InboundMessage> parse(byte[] body, ChannelAccountRegistration account, Instant receivedAt);
}
