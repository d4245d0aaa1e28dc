package com.parla.integration.boundary;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventEnvelopeTest {

    @Test
    void readsACompleteEnvelope() {
        EventEnvelope event = EventEnvelope.parse("""
                {"id":"e-1","type":"parla.catalog.stock.changed","source":"wms","time":"2026-11-24T10:00:00Z",
                 "subject":"SKU-1","data":{"store":"s","sku":"SKU-1","stock":3},"extra":"ignored"}""");
        assertEquals("e-1", event.id());
        assertEquals("parla.catalog.stock.changed", event.type());
        assertEquals("wms", event.source());
        assertEquals("SKU-1", event.subject());
        assertEquals(3, event.data().getInt("stock"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "not json",
            "{\"id\": \"x\", \"type\": ",
            "[1,2,3]",
            "{\"type\":\"t\",\"source\":\"s\",\"data\":{}}",
            "{\"id\":\"\",\"type\":\"t\",\"source\":\"s\",\"data\":{}}",
            "{\"id\":\"x\",\"source\":\"s\",\"data\":{}}",
            "{\"id\":\"x\",\"type\":\"t\",\"data\":{}}",
            "{\"id\":\"x\",\"type\":\"t\",\"source\":\"s\"}",
            "{\"id\":\"x\",\"type\":\"t\",\"source\":\"s\",\"data\":[]}",
            "{\"id\":7,\"type\":\"t\",\"source\":\"s\",\"data\":{}}"})
    void rejectsWhatIsNotAnEnvelopeWithAReason(String body) {
        InvalidEventException rejected = assertThrows(InvalidEventException.class, () -> EventEnvelope.parse(body));
        assertTrue(rejected.getMessage() != null && !rejected.getMessage().isBlank());
    }

    @Test
    void rejectsAnOversizedId() {
        String id = "i".repeat(EventEnvelope.MAX_ID + 1);
        assertThrows(InvalidEventException.class, () -> EventEnvelope.parse(
                "{\"id\":\"" + id + "\",\"type\":\"t\",\"source\":\"s\",\"data\":{}}"));
    }

    @Test
    void nullBodyIsRejected() {
        assertThrows(InvalidEventException.class, () -> EventEnvelope.parse(null));
    }
}
