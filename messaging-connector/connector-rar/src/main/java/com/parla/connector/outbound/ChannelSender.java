package com.parla.connector.outbound;

import com.parla.connector.account.ChannelAccounts;
import com.parla.connector.api.Channel;
import com.parla.connector.api.ChannelAccountRegistration;
import com.parla.connector.api.OutboundMessage;
import com.parla.connector.api.SendResult;
import com.parla.connector.outbound.channel.ChannelClient;
import com.parla.connector.outbound.channel.ChannelErrors;
import com.parla.connector.outbound.channel.ChannelRenderers;
import com.parla.connector.outbound.channel.ChannelRequest;
import com.parla.connector.outbound.channel.UnsupportedMessageException;
import com.parla.connector.outbound.channel.WeChatAccessTokens;
import com.parla.connector.outbound.pacing.SendPacing;
import jakarta.resource.ResourceException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The sending path: a message is rendered for its account's channel (with the account's current WeChat access
 * token), waits for the account's and the recipient's pacing slot, and is posted once. A wait of up to a second is
 * slept through on the sender's thread; a recipient whose next slot is further away is handed back as
 * {@link SendResult#PACED}, so no thread waits for minutes.
 */
public final class ChannelSender implements ChannelAccounts.Listener {

    private static final Duration NOT_READY_WAIT = Duration.ofSeconds(2);

    private final ChannelAccounts accounts;
    private final ChannelClient client;
    private final SendPacing pacing;
    private final WeChatAccessTokens weChatTokens;

    public ChannelSender(ChannelAccounts accounts, ChannelClient client, SendPacing pacing,
                         WeChatAccessTokens weChatTokens) {
        this.accounts = accounts;
        this.client = client;
        this.pacing = pacing;
        this.weChatTokens = weChatTokens;
    }

    /**
     * @throws ResourceException if the account is not registered (once the application has registered its
     *                           accounts; before, the send is {@link SendResult#NOT_READY}) or the message cannot
     *                           be rendered for it: the same message would be refused again
     */
    public SendResult send(OutboundMessage message) throws ResourceException {
        Optional<ChannelAccountRegistration> registered = accounts.find(message.accountKey());
        if (registered.isEmpty() && !accounts.loaded()) {
            // after a restart the outbox may be quicker than the application's registration of its accounts
            return SendResult.retry(SendResult.NOT_READY, "the connector has not been given its accounts yet",
                    NOT_READY_WAIT);
        }
        ChannelAccountRegistration account = registered.orElseThrow(() ->
                new ResourceException("No channel account " + message.accountKey() + " is registered"));
        ChannelAccountRegistration sending = account;
        if (account.channel() == Channel.WECHAT) {
            try {
                sending = account.withAccessToken(weChatTokens.current(account));
            } catch (WeChatAccessTokens.UnavailableException e) {
                return SendResult.retry("token", e.getMessage(), null);
            }
        }
        ChannelRequest request;
        try {
            request = ChannelRenderers.forChannel(account.channel()).render(message, sending);
        } catch (UnsupportedMessageException | IllegalArgumentException | IllegalStateException e) {
            throw new ResourceException("Cannot send this " + message.kind() + " message on " + account.channel()
                    + ": " + e.getMessage());
        }
        SendPacing.Pace pace = pacing.reserve(account, message.recipient());
        if (!pace.reserved()) {
            return SendResult.retry(SendResult.PACED, "the recipient's pacing slot is not free yet",
                    Duration.ofNanos(pace.waitNanos()));
        }
        if (pace.waitNanos() > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(pace.waitNanos());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return SendResult.retry("interrupted", "the send was interrupted while paced", null);
            }
        }
        SendResult result = client.send(request, account.channel());
        if (account.channel() == Channel.WECHAT && ChannelErrors.weChatTokenRefused(result.errorCode())) {
            weChatTokens.refused(account.accountKey(), sending.accessToken());
        }
        return result;
    }

    @Override
    public void registered(ChannelAccountRegistration account) {
        // a changed rate or credential takes effect from the next send
        pacing.forget(account.accountKey());
        weChatTokens.forget(account.accountKey());
    }

    @Override
    public void unregistered(String accountKey) {
        pacing.forget(accountKey);
        weChatTokens.forget(accountKey);
    }
}
