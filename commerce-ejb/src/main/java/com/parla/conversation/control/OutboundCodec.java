package com.parla.conversation.control;

import com.parla.connector.api.OutboundMessage;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;

/** The outbox keeps the normalized message as JSON; the connector renders it for the channel when it is sent. */
public final class OutboundCodec {

    private static final Jsonb JSONB = JsonbBuilder.create();

    private OutboundCodec() {
    }

    public static String toJson(OutboundMessage message) {
        return JSONB.toJson(message);
    }

    public static OutboundMessage fromJson(String json) {
        return JSONB.fromJson(json, OutboundMessage.class);
    }
}
