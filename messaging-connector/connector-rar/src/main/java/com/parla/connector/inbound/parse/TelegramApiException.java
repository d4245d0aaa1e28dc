package com.parla.connector.inbound.parse;

import java.util.OptionalInt;

/**
 * The Bot API answered {@code ok:false} (channels.md §2): e.g. 409 when another poller holds the token, 429 with
 * {@code retry_after}. The poller decides whether and when to try again.
 */
public class TelegramApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int errorCode;
    private final String description;
    private final Integer retryAfter;

    public TelegramApiException(int errorCode, String description, Integer retryAfter) {
        super("telegram: error " + errorCode + ": " + description
                + (retryAfter == null ? "" : " (retry after " + retryAfter + " s)"));
        this.errorCode = errorCode;
        this.description = description;
        this.retryAfter = retryAfter;
    }

    public int errorCode() {
        return errorCode;
    }

    public String description() {
        return description;
    }

    /** Seconds to wait before the next call, when Telegram said so (429). */
    public OptionalInt retryAfter() {
        return retryAfter == null ? OptionalInt.empty() : OptionalInt.of(retryAfter);
    }
}
