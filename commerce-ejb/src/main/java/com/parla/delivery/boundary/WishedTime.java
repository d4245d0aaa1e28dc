package com.parla.delivery.boundary;

import java.time.LocalDate;

/**
 * When a customer wants a delivery: a day, or a first acceptable day, and a part of it.
 *
 * @param partOfDay ANY, MORNING, AFTERNOON or EVENING
 */
public record WishedTime(LocalDate day, LocalDate notBefore, String partOfDay) {

    public LocalDate firstDay() {
        return day != null ? day : notBefore;
    }
}
