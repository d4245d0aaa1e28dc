package com.parla.conversation.control;

import jakarta.ejb.ApplicationException;

/** A free-form message into a closed customer-service window: refused before it reaches the channel. */
@ApplicationException(rollback = true)
public class WindowClosedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public WindowClosedException(String message) {
        super(message);
    }
}
