package com.parla.connector.inbound.webhook;

import com.parla.connector.account.ChannelAccounts;
import com.parla.connector.api.Channel;
import com.parla.connector.api.ChannelAccountRegistration;
import com.parla.connector.api.InboundMessage;
import com.parla.connector.inbound.Delivery;
import com.parla.connector.inbound.DeliveryOutcome;
import com.parla.connector.inbound.authenticity.MetaWebhook;
import com.parla.connector.inbound.authenticity.TelegramWebhook;
import com.parla.connector.inbound.authenticity.WeChatMessageCrypto;
import com.parla.connector.inbound.authenticity.WeChatWebhook;
import com.parla.connector.inbound.parse.MalformedPayloadException;
import com.parla.connector.inbound.parse.WeChatMessageParser;
import com.parla.connector.inbound.parse.WebhookParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One webhook exchange, {@code /webhooks/{channel}/{accountKey}}: the channel's handshake (GET), or a delivery
 * (POST) that is size-checked, authenticated on the raw bytes, parsed and handed to the message endpoints. The
 * answer is 200 only when every message it carried has been taken by every endpoint, each in its own committed
 * transaction; otherwise 5xx, and the channel delivers it again (the application ignores what it already has).
 * Until the application has registered its accounts, an account the connector does not know yet gets 503 too:
 * after a restart the channels' backlog is retried, not refused.
 */
public final class WebhookHandler implements HttpHandler {

    /** Larger than any documented channel payload (WhatsApp batches stay far below it). */
    public static final int MAX_BODY_BYTES = 1 << 20;
    private static final long DRAIN_BYTES = 8L << 20;

    private static final Logger LOG = Logger.getLogger(WebhookHandler.class.getName());

    private final ChannelAccounts accounts;
    private final Function<Channel, WebhookParser> parsers;
    private final Delivery delivery;

