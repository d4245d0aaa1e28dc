package com.parla.connector.inbound.parse;

import com.parla.connector.api.Channel;
import com.parla.connector.api.ChannelAccountRegistration;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** Test fixtures from {@code src/test/resources/fixtures/<channel>/} and accounts to parse them for. */
final class Fixtures {

    static final Instant RECEIVED = Instant.parse("2026-07-01T10:15:30Z");

    private Fixtures() {
    }

    static byte[] load(String path) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static ChannelAccountRegistration account(Channel channel, String accountKey, String externalId) {
        return new ChannelAccountRegistration(channel, accountKey, externalId, "verify", "secret", "token", 0,
                false, "http://127.0.0.1:9/api");
    }
}
