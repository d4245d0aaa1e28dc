package com.parla.integration.boundary;

import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.nio.charset.StandardCharsets;

/** Reading integration messages whatever the client sent: STOMP frames with a content-length arrive as bytes. */
public final class JmsMessages {

    /** Larger bodies are rejected: no catalog or shipment event needs more. */
    public static final int MAX_BODY_BYTES = 1 << 20;

    private JmsMessages() {
    }

    public static String body(Message message) throws JMSException {
        if (message instanceof TextMessage text) {
            String body = text.getText();
            if (body != null && body.length() > MAX_BODY_BYTES) {
                throw new InvalidEventException("body larger than " + MAX_BODY_BYTES + " bytes");
            }
            return body;
        }
        if (message instanceof BytesMessage bytes) {
            long length = bytes.getBodyLength();
            if (length > MAX_BODY_BYTES) {
                throw new InvalidEventException("body larger than " + MAX_BODY_BYTES + " bytes");
            }
            byte[] content = new byte[(int) length];
            bytes.readBytes(content);
            return new String(content, StandardCharsets.UTF_8);
        }
        throw new InvalidEventException("expected a text or bytes message, got " + message.getClass().getSimpleName());
    }

    public static int deliveryCount(Message message) throws JMSException {
        return message.propertyExists("JMSXDeliveryCount") ? message.getIntProperty("JMSXDeliveryCount") : 1;
    }
}