    public WebhookHandler(ChannelAccounts accounts, Function<Channel, WebhookParser> parsers, Delivery delivery) {
        this.accounts = accounts;
        this.parsers = parsers;
        this.delivery = delivery;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Reply reply = reply(exchange);
            byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
            if (reply.status() == 413) {
                // the rest of the body stays unread: the connection cannot be reused
                exchange.getResponseHeaders().set("Connection", "close");
            }
            exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                exchange.getResponseBody().write(body);
            }
        }
    }

    private Reply reply(HttpExchange exchange) {
        String[] path = exchange.getRequestURI().getRawPath().substring(WebhookListener.CONTEXT.length()).split("/");
        if (path.length != 2 || path[0].isEmpty() || path[1].isEmpty()) {
            return Reply.of(404, "no such webhook");
        }
        Optional<Channel> channel = Channel.ofWireName(path[0]);
        Optional<ChannelAccountRegistration> account = channel.flatMap(c -> accounts.find(c, path[1]));
        if (account.isEmpty()) {
            return accounts.loaded() ? Reply.of(404, "no such webhook")
                    : Reply.of(503, "starting: channel accounts not loaded yet, deliver again");
        }
        QueryString query = QueryString.parse(exchange.getRequestURI().getRawQuery());
        try {
            return switch (exchange.getRequestMethod()) {
                case "GET" -> handshake(account.get(), query);
                case "POST" -> delivery(exchange, account.get(), query);
                default -> Reply.of(405, "GET or POST");
            };
        } catch (MalformedPayloadException e) {
            LOG.fine(() -> "Malformed webhook for " + account.get() + ": " + e.getMessage());
            return Reply.of(400, "malformed payload: " + e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, e, () -> "Webhook for " + account.get() + " failed");
            return Reply.of(500, "not taken, deliver again");
        }
    }

    private static Reply handshake(ChannelAccountRegistration account, QueryString query) {
        Optional<String> answer = switch (account.channel()) {
            case WHATSAPP, MESSENGER -> MetaWebhook.challengeAnswer(query.get("hub.mode"),
                    query.get("hub.verify_token"), query.get("hub.challenge"), account.verifyToken());
            case WECHAT -> WeChatWebhook.echo(query.get("signature"), account.verifyToken(), query.get("timestamp"),
                    query.get("nonce"), query.get("echostr"));
            default -> Optional.empty();
        };
        return answer.map(a -> Reply.of(200, a)).orElseGet(() -> Reply.of(403, "verification refused"));
    }

    private Reply delivery(HttpExchange exchange, ChannelAccountRegistration account, QueryString query) {
        byte[] raw;
        try {
            raw = readLimited(exchange);
        } catch (IOException e) {
            return Reply.of(400, "body could not be read");
        }
        if (raw == null) {
            return Reply.of(413, "body larger than " + MAX_BODY_BYTES + " bytes");
        }
        Optional<byte[]> authentic = authentic(account, exchange, query, raw);
        if (authentic.isEmpty()) {
            LOG.fine(() -> "Unauthenticated webhook refused for " + account);
            return Reply.of(401, "signature missing or wrong");
        }
        List<InboundMessage> messages = parsers.apply(account.channel()).parse(authentic.get(), account, Instant.now());
        if (!messages.isEmpty()) {
            DeliveryOutcome outcome = delivery.deliver(messages);
            if (outcome.endpoints() == 0) {
                return Reply.of(503, "no receiver bound, deliver again");
            }
            if (!outcome.taken()) {
                return Reply.of(500, "not taken, deliver again");
            }
        }
        // WeChat wants "success" (or nothing) or it shows the customer an error
        return Reply.of(200, account.channel() == Channel.WECHAT ? "success" : "");
    }

    /** The body to parse if the request is authentic (for WeChat safe mode, the decrypted message). */
    private static Optional<byte[]> authentic(ChannelAccountRegistration account, HttpExchange exchange,
                                              QueryString query, byte[] raw) {
        return switch (account.channel()) {
            case WHATSAPP, MESSENGER -> MetaWebhook.isSigned(raw,
                    exchange.getRequestHeaders().getFirst("X-Hub-Signature-256"), account.secret())
                    ? Optional.of(raw) : Optional.empty();
            case TELEGRAM -> TelegramWebhook.isAuthentic(
                    exchange.getRequestHeaders().getFirst("X-Telegram-Bot-Api-Secret-Token"), account.secret())
                    ? Optional.of(raw) : Optional.empty();
            case WECHAT -> weChat(account, query, raw);
            case WEBCHAT -> Optional.empty();
        };
    }

    private static Optional<byte[]> weChat(ChannelAccountRegistration account, QueryString query, byte[] raw) {
        String timestamp = query.get("timestamp");
        String nonce = query.get("nonce");
        if (!WeChatWebhook.isSigned(query.get("signature"), account.verifyToken(), timestamp, nonce)) {
            return Optional.empty();
        }
        if (!"aes".equals(query.get("encrypt_type"))) {
            return Optional.of(raw);
        }
        String encrypted = WeChatMessageParser.encryptedPart(raw)
                .orElseThrow(() -> new MalformedPayloadException("safe mode message without Encrypt"));
        if (!WeChatWebhook.isMessageSigned(query.get("msg_signature"), account.verifyToken(), timestamp, nonce,
                encrypted)) {
            return Optional.empty();
        }
        try {
            String plain = new WeChatMessageCrypto(account.secret(), account.externalId()).decrypt(encrypted);
            return Optional.of(plain.getBytes(StandardCharsets.UTF_8));
        } catch (WeChatMessageCrypto.WeChatCryptoException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * @return the body, or null if it is larger than the limit. An oversized body is read on and dropped up to
     *         {@link #DRAIN_BYTES}, so that the client, still writing, gets to read the 413; past that the
     *         connection is closed.
     */
    private static byte[] readLimited(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            if (body.length <= MAX_BODY_BYTES) {
                return body;
            }
            long dropped = 0;
            byte[] sink = new byte[64 * 1024];
            int n;
            while (dropped < DRAIN_BYTES && (n = in.read(sink)) > 0) {
                dropped += n;
            }
            return null;
        }
    }

    private record Reply(int status, String body) {
        static Reply of(int status, String body) {
            return new Reply(status, body);
        }
    }
}
