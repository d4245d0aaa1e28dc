package com.parla.connector.outbound.channel;

import com.parla.connector.api.Channel;
import com.parla.connector.api.ChannelAccountRegistration;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** Accounts and expected bodies (src/test/resources/fixtures/outbound, written to channels.md's documented shapes). */
final class Fixtures {

    static final String WA_TOKEN = "EAAG-wa-secret-token";
    static final String TG_TOKEN = "123456:TG-secret-token";
    static final String FB_TOKEN = "EAAB-page-secret-token";
    static final String WX_TOKEN = "wx-secret-access-token";

    private Fixtures() {
    }

    static ChannelAccountRegistration whatsapp(String apiUrl) {
        return new ChannelAccountRegistration(Channel.WHATSAPP, "store-wa", "1065550001", "verify", "appsecret", WA_TOKEN, 0,
                false, apiUrl);
    }

    static ChannelAccountRegistration telegram(String apiUrl) {
        return new ChannelAccountRegistration(Channel.TELEGRAM, "store-tg", "store_bot", null, "hooksecret", TG_TOKEN, 0,
                false, apiUrl);
    }

    static ChannelAccountRegistration messenger(String apiUrl) {
        return new ChannelAccountRegistration(Channel.MESSENGER, "store-fb", "PAGE1", "verify", "appsecret", FB_TOKEN, 0,
                false, apiUrl);
    }

    static ChannelAccountRegistration wechat(String apiUrl) {
        return new ChannelAccountRegistration(Channel.WECHAT, "store-wx", "wxappid", "token", "aeskey", WX_TOKEN, 0,
                false, apiUrl);
    }

    static JsonObject parse(String json) {
        return Json.createReader(new StringReader(json)).readObject();
    }

    static JsonObject fixture(String path) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/outbound/" + path)) {
            assertNotNull(in, "fixture " + path);
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Structural JSON equality: same fields, same values, field order ignored. */
    static void assertBody(String fixture, ChannelRequest request) {
        assertEquals(fixture(fixture), parse(request.body()), fixture);
    }
}
