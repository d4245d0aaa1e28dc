package com.parla.connector.inbound.polling;

import com.parla.connector.account.ChannelAccounts;
import com.parla.connector.api.Channel;
import com.parla.connector.api.ChannelAccountRegistration;
import com.parla.connector.inbound.Delivery;
import com.parla.connector.inbound.parse.WebhookParsers;
import com.parla.connector.outbound.channel.ChannelClient;
import jakarta.resource.spi.work.WorkException;
import jakarta.resource.spi.work.WorkManager;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One {@link TelegramPoller} per Telegram bot registered with {@code polling}, as long-running WorkManager work:
 * started when the bot is registered, replaced when it is registered again, stopped when it is removed.
 */
public final class TelegramPolling implements ChannelAccounts.Listener {

    private static final Logger LOG = Logger.getLogger(TelegramPolling.class.getName());

    private final WorkManager workManager;
    private final ChannelClient client;
    private final Delivery delivery;
    private final Map<String, TelegramPoller> pollers = new ConcurrentHashMap<>();

    public TelegramPolling(WorkManager workManager, ChannelClient client, Delivery delivery) {
        this.workManager = workManager;
        this.client = client;
        this.delivery = delivery;
    }

    @Override
    public void registered(ChannelAccountRegistration account) {
        stop(account.accountKey());
        if (account.channel() != Channel.TELEGRAM || !account.polling()) {
            return;
        }
        TelegramPoller poller = new TelegramPoller(account, client, WebhookParsers.telegram(), delivery);
        try {
            workManager.scheduleWork(poller, WorkManager.INDEFINITE, null, null);
            pollers.put(account.accountKey(), poller);
        } catch (WorkException e) {
            // the account stays registered for sending; its updates wait at Telegram until it is registered again
            LOG.log(Level.WARNING, e, () -> "Could not start polling for " + account);
        }
    }

    @Override
    public void unregistered(String accountKey) {
        stop(accountKey);
    }

    public void stopAll() {
        pollers.values().forEach(TelegramPoller::release);
        pollers.clear();
    }

    private void stop(String accountKey) {
        TelegramPoller previous = pollers.remove(accountKey);
        if (previous != null) {
            previous.release();
        }
    }
}
