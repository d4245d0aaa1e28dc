package com.parla.platform.boundary;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;

/**
 * JSON-P with its provider looked up once. {@code Json.createObjectBuilder()} and the like look the provider up on
 * every call, which on Payara scans the application's class loaders: a third of a shipment update's time in the
 * shipments benchmark's profile.
 */
public final class JsonBuilders {

    private static final JsonProvider PROVIDER = JsonProvider.provider();

    private JsonBuilders() {
    }

    public static JsonObjectBuilder object() {
        return PROVIDER.createObjectBuilder();
    }

    public static JsonArrayBuilder array() {
        return PROVIDER.createArrayBuilder();
    }

    public static JsonReader reader(String json) {
        return PROVIDER.createReader(new StringReader(json));
    }
}
