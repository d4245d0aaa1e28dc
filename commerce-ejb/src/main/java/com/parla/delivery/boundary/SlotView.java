package com.parla.delivery.boundary;

import com.parla.delivery.entity.DeliverySlot;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.LocalTime;

/** A delivery window as the chat and the pages show it: "Thursday 3 December, 9:00–13:00". */
public record SlotView(long id, LocalDate day, LocalTime from, LocalTime to, int capacity, int booked)
        implements Serializable {

    static SlotView of(DeliverySlot slot) {
        return new SlotView(slot.getId(), slot.getDay(), slot.getStartsAt(), slot.getEndsAt(), slot.getCapacity(),
                slot.getBooked());
    }

    public boolean hasRoom() {
        return booked < capacity;
    }
}
