package com.parla.connector.outbound.channel;

import com.parla.connector.api.SendResult;
import com.parla.connector.outbound.pacing.SendFailurePolicy;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends rendered requests over one shared JDK {@link HttpClient} (thread-safe, pools connections) and classifies
 * the answer. Access tokens sit in the URI (Telegram path, Messenger and WeChat query) or the Authorization header:
 * neither is ever logged, and exception texts are scrubbed of the URI before they go into a {@link SendResult}.
 */
public final class ChannelClient {

    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);
    /** The error code for no answer at all (refused, reset, timed out). */
    public static final String IO = "io";

    private static final Logger LOG = Logger.getLogger(ChannelClient.class.getName());

    private final HttpClient http;
    private final Duration requestTimeout;

    public ChannelClient() {
        this(CONNECT_TIMEOUT, REQUEST_TIMEOUT);
    }

    public ChannelClient(Duration connectTimeout, Duration requestTimeout) {
        // HTTP/1.1: the channel APIs and simulators all speak it; h2 upgrade buys nothing for single small POSTs
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.requestTimeout = requestTimeout;
    }

    /**
     * @param attempt this attempt's number, from 1 (decides the backoff and when to give up)
     */
    public SendResult send(ChannelRequest request, String channel, int attempt) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(request.uri()).timeout(requestTimeout)
                .method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(request.body(), StandardCharsets.UTF_8));
        request.headers().forEach(builder::header);
        SendResult result;
        try {
            HttpResponse<String> response = http.send(builder.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            result = ChannelResponses.interpret(channel, response.statusCode(), response.body(), attempt);
        } catch (IOException e) {
            String what = (e instanceof HttpTimeoutException ? "timed out: " : "no answer: ") + scrub(e, request.uri());
            result = noAnswer(channel, attempt, what);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            result = noAnswer(channel, attempt, "interrupted while sending");
        }
        if (result.accepted()) {
            LOG.log(Level.FINE, "{0} send {1} accepted: {2}", new Object[] {channel, request, result.channelMessageId()});
        } else {
            // a retry is routine (pacing, throttling); a failure needs someone's attention
            LOG.log(result.outcome() == SendResult.Outcome.RETRY ? Level.INFO : Level.WARNING,
                    "{0} send {1} attempt {2}: {3} {4} {5}", new Object[] {channel, request, attempt,
                    result.outcome(), result.errorCode(), result.error()});
        }
        return result;
    }

    private static SendResult noAnswer(String channel, int attempt, String what) {
        SendFailurePolicy.Decision decision = SendFailurePolicy.decide(channel, 0, 0, -1, attempt);
        return decision.retry() ? SendResult.retry(IO, what, decision.delay())
                : SendResult.failed(IO, what + " (" + decision.reason() + ")");
    }

    /** The exception's class and message without the URI, its path or its query (where tokens live). */
    static String scrub(Throwable e, URI uri) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        for (String secret : new String[] {uri.toString(), uri.getRawPath(), uri.getRawQuery(), uri.getPath(),
                uri.getQuery()}) {
            if (secret != null && !secret.isEmpty()) {
                message = message.replace(secret, "…");
            }
        }
        return e.getClass().getSimpleName() + (message.isEmpty() ? "" : " " + message);
    }
}
