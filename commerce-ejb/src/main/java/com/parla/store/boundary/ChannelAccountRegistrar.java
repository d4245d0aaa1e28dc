package com.parla.store.boundary;

import com.parla.connector.api.ChannelAccountRegistration;
import com.parla.connector.api.ChannelConnection;
import com.parla.connector.api.ChannelConnectionFactory;
import com.parla.platform.boundary.PlatformResources;
import com.parla.store.entity.Channel;
import com.parla.store.entity.ChannelAccount;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.resource.ResourceException;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Hands the stores' channel accounts to the messaging connector at start (after the demo data, if any), so their
 * webhooks are taken and replies can be sent. The channel API addresses come from configuration, so a whole
 * installation can be pointed at simulators.
 */
@Singleton
@Startup
@DependsOn({"SchemaMigration", "DemoData"})
public class ChannelAccountRegistrar {

    private static final Logger LOG = Logger.getLogger(ChannelAccountRegistrar.class.getName());
    /** Default send rates: WhatsApp's per-number throughput, Telegram's per bot, Messenger's per page. */
    private static final int WHATSAPP_MPS = 80;
    private static final int TELEGRAM_MPS = 30;
    private static final int MESSENGER_MPS = 300;
    private static final int WECHAT_MPS = 50;

    @PersistenceContext(unitName = "parla")
    EntityManager em;

    @Resource(lookup = PlatformResources.CHANNEL_FACTORY)
    ChannelConnectionFactory channels;

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
        List<ChannelAccount> accounts = em.createQuery("select a from ChannelAccount a where a.enabled = true",
                ChannelAccount.class).getResultList();
        int registered = 0;
        for (ChannelAccount account : accounts) {
            if (account.getChannel() != Channel.WEBCHAT && register(account)) {
                registered++;
            }
        }
        LOG.info("Channel accounts registered with the connector: " + registered + " of " + accounts.size());
    }

    /** @return whether the connector took it; a failure is logged and leaves the account without traffic */
    public boolean register(ChannelAccount account) {
        try (ChannelConnection connection = channels.getConnection()) {
            connection.register(registration(account));
            return true;
        } catch (ResourceException | RuntimeException e) {
            LOG.log(Level.WARNING, e, () -> "The connector refused " + account);
            return false;
        }
    }

    ChannelAccountRegistration registration(ChannelAccount account) {
        String channel = account.getChannel().name().toLowerCase(Locale.ROOT);
        int rate = switch (account.getChannel()) {
            case WHATSAPP -> WHATSAPP_MPS;
            case MESSENGER -> MESSENGER_MPS;
            case TELEGRAM -> TELEGRAM_MPS;
            case WECHAT -> WECHAT_MPS;
            case WEBCHAT -> throw new IllegalArgumentException("the web chat does not go through the connector");
        };
        String apiUrl = switch (account.getChannel()) {
            case WHATSAPP -> whatsappUrl;
            case MESSENGER -> messengerUrl;
            case TELEGRAM -> telegramUrl;
            default -> wechatUrl;
        };
        boolean telegram = account.getChannel() == Channel.TELEGRAM;
        // a Telegram bot has no verify token: its webhook secret is in the app secret column
        return new ChannelAccountRegistration(channel, account.getAccountKey(), account.getExternalId(),
                telegram ? null : account.getVerifyToken(), account.getAppSecret(), account.getAccessToken(), rate,
                telegram && telegramPolling, apiUrl);
    }
}
