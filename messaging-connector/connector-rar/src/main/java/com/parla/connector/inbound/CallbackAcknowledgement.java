package com.parla.connector.inbound;

import com.parla.connector.account.ChannelAccounts;
import com.parla.connector.api.Channel;
import com.parla.connector.api.InboundMessage;
import com.parla.connector.outbound.channel.ChannelClient;
import com.parla.connector.outbound.channel.TelegramRenderer;
import jakarta.resource.spi.work.WorkException;
import jakarta.resource.spi.work.WorkManager;
import java.util.List;
import java.util.logging.Logger;

/**
 * Delivers, then stops the spinner on the Telegram button the customer tapped ({@code answerCallbackQuery}) once the
 * message is taken, as WorkManager work of its own so that the webhook's answer does not wait for it.
 */
public final class CallbackAcknowledgement implements Delivery {

    private static final Logger LOG = Logger.getLogger(CallbackAcknowledgement.class.getName());
    private static final TelegramRenderer TELEGRAM = new TelegramRenderer();

    private final Delivery delivery;
    private final ChannelAccounts accounts;
    private final ChannelClient client;
    private final WorkManager workManager;

    public CallbackAcknowledgement(Delivery delivery, ChannelAccounts accounts, ChannelClient client,
                                   WorkManager workManager) {
        this.delivery = delivery;
        this.accounts = accounts;
        this.client = client;
        this.workManager = workManager;
    }

    @Override
    public DeliveryOutcome deliver(List<InboundMessage> messages) {
        DeliveryOutcome outcome = delivery.deliver(messages);
        if (outcome.taken()) {
            messages.stream().filter(m -> m.interactionId() != null && m.channel() == Channel.TELEGRAM)
                    .forEach(this::acknowledge);
        }
        return outcome;
    }

    private void acknowledge(InboundMessage message) {
        accounts.find(message.accountKey()).ifPresent(account -> {
            try {
                workManager.scheduleWork(new ShortWork(() -> client.send(
                        TELEGRAM.answerCallbackQuery(account, message.interactionId(), null), Channel.TELEGRAM)));
            } catch (WorkException e) {
                LOG.fine(() -> "Callback query not acknowledged (the spinner times out by itself): " + e);
            }
        });
    }
}
