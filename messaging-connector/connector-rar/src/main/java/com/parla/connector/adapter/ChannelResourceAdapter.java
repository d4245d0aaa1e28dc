package com.parla.connector.adapter;

import com.parla.connector.account.ChannelAccounts;
import com.parla.connector.api.AdapterStatus;
import com.parla.connector.inbound.CallbackAcknowledgement;
import com.parla.connector.inbound.Delivery;
import com.parla.connector.inbound.EndpointDispatch;
import com.parla.connector.inbound.GroupCommit;
import com.parla.connector.inbound.parse.WebhookParsers;
import com.parla.connector.inbound.polling.TelegramPolling;
import com.parla.connector.inbound.webhook.WebhookHandler;
import com.parla.connector.inbound.webhook.WebhookListener;
import com.parla.connector.outbound.ChannelSender;
import com.parla.connector.outbound.channel.ChannelClient;
import com.parla.connector.outbound.channel.WeChatAccessTokens;
import com.parla.connector.outbound.pacing.SendPacing;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.Connector;
import jakarta.resource.spi.ResourceAdapterInternalException;
import jakarta.resource.spi.TransactionSupport;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import javax.transaction.xa.XAResource;
import java.time.Clock;
import java.time.Instant;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The messaging-channel resource adapter. It starts and stops the connector's parts, each with one job: the
 * account registry ({@link ChannelAccounts}), inbound dispatch to the bound endpoints ({@link EndpointDispatch},
 * webhooks arriving together sharing a commit through {@link GroupCommit}),
 * the webhook listener and the Telegram pollers, and the sending path ({@link ChannelSender}) that the managed
 * connections use. Administration goes through {@link com.parla.connector.admin.ChannelAdministrator}.
 * <p>
 * Settings come from MicroProfile Config: {@code parla.webhook.host} (default 0.0.0.0) and
 * {@code parla.webhook.port} (default 8090, 0 for any free port), as system properties or environment variables
 * ({@code PARLA_WEBHOOK_PORT}).
 */
@Connector(
        displayName = "Parla messaging channels",
        description = "WhatsApp, Telegram, Messenger and WeChat for Parla",
        vendorName = "Parla",
        eisType = "Messaging channels",
        version = "0.1",
        transactionSupport = TransactionSupport.TransactionSupportLevel.NoTransaction)
public class ChannelResourceAdapter implements jakarta.resource.spi.ResourceAdapter {

    static final String HOST = "parla.webhook.host";
    static final String PORT = "parla.webhook.port";
    /** At most this many messages share a commit; two commits may run at once (one builds while one writes). */
    private static final int GROUP_MESSAGES = 100;
    private static final int COMMITTERS = 2;
    private static final Logger LOG = Logger.getLogger(ChannelResourceAdapter.class.getName());

    private final ChannelAccounts accounts = new ChannelAccounts();
    private final EndpointDispatch endpoints = new EndpointDispatch(this);
    private final ChannelClient client = new ChannelClient();
    private final ChannelSender sender = new ChannelSender(accounts, client, new SendPacing(System::nanoTime),
            new WeChatAccessTokens(client, Clock.systemUTC()));
    private volatile TelegramPolling polling;
    private volatile WebhookListener webhooks;
    private volatile Instant startedAt;

    public ChannelResourceAdapter() {
        accounts.addListener(sender);
    }

    @Override
    public void start(BootstrapContext context) throws ResourceAdapterInternalException {
        Config config = ConfigProvider.getConfig(ChannelResourceAdapter.class.getClassLoader());
        String host = config.getOptionalValue(HOST, String.class).orElse("0.0.0.0");
        Delivery delivery = new CallbackAcknowledgement(new GroupCommit(endpoints, GROUP_MESSAGES, COMMITTERS),
                accounts, client, context.getWorkManager());
        polling = new TelegramPolling(context.getWorkManager(), client, delivery);
        accounts.addListener(polling);
        try {
            int port = config.getOptionalValue(PORT, Integer.class).orElse(8090);
            webhooks = WebhookListener.start(host, port, context.getWorkManager(),
                    new WebhookHandler(accounts, WebhookParsers::forChannel, delivery));
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
        TelegramPolling pollers = polling;
        polling = null;
        if (pollers != null) {
            accounts.removeListener(pollers);
            pollers.stopAll();
        }
        endpoints.clear();
        accounts.clear();
        LOG.info("Parla messaging connector stopped");
    }

    @Override
    public void endpointActivation(MessageEndpointFactory factory, ActivationSpec spec) throws ResourceException {
        endpoints.activate(factory, spec);
    }

    @Override
    public void endpointDeactivation(MessageEndpointFactory factory, ActivationSpec spec) {
        endpoints.deactivate(factory, spec);
    }

    @Override
    public XAResource[] getXAResources(ActivationSpec[] specs) {
        return new XAResource[0];
    }

    public ChannelAccounts accounts() {
        return accounts;
    }

    public ChannelSender sender() {
        return sender;
    }

    /** The adapter's readiness, decided here: started, listening, an endpoint bound, the accounts handed over. */
    public AdapterStatus status() {
        Instant started = startedAt;
        WebhookListener listener = webhooks;
        String notReady = started == null ? "not started"
                : listener == null ? "the webhook listener is not bound"
                : endpoints.size() == 0 ? "no message endpoint is bound"
                : !accounts.loaded() ? "the application has not registered its channel accounts yet"
                : null;
        return new AdapterStatus(started != null, started, endpoints.size(), listener == null ? -1 : listener.port(),
                accounts.loaded(), accounts.size(), notReady);
    }

    // The JCA spec asks a resource adapter to be a JavaBean with equality by its configuration: it has none.
    @Override
    public boolean equals(Object other) {
        return other instanceof ChannelResourceAdapter;
    }

    @Override
    public int hashCode() {
        return ChannelResourceAdapter.class.hashCode();
    }
}
