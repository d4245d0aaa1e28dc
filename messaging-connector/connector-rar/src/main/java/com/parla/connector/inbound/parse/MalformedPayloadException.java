package com.parla.connector.inbound.parse;

/** A webhook body that is not in the channel's documented format: answered 400, nothing delivered. */
public class MalformedPayloadException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MalformedPayloadException(String message) {
        super(message);
    }

    public MalformedPayloadException(String message, Throwable cause) {
        super(message, cause);
    }
}
