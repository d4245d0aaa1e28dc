package com.parla.connector.adapter;

import com.parla.connector.account.ChannelAccounts;
import com.parla.connector.api.AdapterStatus;
import com.parla.connector.api.ChannelAccountRegistration;
import com.parla.connector.api.InboundMessage;
import com.parla.connector.api.OutboundMessage;
import com.parla.connector.api.SendResult;
import com.parla.connector.inbound.ChannelActivationSpec;
import com.parla.connector.inbound.EndpointDelivery;
import com.parla.connector.inbound.ShortWork;
import com.parla.connector.inbound.parse.WebhookParsers;
import com.parla.connector.inbound.polling.TelegramPoller;
import com.parla.connector.inbound.webhook.WebhookHandler;
import com.parla.connector.inbound.webhook.WebhookListener;
import com.parla.connector.outbound.channel.ChannelClient;
import com.parla.connector.outbound.channel.ChannelRenderers;
import com.parla.connector.outbound.channel.ChannelRequest;
import com.parla.connector.outbound.channel.TelegramRenderer;
import com.parla.connector.outbound.channel.UnsupportedMessageException;
import com.parla.connector.outbound.pacing.SendPacing;
import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.ConfigProperty;
import jakarta.resource.spi.Connector;
import jakarta.resource.spi.ResourceAdapterInternalException;
import jakarta.resource.spi.TransactionSupport;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import jakarta.resource.spi.work.WorkException;
import jakarta.resource.spi.work.WorkManager;
import javax.transaction.xa.XAResource;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * The messaging-channel resource adapter. It owns the channel wire: inbound traffic is normalized and delivered to
 * the bound message endpoints on the container's WorkManager; outbound goes through
 * {@link com.parla.connector.outbound.ChannelManagedConnectionFactory}.
 */
@Connector(
        displayName = "Parla messaging channels",
        description = "WhatsApp, Telegram, Messenger, WeChat and web chat for Parla",
        vendorName = "Parla",
        eisType = "Messaging channels",
        version = "0.1",
        transactionSupport = TransactionSupport.TransactionSupportLevel.NoTransaction)
public class ChannelResourceAdapter implements jakarta.resource.spi.ResourceAdapter {

    private static final Logger LOG = Logger.getLogger(ChannelResourceAdapter.class.getName());

