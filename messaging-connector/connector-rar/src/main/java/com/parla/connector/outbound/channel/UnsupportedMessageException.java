package com.parla.connector.outbound.channel;

/** A message the channel cannot carry as given (too many buttons, missing template, title too long…). */
public class UnsupportedMessageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UnsupportedMessageException(String message) {
        super(message);
    }
}
