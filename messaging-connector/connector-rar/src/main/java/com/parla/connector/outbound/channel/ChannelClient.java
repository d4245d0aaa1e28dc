package com.parla.connector.outbound.channel;

import com.parla.connector.api.Channel;
import com.parla.connector.api.SendResult;
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
 * The connector's one HTTP client for the channel APIs (the JDK's, thread-safe, pooling connections): sends,
 * acknowledgements, Telegram's long polls and WeChat's token calls all go through it. Access tokens sit in the URI
 * (Telegram path, Messenger and WeChat query) or the Authorization header: neither is ever logged, and exception
 * texts are scrubbed of the URI before they go into a result or an exception.
 */
public final class ChannelClient {

    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);
    /** The error code for no answer at all (refused, reset, timed out). */
    public static final String IO = "io";

    private static final Logger LOG = Logger.getLogger(ChannelClient.class.getName());

    private final HttpClient http;
    private final Duration requestTimeout;

    /** One answer of a channel API, as it came. */
    public record Answer(int status, String body) {
    }

    public ChannelClient() {
        this(CONNECT_TIMEOUT, REQUEST_TIMEOUT);
    }

    public ChannelClient(Duration connectTimeout, Duration requestTimeout) {
        // HTTP/1.1: the channel APIs and simulators all speak it; h2 upgrade buys nothing for single small POSTs
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.requestTimeout = requestTimeout;
    }

    /** Posts a rendered message once and classifies the answer. */
    public SendResult send(ChannelRequest request, Channel channel) {
        SendResult result;
        try {
            Answer answer = exchange(request, requestTimeout);
            result = ChannelResponses.interpret(channel, answer.status(), answer.body());
        } catch (IOException e) {
            result = SendResult.retry(IO, e.getMessage() + " (" + ChannelErrors.classify(channel, 0, 0, -1).reason()
                    + ")", null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            result = SendResult.retry(IO, "interrupted while sending", null);
        }
        if (result.accepted()) {
            LOG.log(Level.FINE, "{0} send {1} accepted: {2}", new Object[] {channel, request, result.channelMessageId()});
        } else {
            // a retry is routine (pacing, throttling); a failure needs someone's attention
            LOG.log(result.outcome() == SendResult.Outcome.RETRY ? Level.INFO : Level.WARNING,
                    "{0} send {1}: {2} {3} {4}", new Object[] {channel, request, result.outcome(),
                    result.errorCode(), result.error()});
        }
        return result;
    }

    /**
     * One request and its answer, whatever the status.
     *
     * @throws IOException without an answer; its message names neither the URI nor anything in it
     */
    public Answer exchange(ChannelRequest request, Duration timeout) throws IOException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(request.uri()).timeout(timeout)
                .method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(request.body(), StandardCharsets.UTF_8));
        request.headers().forEach(builder::header);
        try {
            HttpResponse<String> response = http.send(builder.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new IOException((e instanceof HttpTimeoutException ? "timed out: " : "no answer: ")
                    + scrub(e, request.uri()));
        }
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
