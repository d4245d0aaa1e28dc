package com.parla.api;

import com.parla.platform.boundary.Refusal;
import jakarta.ws.rs.BadRequestException;
import java.util.function.Supplier;

/** A business call that refuses its input: the caller gets a 400 with the reason. */
public final class BusinessRefusals {

    private BusinessRefusals() {
    }

    public static <T> T asBadRequest(Supplier<T> call) {
        try {
            return call.get();
        } catch (Refusal e) {
            throw new BadRequestException(e.getMessage());
        }
    }
}
