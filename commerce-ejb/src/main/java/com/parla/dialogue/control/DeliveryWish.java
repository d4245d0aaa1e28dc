package com.parla.dialogue.control;

import java.time.LocalDate;
import java.util.Objects;

/** When a customer wants a delivery, read from their words: a day, or a first acceptable day, and a part of the day. */
public record DeliveryWish(LocalDate day, LocalDate notBefore, PartOfDay partOfDay) {

    /** The part of the day asked for: ANY when the words name none, or name more than one. */
    public enum PartOfDay { ANY, MORNING, AFTERNOON, EVENING }

    /** Exactly one of {@code day} and {@code notBefore}: a wish is either one day or an open range from a day. */
    public DeliveryWish {
        if ((day == null) == (notBefore == null)) {
            throw new IllegalArgumentException("a delivery wish has either a day or a first acceptable day");
        }
        Objects.requireNonNull(partOfDay, "partOfDay");
    }
}
