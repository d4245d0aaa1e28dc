package com.parla.connector.inbound.polling;

import com.parla.connector.api.ChannelAccountRegistration;
import com.parla.connector.inbound.Delivery;
import com.parla.connector.inbound.parse.MalformedPayloadException;
import com.parla.connector.inbound.parse.TelegramApiException;
import com.parla.connector.inbound.parse.TelegramUpdateParser;
import com.parla.connector.outbound.channel.ChannelClient;
import com.parla.connector.outbound.channel.ChannelRequest;
import jakarta.resource.spi.work.Work;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Telegram long polling for one bot, as WorkManager work: {@code getUpdates} with the offset of the first update
 * not yet taken. The offset moves past an update only when every message in it was taken by the endpoints, so
 * a failure means Telegram hands the same update again on the next poll (and the application ignores what it
 * already has).
 */
public final class TelegramPoller implements Work {

    private static final Logger LOG = Logger.getLogger(TelegramPoller.class.getName());
    static final int LONG_POLL_SECONDS = 25;
    private static final Duration PAUSE_AFTER_FAILURE = Duration.ofSeconds(5);

    private final ChannelAccountRegistration account;
    private final ChannelClient client;
    private final TelegramUpdateParser parser;
    private final Delivery delivery;
    private volatile boolean running = true;
    private long offset;

    public TelegramPoller(ChannelAccountRegistration account, ChannelClient client, TelegramUpdateParser parser,
                          Delivery delivery) {
        this.account = account;
        this.client = client;
        this.parser = parser;
        this.delivery = delivery;
    }

    @Override
    public void run() {
        LOG.info(() -> "Polling Telegram for " + account);
        while (running) {
            Duration pause = Duration.ZERO;
            try {
                pollOnce(LONG_POLL_SECONDS);
            } catch (TelegramApiException e) {
                pause = e.retryAfter().isPresent() ? Duration.ofSeconds(e.retryAfter().getAsInt()) : PAUSE_AFTER_FAILURE;
                LOG.warning(() -> "Telegram refused getUpdates for " + account + ": " + e.errorCode() + " "
                        + e.description());
            } catch (IOException | MalformedPayloadException | UndeliveredException e) {
                pause = PAUSE_AFTER_FAILURE;
                LOG.log(Level.WARNING, "Telegram polling for " + account + " failed: " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            sleep(pause);
        }
        LOG.info(() -> "Stopped polling Telegram for " + account);
    }

    /**
     * One getUpdates call, its updates delivered in order.
     *
     * @return how many updates were taken
     * @throws UndeliveredException when an endpoint did not take a message (the offset stays before it)
     */
    public int pollOnce(int timeoutSeconds) throws IOException, InterruptedException {
        String body = "{\"offset\":" + offset + ",\"timeout\":" + timeoutSeconds + "}";
        ChannelRequest request = new ChannelRequest("POST",
                URI.create(account.apiUrl() + "/bot" + account.accessToken() + "/getUpdates"),
                Map.of("Content-Type", "application/json"), body);
        // the exception text of a failed call names neither the URI nor the bot token in it
        ChannelClient.Answer answer = client.exchange(request, Duration.ofSeconds(timeoutSeconds + 10L));
        List<TelegramUpdateParser.Update> updates = parser.parseUpdates(
                answer.body().getBytes(StandardCharsets.UTF_8), account, Instant.now());
        int taken = 0;
        for (TelegramUpdateParser.Update update : updates) {
            if (update.malformed()) {
                LOG.warning(() -> "Skipped unreadable Telegram update " + update.updateId() + ": " + update.problem());
            }
            if (!update.messages().isEmpty() && !delivery.deliver(update.messages()).taken()) {
                throw new UndeliveredException("update " + update.updateId() + " was not taken");
            }
            offset = update.updateId() + 1;
            taken++;
        }
        return taken;
    }

    public long offset() {
        return offset;
    }

    @Override
    public void release() {
        running = false;
    }

    private void sleep(Duration pause) {
        if (!pause.isZero() && running) {
            try {
                Thread.sleep(pause.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
        }
    }

    /** An endpoint did not take a polled message; the poller tries the same update again. */
    public static final class UndeliveredException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UndeliveredException(String message) {
            super(message);
        }
    }
}
