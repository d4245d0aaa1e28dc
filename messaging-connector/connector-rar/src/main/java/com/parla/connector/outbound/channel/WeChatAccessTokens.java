package com.parla.connector.outbound.channel;

import com.parla.connector.api.ChannelAccountRegistration;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The access token of each WeChat official account (channels.md §4.3): it lasts two hours, so the connector obtains
 * it from the account's AppSecret with the stable-token API ({@code POST /cgi-bin/stable_token}), keeps it, and
 * renews it five minutes before it runs out, or at once when WeChat refuses it (40001, 40014, 42001). The stable
 * token is the same for every caller until it expires, so several servers share it without invalidating each
 * other's; only when WeChat hands back a token it has just refused is the renewal forced.
 */
public final class WeChatAccessTokens {

    static final Duration RENEW_BEFORE_EXPIRY = Duration.ofMinutes(5);
    private static final Duration SHORTEST_LIFE = Duration.ofMinutes(1);

    private record Token(String value, Instant renewAt) {
    }

    /** The token could not be obtained; the message is safe to log (it holds neither the secret nor the token). */
    public static final class UnavailableException extends Exception {
        private static final long serialVersionUID = 1L;

        UnavailableException(String message) {
            super(message);
        }
    }

    private final ChannelClient client;
    private final Clock clock;
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();
    private final Map<String, String> refused = new ConcurrentHashMap<>();
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    public WeChatAccessTokens(ChannelClient client, Clock clock) {
        this.client = client;
        this.clock = clock;
    }

    /** The account's current access token, obtained or renewed first when needed. */
    public String current(ChannelAccountRegistration account) throws UnavailableException {
        Token token = tokens.get(account.accountKey());
        if (token != null && clock.instant().isBefore(token.renewAt())) {
            return token.value();
        }
        synchronized (locks.computeIfAbsent(account.accountKey(), key -> new Object())) {
            token = tokens.get(account.accountKey());
            if (token == null || !clock.instant().isBefore(token.renewAt())) {
                token = fetch(account, false);
                if (token.value().equals(refused.get(account.accountKey()))) {
                    token = fetch(account, true);
                }
                refused.remove(account.accountKey());
                tokens.put(account.accountKey(), token);
            }
            return token.value();
        }
    }

    /** WeChat refused this token: the next {@link #current} call renews it. */
    public void refused(String accountKey, String token) {
        Token known = tokens.get(accountKey);
        if (known != null && known.value().equals(token)) {
            tokens.remove(accountKey, known);
        }
        refused.put(accountKey, token);
    }

    public void forget(String accountKey) {
        tokens.remove(accountKey);
        refused.remove(accountKey);
        locks.remove(accountKey);
    }

    private Token fetch(ChannelAccountRegistration account, boolean force) throws UnavailableException {
        if (Rendering.blank(account.accessToken()) || Rendering.blank(account.externalId())) {
            throw new UnavailableException("no app id or AppSecret registered for " + account);
        }
        String body = Rendering.write(Rendering.JSON.createObjectBuilder().add("grant_type", "client_credential")
                .add("appid", account.externalId()).add("secret", account.accessToken())
                .add("force_refresh", force).build());
        ChannelRequest request = new ChannelRequest("POST", java.net.URI.create(Rendering.base(account)
                + "/cgi-bin/stable_token"), Rendering.JSON_HEADERS, body);
        ChannelClient.Answer answer;
        try {
            answer = client.exchange(request, ChannelClient.REQUEST_TIMEOUT);
        } catch (IOException e) {
            throw new UnavailableException("WeChat access token for " + account + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnavailableException("interrupted while obtaining the WeChat access token");
        }
        JsonObject json;
        try {
            json = Rendering.JSON.createReader(new StringReader(answer.body())).readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new UnavailableException("WeChat answered the token request with HTTP " + answer.status()
                    + " and no JSON");
        }
        if (json.get("access_token") instanceof JsonString value && json.get("expires_in") instanceof JsonNumber life) {
            Duration renewIn = Duration.ofSeconds(life.longValue()).minus(RENEW_BEFORE_EXPIRY);
            return new Token(value.getString(), clock.instant().plus(
                    renewIn.compareTo(SHORTEST_LIFE) < 0 ? SHORTEST_LIFE : renewIn));
        }
        throw new UnavailableException("WeChat refused the access token for " + account + ": errcode "
                + json.get("errcode") + " " + json.get("errmsg"));
    }
}
