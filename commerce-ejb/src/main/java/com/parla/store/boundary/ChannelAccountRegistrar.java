package com.parla.store.boundary;

import com.parla.connector.api.Channel;
import com.parla.connector.api.ChannelAccountRegistration;
import com.parla.connector.api.ChannelAdministration;
import com.parla.platform.boundary.PlatformResources;
import com.parla.store.entity.ChannelAccount;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.resource.ResourceException;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Hands the stores' channel accounts to the messaging connector at start (after the demo data, if any), all at
 * once, so their webhooks are taken and replies can be sent; until then the connector answers webhooks 503 and is
 * not ready. The channel API addresses come from configuration, so a whole installation can be pointed at
 * simulators, unless an account has its own. An account sends at the channel's default rate unless it has its own
 * (a WhatsApp number upgraded to 1,000 messages/s).
 */
@Singleton
@Startup
@DependsOn({"SchemaMigration", "DemoData"})
public class ChannelAccountRegistrar {

    private static final Logger LOG = Logger.getLogger(ChannelAccountRegistrar.class.getName());

    @PersistenceContext(unitName = "parla")
    EntityManager em;

    @Resource(lookup = PlatformResources.CHANNEL_ADMINISTRATION)
    ChannelAdministration connector;

    @Inject
    Event<ChannelAccountChanged> changed;

    @Inject
    @ConfigProperty(name = "parla.channel.whatsapp.graph-url", defaultValue = "https://graph.facebook.com/v23.0")
    String whatsappUrl;

    @Inject
    @ConfigProperty(name = "parla.channel.messenger.graph-url", defaultValue = "https://graph.facebook.com/v23.0")
    String messengerUrl;

    @Inject
    @ConfigProperty(name = "parla.channel.telegram.api-url", defaultValue = "https://api.telegram.org")
    String telegramUrl;

    @Inject
    @ConfigProperty(name = "parla.channel.telegram.polling", defaultValue = "false")
    boolean telegramPolling;

    @Inject
    @ConfigProperty(name = "parla.channel.wechat.api-url", defaultValue = "https://api.weixin.qq.com")
    String wechatUrl;

    @PostConstruct
    void registerAll() {
        List<ChannelAccountRegistration> accounts = em.createNamedQuery(ChannelAccount.ENABLED, ChannelAccount.class)
                .getResultStream().filter(a -> a.getChannel() != Channel.WEBCHAT).map(this::registration).toList();
        try {
            connector.registerAll(accounts);
            LOG.info("Channel accounts registered with the connector: " + accounts.size());
        } catch (ResourceException e) {
            // the connector stays not ready (webhooks 503) rather than serving a partial set
            LOG.log(Level.SEVERE, e, () -> "The connector refused the channel accounts");
        }
    }

    /** Registers an added or changed account anew; what was kept about it is forgotten. */
    public boolean register(ChannelAccount account) {
        try {
            connector.register(registration(account));
            changed.fire(new ChannelAccountChanged(account.getAccountKey()));
            return true;
        } catch (ResourceException | RuntimeException e) {
            LOG.log(Level.WARNING, e, () -> "The connector refused " + account);
            return false;
        }
    }

    ChannelAccountRegistration registration(ChannelAccount account) {
        String apiUrl = account.getApiUrl() != null ? account.getApiUrl() : switch (account.getChannel()) {
            case WHATSAPP -> whatsappUrl;
            case MESSENGER -> messengerUrl;
            case TELEGRAM -> telegramUrl;
            case WECHAT -> wechatUrl;
            case WEBCHAT -> throw new IllegalArgumentException("the web chat does not go through the connector");
        };
        boolean telegram = account.getChannel() == Channel.TELEGRAM;
        // a Telegram bot has no verify token: its webhook secret is in the app secret column
        return new ChannelAccountRegistration(account.getChannel(), account.getAccountKey(), account.getExternalId(),
                telegram ? null : account.getVerifyToken(), account.getAppSecret(), account.getAccessToken(),
                account.getMessagesPerSecond(), telegram && telegramPolling, apiUrl, telegram ? account.getPaymentToken() : null);
    }
}
