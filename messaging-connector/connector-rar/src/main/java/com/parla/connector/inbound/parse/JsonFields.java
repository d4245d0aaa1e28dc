package com.parla.connector.inbound.parse;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonConfig;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Typed, checked access to JSON-P objects for the parsers: a field of the wrong type is a
 * {@link MalformedPayloadException} naming where it was, never a ClassCastException. {@code where} is a path such as
 * {@code whatsapp entry[0].changes[1].value.messages[2]}, so a 400 says what was wrong.
 */
final class JsonFields {

    // duplicate keys are refused: two different values for one field could be read differently by two readers
    private static final JsonReaderFactory READERS =
            Json.createReaderFactory(Map.of(JsonConfig.KEY_STRATEGY, JsonConfig.KeyStrategy.NONE));

    private JsonFields() {
    }

    static JsonObject readObject(byte[] body, String channel) {
        if (body == null || body.length == 0) {
            throw new MalformedPayloadException(channel + ": empty body");
        }
        JsonValue value;
        try (JsonReader reader = READERS.createReader(new ByteArrayInputStream(body))) {
            value = reader.readValue();
        } catch (JsonException | IllegalStateException e) {
            throw new MalformedPayloadException(channel + ": body is not valid JSON: " + e.getMessage(), e);
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new MalformedPayloadException(channel + ": body is JSON " + value.getValueType()
                    + ", expected an object");
        }
        return value.asJsonObject();
    }

    /** A string field; a number is taken as its plain decimal text (ids and timestamps come either way). */
    static String string(JsonObject o, String key, String where) {
        return scalar(o.get(key), key, where);
    }

    private static String scalar(JsonValue v, String label, String where) {
        if (v == null || v == JsonValue.NULL) {
            return null;
        }
        if (v instanceof JsonString s) {
            return s.getString();
        }
        if (v instanceof JsonNumber n) {
            BigDecimal d = n.bigDecimalValue();
            try {
                return d.toBigIntegerExact().toString();
            } catch (ArithmeticException notWhole) {
                return d.toPlainString();
            }
        }
        throw malformed(where, label + " must be a string, is " + v.getValueType());
    }

    static String requiredString(JsonObject o, String key, String where) {
        String s = string(o, key, where);
        if (s == null || s.isEmpty()) {
            throw malformed(where, "has no " + key);
        }
        return s;
    }

    static JsonObject object(JsonObject o, String key, String where) {
        JsonValue v = o.get(key);
        if (v == null || v == JsonValue.NULL) {
            return null;
        }
        if (v.getValueType() != JsonValue.ValueType.OBJECT) {
            throw malformed(where, key + " must be an object, is " + v.getValueType());
        }
        return v.asJsonObject();
    }

    static JsonObject requiredObject(JsonObject o, String key, String where) {
        JsonObject v = object(o, key, where);
        if (v == null) {
            throw malformed(where, "has no " + key);
        }
        return v;
    }

    /** The elements of an array of objects; an absent array is empty. */
    static List<JsonObject> objects(JsonObject o, String key, String where) {
        JsonValue v = o.get(key);
        if (v == null || v == JsonValue.NULL) {
            return List.of();
        }
        if (v.getValueType() != JsonValue.ValueType.ARRAY) {
            throw malformed(where, key + " must be an array, is " + v.getValueType());
        }
        JsonArray array = v.asJsonArray();
        List<JsonObject> result = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            JsonValue item = array.get(i);
            if (item.getValueType() != JsonValue.ValueType.OBJECT) {
                throw malformed(where, key + "[" + i + "] must be an object, is " + item.getValueType());
            }
            result.add(item.asJsonObject());
        }
        return result;
    }

    static List<JsonObject> requiredObjects(JsonObject o, String key, String where) {
        if (!o.containsKey(key)) {
            throw malformed(where, "has no " + key);
        }
        return objects(o, key, where);
    }

    /** An array of strings (or numbers); an absent array is empty. */
    static List<String> strings(JsonObject o, String key, String where) {
        JsonValue v = o.get(key);
        if (v == null || v == JsonValue.NULL) {
            return List.of();
        }
        if (v.getValueType() != JsonValue.ValueType.ARRAY) {
            throw malformed(where, key + " must be an array, is " + v.getValueType());
        }
        JsonArray array = v.asJsonArray();
        List<String> result = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            String s = scalar(array.get(i), key + "[" + i + "]", where);
            if (s == null || s.isEmpty()) {
                throw malformed(where, key + "[" + i + "] is empty");
            }
            result.add(s);
        }
        return result;
    }

    /** A number, or a string holding one (WhatsApp sends timestamps as strings, prices as numbers). */
    static BigDecimal decimal(JsonObject o, String key, String where) {
        JsonValue v = o.get(key);
        if (v == null || v == JsonValue.NULL) {
            return null;
        }
        if (v instanceof JsonNumber n) {
            return n.bigDecimalValue();
        }
        if (v instanceof JsonString s) {
            try {
                return new BigDecimal(s.getString().strip());
            } catch (NumberFormatException e) {
                throw malformed(where, key + " is not a number: " + s.getString());
            }
        }
        throw malformed(where, key + " must be a number, is " + v.getValueType());
    }

    static BigDecimal requiredDecimal(JsonObject o, String key, String where) {
        BigDecimal d = decimal(o, key, where);
        if (d == null) {
            throw malformed(where, "has no " + key);
        }
        return d;
    }

    static long requiredLong(JsonObject o, String key, String where) {
        try {
            return requiredDecimal(o, key, where).longValueExact();
        } catch (ArithmeticException e) {
            throw malformed(where, key + " is not a whole number");
        }
    }

    static int requiredInt(JsonObject o, String key, String where) {
        try {
            return requiredDecimal(o, key, where).intValueExact();
        } catch (ArithmeticException e) {
            throw malformed(where, key + " is not a whole number in int range");
        }
    }

    static boolean isTrue(JsonObject o, String key) {
        JsonValue v = o.get(key);
        return v == JsonValue.TRUE || (v instanceof JsonString s && "true".equals(s.getString()));
    }

    static MalformedPayloadException malformed(String where, String what) {
        return new MalformedPayloadException(where + " " + what);
    }
}
