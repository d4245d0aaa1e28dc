package com.parla.connector.outbound.channel;

import com.parla.connector.api.SendResult;
import com.parla.connector.outbound.pacing.SendFailurePolicy;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;

/**
 * A channel's answer to a send, as a {@link SendResult}; whether and when to retry is {@link SendFailurePolicy}'s
 * call. An answer that says success but cannot be read is a retry with code {@code bad-response}: the message may
 * have gone, but a duplicate is less harm than a silently lost order message, and the retry is bounded.
 */
public final class ChannelResponses {

    public static final String BAD_RESPONSE = "bad-response";

    private ChannelResponses() {
    }

    /**
     * @param channel whatsapp, telegram, messenger or wechat
     * @param attempt how many attempts have been made, this one included, from 1
     */
    public static SendResult interpret(String channel, int httpStatus, String body, int attempt) {
        JsonObject json = parse(body);
        boolean ok = httpStatus >= 200 && httpStatus < 300;
        if (json == null) {
            return ok ? badResponse(channel, httpStatus, attempt)
                    : decide(channel, httpStatus, 0, -1, attempt, String.valueOf(httpStatus), "HTTP " + httpStatus);
        }
        switch (channel) {
            case "whatsapp", "messenger": return meta(channel, httpStatus, ok, json, attempt);
            case "telegram": return telegram(httpStatus, ok, json, attempt);
            case "wechat": return wechat(httpStatus, ok, json, attempt);
            default: throw new IllegalArgumentException("unknown channel " + channel);
        }
    }

    /** Graph API: {@code messages[0].id} (WhatsApp) or {@code message_id} (Messenger); errors in {@code error}. */
    private static SendResult meta(String channel, int status, boolean ok, JsonObject json, int attempt) {
        JsonObject error = object(json.get("error"));
        if (error != null) {
            int code = integer(error.get("code"), 0);
            int subcode = integer(error.get("error_subcode"), 0);
            String text = string(error.get("message"), "HTTP " + status) + (subcode != 0 ? " (subcode " + subcode + ")" : "");
            return decide(channel, status, code, -1, attempt, code != 0 ? String.valueOf(code) : String.valueOf(status), text);
        }
        if (!ok) {
            return decide(channel, status, 0, -1, attempt, String.valueOf(status), "HTTP " + status);
        }
        String id = null;
        if ("whatsapp".equals(channel)) {
            JsonValue messages = json.get("messages");
            if (messages != null && messages.getValueType() == JsonValue.ValueType.ARRAY
                    && !messages.asJsonArray().isEmpty()) {
                JsonObject first = object(messages.asJsonArray().get(0));
                id = first == null ? null : string(first.get("id"), null);
            }
        } else {
            id = string(json.get("message_id"), null);
        }
        return id != null ? SendResult.accepted(id) : badResponse(channel, status, attempt);
    }

    /** {@code {"ok":true,"result":{message_id…}}} or {@code {"ok":false,"error_code","description","parameters"}}. */
    private static SendResult telegram(int status, boolean ok, JsonObject json, int attempt) {
        JsonValue okField = json.get("ok");
        if (okField == JsonValue.TRUE && ok) {
            JsonValue result = json.get("result");
            JsonObject message = object(result);
            if (message != null && message.get("message_id") instanceof JsonNumber number) {
                return SendResult.accepted(number.toString());
            }
            // answerPreCheckoutQuery and answerCallbackQuery answer plain true
            return result == JsonValue.TRUE ? SendResult.accepted(null) : badResponse("telegram", status, attempt);
        }
        if (okField != JsonValue.FALSE) {
            return ok ? badResponse("telegram", status, attempt)
                    : decide("telegram", status, 0, -1, attempt, String.valueOf(status), "HTTP " + status);
        }
        int code = integer(json.get("error_code"), status);
        JsonObject parameters = object(json.get("parameters"));
        int retryAfter = parameters == null ? -1 : integer(parameters.get("retry_after"), -1);
        return decide("telegram", status, code, retryAfter, attempt, String.valueOf(code),
                string(json.get("description"), "HTTP " + status));
    }

    /** WeChat answers HTTP 200 with {@code errcode} 0 on success (template sends add {@code msgid}). */
    private static SendResult wechat(int status, boolean ok, JsonObject json, int attempt) {
        int code = integer(json.get("errcode"), 0);
        if (code == 0 && ok) {
            JsonValue msgid = json.get("msgid");
            return SendResult.accepted(msgid instanceof JsonNumber n ? n.toString() : string(msgid, null));
        }
        if (code == 0) {
            return decide("wechat", status, 0, -1, attempt, String.valueOf(status), "HTTP " + status);
        }
        return decide("wechat", status, code, -1, attempt, String.valueOf(code), string(json.get("errmsg"), "errcode " + code));
    }

    private static SendResult badResponse(String channel, int status, int attempt) {
        SendFailurePolicy.Decision decision = SendFailurePolicy.decide(channel, 0, 0, -1, attempt);
        String error = "unreadable answer to a send (HTTP " + status + "): the message may have gone";
        return decision.retry() ? SendResult.retry(BAD_RESPONSE, error, decision.delay())
                : SendResult.failed(BAD_RESPONSE, error + "; " + decision.reason());
    }

    static SendResult decide(String channel, int status, int code, int retryAfter, int attempt, String errorCode,
                             String error) {
        SendFailurePolicy.Decision decision = SendFailurePolicy.decide(channel, status, code, retryAfter, attempt);
        String described = error + " (" + decision.reason() + ")";
        return decision.retry() ? SendResult.retry(errorCode, described, decision.delay())
                : SendResult.failed(errorCode, described);
    }

    private static JsonObject parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return Json.createReader(new StringReader(body)).readObject();
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
