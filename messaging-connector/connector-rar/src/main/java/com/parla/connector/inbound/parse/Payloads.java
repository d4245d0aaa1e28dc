package com.parla.connector.inbound.parse;

import com.parla.connector.api.InboundMessage;
import java.math.BigDecimal;

/** Checks shared by the parsers of every channel. */
final class Payloads {

    private Payloads() {
    }

    /** A location the application can use: finite and on the globe, else the payload is malformed. */
    static InboundMessage.Location location(BigDecimal latitude, BigDecimal longitude, String name, String address,
                                            String where) {
        return location(latitude.doubleValue(), longitude.doubleValue(), name, address, where);
    }

    static InboundMessage.Location location(double latitude, double longitude, String name, String address,
                                            String where) {
        if (!(latitude >= -90 && latitude <= 90) || !(longitude >= -180 && longitude <= 180)) {
            throw new MalformedPayloadException(where + " location " + latitude + "," + longitude
                    + " is not on the globe");
        }
        return new InboundMessage.Location(latitude, longitude, name, address);
    }

    /** {@code first last}, either may be missing; null when both are. */
    static String fullName(String first, String last) {
        if (first == null || first.isEmpty()) {
            return last == null || last.isEmpty() ? null : last;
        }
        return last == null || last.isEmpty() ? first : first + " " + last;
    }
}
