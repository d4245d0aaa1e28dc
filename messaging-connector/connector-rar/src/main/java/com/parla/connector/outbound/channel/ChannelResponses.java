package com.parla.connector.outbound.channel;

import com.parla.connector.api.Channel;
import com.parla.connector.api.SendResult;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;

/**
 * A channel's answer to a send, as a {@link SendResult}; what an error means is {@link ChannelErrors}'s call. An
 * answer that says success but cannot be read is a retry with code {@code bad-response}: the message may have
 * gone, but a duplicate is less harm than a silently lost order message, and the outbox bounds the retries.
 */
public final class ChannelResponses {

    public static final String BAD_RESPONSE = "bad-response";

    private ChannelResponses() {
    }

    public static SendResult interpret(Channel channel, int httpStatus, String body) {
        JsonObject json = parse(body);
        boolean ok = httpStatus >= 200 && httpStatus < 300;
        if (json == null) {
            return ok ? badResponse(httpStatus)
                    : decide(channel, httpStatus, 0, -1, String.valueOf(httpStatus), "HTTP " + httpStatus);
        }
        return switch (channel) {
            case WHATSAPP, MESSENGER -> meta(channel, httpStatus, ok, json);
            case TELEGRAM -> telegram(httpStatus, ok, json);
            case WECHAT -> wechat(httpStatus, ok, json);
            case WEBCHAT -> throw new IllegalArgumentException("the web chat is not sent by the connector");
        };
    }

    /** Graph API: {@code messages[0].id} (WhatsApp) or {@code message_id} (Messenger); errors in {@code error}. */
    private static SendResult meta(Channel channel, int status, boolean ok, JsonObject json) {
        JsonObject error = object(json.get("error"));
        if (error != null) {
            int code = integer(error.get("code"), 0);
            int subcode = integer(error.get("error_subcode"), 0);
            String text = string(error.get("message"), "HTTP " + status) + (subcode != 0 ? " (subcode " + subcode + ")" : "");
            return decide(channel, status, code, -1, code != 0 ? String.valueOf(code) : String.valueOf(status), text);
        }
        if (!ok) {
            return decide(channel, status, 0, -1, String.valueOf(status), "HTTP " + status);
        }
        String id = null;
        if (channel == Channel.WHATSAPP) {
            JsonValue messages = json.get("messages");
            if (messages != null && messages.getValueType() == JsonValue.ValueType.ARRAY
                    && !messages.asJsonArray().isEmpty()) {
                JsonObject first = object(messages.asJsonArray().get(0));
                id = first == null ? null : string(first.get("id"), null);
            }
        } else {
            id = string(json.get("message_id"), null);
        }
        return id != null ? SendResult.accepted(id) : badResponse(status);
    }

    /** {@code {"ok":true,"result":{message_id…}}} or {@code {"ok":false,"error_code","description","parameters"}}. */
    private static SendResult telegram(int status, boolean ok, JsonObject json) {
        JsonValue okField = json.get("ok");
        if (okField == JsonValue.TRUE && ok) {
            JsonValue result = json.get("result");
            JsonObject message = object(result);
            if (message != null && message.get("message_id") instanceof JsonNumber number) {
                return SendResult.accepted(number.toString());
            }
            // answerPreCheckoutQuery and answerCallbackQuery answer plain true
            return result == JsonValue.TRUE ? SendResult.accepted(null) : badResponse(status);
        }
        if (okField != JsonValue.FALSE) {
            return ok ? badResponse(status)
                    : decide(Channel.TELEGRAM, status, 0, -1, String.valueOf(status), "HTTP " + status);
        }
        int code = integer(json.get("error_code"), status);
        JsonObject parameters = object(json.get("parameters"));
        int retryAfter = parameters == null ? -1 : integer(parameters.get("retry_after"), -1);
        return decide(Channel.TELEGRAM, status, code, retryAfter, String.valueOf(code),
                string(json.get("description"), "HTTP " + status));
    }

    /** WeChat answers HTTP 200 with {@code errcode} 0 on success (template sends add {@code msgid}). */
    private static SendResult wechat(int status, boolean ok, JsonObject json) {
        int code = integer(json.get("errcode"), 0);
        if (code == 0 && ok) {
            JsonValue msgid = json.get("msgid");
            return SendResult.accepted(msgid instanceof JsonNumber n ? n.toString() : string(msgid, null));
        }
        if (code == 0) {
            return decide(Channel.WECHAT, status, 0, -1, String.valueOf(status), "HTTP " + status);
        }
        return decide(Channel.WECHAT, status, code, -1, String.valueOf(code),
                string(json.get("errmsg"), "errcode " + code));
    }

    private static SendResult badResponse(int status) {
        return SendResult.retry(BAD_RESPONSE, "unreadable answer to a send (HTTP " + status + "): the message may have gone",
                null);
    }

    static SendResult decide(Channel channel, int status, int code, int retryAfter, String errorCode, String error) {
        ChannelErrors.Verdict verdict = ChannelErrors.classify(channel, status, code, retryAfter);
        String described = error + " (" + verdict.reason() + ")";
        return verdict.retry() ? SendResult.retry(errorCode, described, verdict.channelWait())
                : SendResult.failed(errorCode, described);
    }

    private static JsonObject parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return Rendering.JSON.createReader(new StringReader(body)).readObject();
        } catch (JsonException | IllegalStateException e) {
            return null;
        }
    }

    private static JsonObject object(JsonValue value) {
        return value != null && value.getValueType() == JsonValue.ValueType.OBJECT ? value.asJsonObject() : null;
    }

    private static int integer(JsonValue value, int otherwise) {
        if (value instanceof JsonNumber n) {
            return n.intValue();
        }
        if (value instanceof JsonString s) {
            try {
                return Integer.parseInt(s.getString());
            } catch (NumberFormatException e) {
                return otherwise;
            }
        }
        return otherwise;
    }

    private static String string(JsonValue value, String otherwise) {
        return value instanceof JsonString s ? s.getString() : otherwise;
    }
}
