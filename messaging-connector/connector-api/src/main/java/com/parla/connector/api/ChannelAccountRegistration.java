package com.parla.connector.api;

import java.io.Serializable;
import java.util.Objects;

/**
 * A store's channel account as the connector needs it to take webhooks and send. The application registers its
 * accounts at start and whenever they change; the connector keeps them in memory only.
 *
 * @param channel            the channel (the web chat is not served by this connector)
 * @param accountKey         the public id in the webhook URL {@code /webhooks/{channel}/{accountKey}}
 * @param externalId         the channel's id of the account: phone number id, bot username, page id, app id
 * @param verifyToken        WhatsApp/Messenger {@code hub.verify_token}; WeChat server token
 * @param secret             WhatsApp/Messenger app secret; Telegram webhook secret token; WeChat EncodingAESKey
 * @param accessToken        the credential to send with: WhatsApp/Messenger access token; Telegram bot token; WeChat
 *                           AppSecret, which the connector exchanges for the two-hour access token and renews
 * @param messagesPerSecond  the account's send rate when it differs from the channel's default (a WhatsApp number
 *                           upgraded to 1,000/s, a number shared with the app at 20/s); 0 = the channel's default
 * @param polling            Telegram only: fetch updates with getUpdates instead of taking webhooks
 * @param apiUrl             the channel API's base URL (Graph API with version, Telegram Bot API, WeChat API), so
 *                           an account can be pointed at a simulator; see the {@code parla.channel.*} settings
 * @param paymentToken       Telegram only: the payment provider token from @BotFather, for native card invoices
 *                           ({@code sendInvoice}); null = payment links instead
 */
public record ChannelAccountRegistration(Channel channel, String accountKey, String externalId, String verifyToken,
                                         String secret, String accessToken, int messagesPerSecond, boolean polling,
                                         String apiUrl, String paymentToken)
        implements Serializable {

    /** An account without native payments. */
    public ChannelAccountRegistration(Channel channel, String accountKey, String externalId, String verifyToken,
                                      String secret, String accessToken, int messagesPerSecond, boolean polling,
                                      String apiUrl) {
        this(channel, accountKey, externalId, verifyToken, secret, accessToken, messagesPerSecond, polling, apiUrl,
                null);
    }

    public ChannelAccountRegistration {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(accountKey, "accountKey");
        Objects.requireNonNull(apiUrl, "apiUrl");
        if (messagesPerSecond < 0) {
            throw new IllegalArgumentException("messagesPerSecond must not be negative");
        }
    }

    @Override
    public String toString() {
        // secrets stay out of logs and exception messages
        return "ChannelAccountRegistration[" + channel + " " + accountKey + " " + externalId + "]";
    }

    /** The same account sending with another credential (the connector's current WeChat access token). */
    public ChannelAccountRegistration withAccessToken(String token) {
        return new ChannelAccountRegistration(channel, accountKey, externalId, verifyToken, secret, token,
                messagesPerSecond, polling, apiUrl, paymentToken);
    }
}