    private final Map<MessageEndpointFactory, ChannelActivationSpec> endpoints = new ConcurrentHashMap<>();
    private final ChannelAccounts accounts = new ChannelAccounts();
    private final SendPacing pacing = new SendPacing(System::nanoTime);
    private static final TelegramRenderer TELEGRAM = new TelegramRenderer();
    private final ChannelClient client = new ChannelClient();
    private final Map<String, TelegramPoller> pollers = new ConcurrentHashMap<>();
    private final HttpClient pollingClient = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5)).build();
    private volatile WorkManager workManager;
    private volatile Instant startedAt;
    private volatile WebhookListener webhooks;

    @ConfigProperty(defaultValue = "0.0.0.0", description = "Address of the webhook listener; "
            + "the system property or environment setting parla.webhook.host / PARLA_WEBHOOK_HOST wins")
    private String webhookHost = "0.0.0.0";

    @ConfigProperty(defaultValue = "8090", description = "Port of the webhook listener, 0 for any free port; "
            + "the system property or environment setting parla.webhook.port / PARLA_WEBHOOK_PORT wins")
    private Integer webhookPort = 8090;

    @Override
    public void start(BootstrapContext context) throws ResourceAdapterInternalException {
        workManager = context.getWorkManager();
        String host = setting("parla.webhook.host", webhookHost);
        int port;
        try {
            port = Integer.parseInt(setting("parla.webhook.port", String.valueOf(webhookPort)));
            webhooks = WebhookListener.start(host, port, workManager,
                    new WebhookHandler(accounts, WebhookParsers::forChannel, this::deliverHere));
        } catch (RuntimeException e) {
            throw new ResourceAdapterInternalException("The webhook listener did not start: " + e.getMessage(), e);
        }
        startedAt = Instant.now();
        LOG.info("Parla messaging connector started");
    }

    @Override
    public void stop() {
        startedAt = null;
        WebhookListener listener = webhooks;
        webhooks = null;
        if (listener != null) {
            listener.stop();
        }
        pollers.values().forEach(TelegramPoller::release);
        pollers.clear();
        endpoints.clear();
        accounts.clear();
        LOG.info("Parla messaging connector stopped");
    }

    /** A system property, else the environment variable of the same name (PARLA_WEBHOOK_PORT), else the default. */
    private static String setting(String name, String fallback) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            value = System.getenv(name.toUpperCase(java.util.Locale.ROOT).replace('.', '_'));
        }
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    public String getWebhookHost() {
        return webhookHost;
    }

    public void setWebhookHost(String webhookHost) {
        this.webhookHost = webhookHost;
    }

    public Integer getWebhookPort() {
        return webhookPort;
    }

    public void setWebhookPort(Integer webhookPort) {
        this.webhookPort = webhookPort;
    }

    @Override
    public void endpointActivation(MessageEndpointFactory factory, ActivationSpec spec) throws ResourceException {
        if (!(spec instanceof ChannelActivationSpec channelSpec)) {
            throw new NotSupportedException("Unsupported activation spec " + spec.getClass().getName());
        }
        endpoints.put(factory, channelSpec);
        LOG.info(() -> "Endpoint bound: " + factory.getActivationName() + " channels=" + channelSpec.getChannels());
    }

    @Override
    public void endpointDeactivation(MessageEndpointFactory factory, ActivationSpec spec) {
        endpoints.remove(factory);
        LOG.info(() -> "Endpoint unbound: " + factory.getActivationName());
    }

    @Override
    public XAResource[] getXAResources(ActivationSpec[] specs) {
        return new XAResource[0];
    }

    /** Adds or replaces an account; a Telegram bot that polls gets its poller (a previous one stops). */
    public void register(ChannelAccountRegistration account) throws ResourceException {
        try {
            accounts.register(account);
        } catch (IllegalArgumentException e) {
            throw new ResourceException(e.getMessage());
        }
        pacing.forget(account.accountKey());
        stopPolling(account.accountKey());
        if (account.polling() && account.channel().equals("telegram")) {
            TelegramPoller poller = new TelegramPoller(account, pollingClient, WebhookParsers.telegram(),
                    this::deliverHere);
            try {
                workManager.scheduleWork(poller, WorkManager.INDEFINITE, null, null);
                pollers.put(account.accountKey(), poller);
            } catch (WorkException e) {
                throw new ResourceAdapterInternalException("Could not start polling for " + account, e);
            }
        }
    }

    public void unregister(String accountKey) {
        stopPolling(accountKey);
        accounts.unregister(accountKey);
        pacing.forget(accountKey);
    }

    private void stopPolling(String accountKey) {
        TelegramPoller previous = pollers.remove(accountKey);
        if (previous != null) {
            previous.release();
        }
    }

    /**
     * Renders the message for its account's channel, waits for the account's and the recipient's pacing slot,
     * and posts it once; the result carries the channel's message id or its classified error.
     */
    public SendResult send(OutboundMessage message) throws ResourceException {
        ChannelAccountRegistration account = accounts.find(message.accountKey()).orElseThrow(() ->
                new ResourceException("No channel account " + message.accountKey() + " is registered"));
        ChannelRequest request;
        try {
            request = ChannelRenderers.forChannel(account.channel()).render(message, account);
        } catch (UnsupportedMessageException | IllegalArgumentException e) {
            throw new ResourceException("Cannot send this " + message.kind() + " message on " + account.channel()
                    + ": " + e.getMessage());
        }
        SendPacing.Pace pace = pacing.reserve(account, message.recipient());
        if (!pace.reserved()) {
            return SendResult.retry(SendResult.PACED, "the recipient's pacing slot is not free yet",
                    Duration.ofNanos(pace.waitNanos()));
        }
        long wait = pace.waitNanos();
        if (wait > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return SendResult.retry("interrupted", "the send was interrupted while paced", null);
            }
        }
        return client.send(request, account.channel(), 1);
    }

    public AdapterStatus status() {
        Instant started = startedAt;
        WebhookListener listener = webhooks;
        return new AdapterStatus(started != null, started, endpoints.size(), listener == null ? -1 : listener.port());
    }

    /**
     * Delivers a webhook's message on the calling thread (already a WorkManager thread) to every endpoint of its
     * channel, each in its own container transaction.
     */
    public WebhookHandler.Outcome deliverHere(InboundMessage message) {
        List<EndpointDelivery> deliveries = deliveriesOf(message);
        deliveries.forEach(EndpointDelivery::run);
        WebhookHandler.Outcome outcome = new WebhookHandler.Outcome(deliveries.size(),
                (int) deliveries.stream().filter(EndpointDelivery::succeeded).count());
        if (outcome.taken() && message.interactionId() != null) {
            acknowledge(message);
        }
        return outcome;
    }

    /** Stops the spinner on the Telegram button the customer tapped, without holding up the webhook's answer. */
    private void acknowledge(InboundMessage message) {
        accounts.find(message.accountKey()).filter(a -> a.channel().equals("telegram")).ifPresent(account -> {
            try {
                workManager.scheduleWork(new ShortWork(() -> client.send(
                        TELEGRAM.answerCallbackQuery(account, message.interactionId(), null), "telegram", 1)));
            } catch (WorkException e) {
                LOG.fine(() -> "Callback query not acknowledged (the spinner times out by itself): " + e);
            }
        });
    }

    private List<EndpointDelivery> deliveriesOf(InboundMessage message) {
        return endpoints.entrySet().stream()
                .filter(e -> e.getValue().accepts(message.channel()))
                .map(e -> new EndpointDelivery(e.getKey(), message))
                .toList();
    }

    /**
     * Delivers a message to every endpoint that listens to its channel, each on a WorkManager thread in its own
     * container transaction, and waits for them.
     *
     * @return how many endpoints took the message without failing
     */
    public int deliver(InboundMessage message) throws ResourceException {
        if (startedAt == null) {
            throw new ResourceAdapterInternalException("The messaging connector is not started");
        }
        List<EndpointDelivery> deliveries = deliveriesOf(message);
        for (EndpointDelivery delivery : deliveries) {
            try {
                workManager.doWork(delivery);
            } catch (WorkException e) {
                throw new ResourceAdapterInternalException("Could not schedule delivery", e);
            }
        }
        return (int) deliveries.stream().filter(EndpointDelivery::succeeded).count();
    }

    // The JCA spec asks a resource adapter to be a JavaBean with equality by its configuration.
    @Override
    public boolean equals(Object other) {
        return other instanceof ChannelResourceAdapter that && Objects.equals(webhookHost, that.webhookHost)
                && Objects.equals(webhookPort, that.webhookPort);
    }

    @Override
    public int hashCode() {
        return Objects.hash(webhookHost, webhookPort);
    }
}
