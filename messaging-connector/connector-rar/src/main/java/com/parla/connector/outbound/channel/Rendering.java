package com.parla.connector.outbound.channel;

import com.parla.connector.api.ChannelAccountRegistration;
import com.parla.connector.api.OutboundMessage;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.StringWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import jakarta.json.spi.JsonProvider;

/** Checks and small builders the channel renderers share. */
final class Rendering {

    static final Map<String, String> JSON_HEADERS = Map.of("Content-Type", "application/json");
    /**
     * Looked up once: {@code Json.createObjectBuilder()} and the like look the provider up on every call, which in
     * an application server scans its class loaders (a profile of the outbox showed it as the largest cost).
     */
    static final JsonProvider JSON = JsonProvider.provider();

    private Rendering() {
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** Fails with the channel's own limit in the message, so the caller can fix the content. */
    static void check(boolean ok, String channel, String what) {
        if (!ok) {
            throw new UnsupportedMessageException(channel + ": " + what);
        }
    }

    /** Length in characters as the channels count them (code points, not UTF-16 units). */
    static int chars(String s) {
        return s == null ? 0 : s.codePointCount(0, s.length());
    }

    static int utf8Bytes(String s) {
        return s == null ? 0 : s.getBytes(StandardCharsets.UTF_8).length;
    }

    static void maxChars(String value, int max, String channel, String field) {
        check(chars(value) <= max, channel, field + " is " + chars(value) + " characters, at most " + max + " allowed");
    }

    static String required(String value, String channel, String field) {
        check(!blank(value), channel, field + " is required");
        return value;
    }

    static String requiredToken(ChannelAccountRegistration account) {
        if (blank(account.accessToken())) {
            // no token is a configuration fault, not a content fault: say which account, never a token
            throw new IllegalStateException("no access token registered for " + account);
        }
        return account.accessToken();
    }

    static String base(ChannelAccountRegistration account) {
        String url = account.apiUrl();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    static String pathSegment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static ChannelRequest post(String uri, Map<String, String> headers, JsonObject body) {
        return new ChannelRequest("POST", URI.create(uri), headers, write(body));
    }

    static String write(JsonObject body) {
        StringWriter out = new StringWriter();
        JSON.createWriter(out).writeObject(body);
        return out.toString();
    }

    static JsonObjectBuilder object() {
        return JSON.createObjectBuilder();
    }

    static JsonArrayBuilder array() {
        return JSON.createArrayBuilder();
    }

    static JsonValue single(JsonObjectBuilder element) {
        return JSON.createArrayBuilder().add(element).build();
    }

    /** header, text and footer as lines, for channels with a single text field. */
    static String lines(OutboundMessage message) {
        StringBuilder out = new StringBuilder();
        for (String part : new String[] {message.header(), message.text(), message.footer()}) {
            if (!blank(part)) {
                if (out.length() > 0) {
                    out.append('\n');
                }
                out.append(part);
            }
        }
        return out.toString();
    }
}
