package com.parla.integration.boundary;

import com.parla.platform.boundary.JsonBuilders;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;

/**
 * The CloudEvents-style envelope of every integration message (DESIGN.md §6): {@code id}, {@code type},
 * {@code source}, {@code time}, {@code subject}, {@code data}. Consumers are idempotent on {@code id}.
 */
public record EventEnvelope(String id, String type, String source, String time, String subject, JsonObject data) {

    static final int MAX_ID = 128;

    /** Parses and checks an envelope; anything that is not one is rejected with the reason. */
    public static EventEnvelope parse(String json) {
        if (json == null || json.isBlank()) {
            throw new InvalidEventException("empty message body");
        }
        JsonObject object;
        try (var reader = JsonBuilders.reader(json)) {
            object = reader.readObject();
        } catch (JsonParsingException e) {
            throw new InvalidEventException("malformed JSON: " + e.getMessage());
        } catch (JsonException | IllegalStateException e) {
            throw new InvalidEventException("not a JSON object: " + e.getMessage());
        }
        String id = requiredString(object, "id");
        if (id.length() > MAX_ID) {
            throw new InvalidEventException("id longer than " + MAX_ID + " characters");
        }
        JsonValue data = object.get("data");
        if (data == null || data.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new InvalidEventException("data must be a JSON object");
        }
        return new EventEnvelope(id, requiredString(object, "type"), requiredString(object, "source"),
                optionalString(object, "time"), optionalString(object, "subject"), data.asJsonObject());
    }

    private static String requiredString(JsonObject object, String name) {
        String value = optionalString(object, name);
        if (value == null || value.isBlank()) {
            throw new InvalidEventException("missing " + name);
        }
        return value;
    }

    private static String optionalString(JsonObject object, String name) {
        JsonValue value = object.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (!(value instanceof JsonString string)) {
            throw new InvalidEventException(name + " must be a string");
        }
        return string.getString();
    }
}
