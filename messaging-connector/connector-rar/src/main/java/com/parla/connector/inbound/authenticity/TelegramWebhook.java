package com.parla.connector.inbound.authenticity;

/**
 * Authenticity of Telegram webhooks (channels.md §2): Telegram signs nothing; it sends back the
 * {@code secret_token} given to setWebhook in the {@code X-Telegram-Bot-Api-Secret-Token} header.
 */
public final class TelegramWebhook {

    private TelegramWebhook() {
    }

    /** Telegram's rule for a secret token: 1–256 characters of A-Z, a-z, 0-9, _ and -. */
    public static boolean isValidSecretToken(String token) {
        return token != null && token.matches("[A-Za-z0-9_-]{1,256}");
    }

    /** @return true only if the header carries the bot's secret token (compared in constant time) */
    public static boolean isAuthentic(String secretTokenHeader, String secretToken) {
        return secretTokenHeader != null && isValidSecretToken(secretToken)
                && Secrets.equal(secretTokenHeader, secretToken);
    }
}
