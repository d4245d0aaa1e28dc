package com.parla.store.boundary;

import com.parla.connector.api.Channel;
import com.parla.platform.boundary.Refusal;
import com.parla.store.entity.ChannelAccount;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** A store's channel accounts, and the send rate each may use. */
@Stateless
public class ChannelAccounts {

    /** Meta's highest tier for a WhatsApp number; above the others' published limits too. */
    static final int MAX_MESSAGES_PER_SECOND = 1000;

    @PersistenceContext(unitName = "parla")
    EntityManager em;

    @EJB
    ChannelAccountRegistrar registrar;

    @EJB
    StoreSetup setup;

    public List<ChannelAccountView> of(long storeId) {
        return em.createQuery("select a from ChannelAccount a where a.store.id = :store order by a.channel,"
                + " a.accountKey", ChannelAccount.class).setParameter("store", storeId).getResultStream()
                .map(ChannelAccountView::of).toList();
    }

    /**
     * A new account of the store, taking webhooks and sending at once (registered with the connector).
     *
     * @param apiUrl the channel API it talks to when not the installation's (a simulator), else null
     * @throws Refusal if the key is taken or the API address is no http(s) URL (nothing changes)
     */
    public ChannelAccountView add(long storeId, Channel channel, String accountKey, String displayName,
                                  String externalId, String verifyToken, String secret, String accessToken,
                                  String apiUrl) {
        if (channel == Channel.WEBCHAT) {
            throw new Refusal("the web chat is no account of the messaging connector");
        }
        if (accountKey == null || !accountKey.matches("[A-Za-z0-9_-]{3,64}")) {
            throw new Refusal("an account key is 3 to 64 letters, digits, - or _");
        }
        if (apiUrl != null && !apiUrl.matches("https?://[^\\s]{3,490}")) {
            throw new Refusal("apiUrl must be an http(s) URL");
        }
        if (!em.createQuery("select a.id from ChannelAccount a where a.accountKey = :key").setParameter("key",
                accountKey).getResultList().isEmpty()) {
            throw new Refusal("account key " + accountKey + " is taken");
        }
        setup.channelAccount(storeId, channel, accountKey, displayName, externalId, verifyToken, secret, accessToken);
        ChannelAccount account = byKey(storeId, accountKey).orElseThrow();
        account.setApiUrl(apiUrl);
        if (!registrar.register(account)) {
            throw new Refusal("the messaging connector refused account " + accountKey + " (see the server log)");
        }
        return ChannelAccountView.of(account);
    }

    /**
     * Sets the account's own send rate, taken by the connector at once: what Meta granted the number (1,000 after an
     * upgrade, 20 for a number shared with the WhatsApp Business app), or 0 for the channel's default.
     *
     * @return the account changed; empty if the store has no such account
     * @throws Refusal if the rate cannot be taken (nothing changes)
     */
    public Optional<ChannelAccountView> changeRate(long storeId, String accountKey, int messagesPerSecond) {
        Optional<ChannelAccount> found = byKey(storeId, accountKey);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ChannelAccount account = found.get();
        if (messagesPerSecond < 0 || messagesPerSecond > MAX_MESSAGES_PER_SECOND) {
            throw new Refusal("messagesPerSecond must be 0 (the channel's default) to " + MAX_MESSAGES_PER_SECOND);
        }
        if (account.getChannel() == Channel.WEBCHAT) {
            throw new Refusal("the web chat has no send rate");
        }
        account.setMessagesPerSecond(messagesPerSecond);
        if (account.isEnabled() && !registrar.register(account)) {
            throw new Refusal("the messaging connector refused account " + accountKey + " (see the server log)");
        }
        return Optional.of(ChannelAccountView.of(account));
    }

    private Optional<ChannelAccount> byKey(long storeId, String accountKey) {
        return em.createQuery("select a from ChannelAccount a where a.accountKey = :key and a.store.id = :store",
                ChannelAccount.class).setParameter("key", accountKey).setParameter("store", storeId)
                .getResultStream().findFirst();
    }
}
