package com.parla.store.boundary;

import com.parla.connector.api.Channel;
import com.parla.platform.boundary.Refusal;
import com.parla.store.entity.ChannelAccount;
import com.parla.store.entity.Merchant;
import com.parla.store.entity.StaffMember;
import com.parla.store.entity.StaffRole;
import com.parla.store.entity.Store;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Setting up merchants, their stores, channel accounts and staff (the demo data, and later the console). */
@Stateless
public class StoreSetup {

    @PersistenceContext(unitName = "parla")
    EntityManager em;

    /** @return the new store's id */
    public long merchantWithStore(String merchantName, String slug, String storeName, String currency,
                                  String language) {
        Merchant merchant = new Merchant(merchantName);
        em.persist(merchant);
        Store store = new Store(merchant, slug, storeName, currency, language);
        em.persist(store);
        return store.getId();
    }

    /** Another store of the merchant that owns {@code siblingStoreId}; @return the new store's id */
    public long storeOfMerchant(long siblingStoreId, String slug, String storeName, String currency,
                                String language) {
        Store store = new Store(store(siblingStoreId).getMerchant(), slug, storeName, currency, language);
        em.persist(store);
        return store.getId();
    }

    /**
     * Changes what the settings give, all or nothing.
     *
     * @throws Refusal with the reason, if one of them cannot be taken (nothing changes)
     */
    public StoreRef changeSettings(long storeId, StoreSettings settings) {
        Store store = store(storeId);
        String problem = settings.problem(StoreRef.of(store));
        if (problem != null) {
            throw new Refusal(problem);
        }
        if (settings.name() != null) {
            store.rename(settings.name().strip());
        }
        store.setHours(or(settings.timeZone(), store.getTimeZone()), or(settings.openDays(), store.getOpenDays()),
                or(settings.opensAt(), store.getOpensAt()), or(settings.closesAt(), store.getClosesAt()));
        if (settings.reservationMinutes() != null) {
            store.setReservationMinutes(settings.reservationMinutes());
        }
        if (settings.whatsappCatalogId() != null) {
            store.setWhatsappCatalogId(settings.whatsappCatalogId().isEmpty() ? null : settings.whatsappCatalogId());
        }
        if (settings.checkinAfter() != null) {
            store.setCheckinAfter(java.time.Duration.parse(settings.checkinAfter()).toString());
        }
        StoreDirectory.changed(store);
        return StoreRef.of(store);
    }

    private static String or(String given, String current) {
        return given == null ? current : given;
    }

    /** A channel account of the store; its secrets never leave the server. */
    public void channelAccount(long storeId, Channel channel, String accountKey, String displayName, String externalId,
                               String verifyToken, String appSecret, String accessToken) {
        channelAccount(storeId, channel, accountKey, displayName, externalId, verifyToken, appSecret, accessToken, null);
    }

    /** @param paymentToken Telegram: the payment provider token for card invoices, else null */
    public void channelAccount(long storeId, Channel channel, String accountKey, String displayName, String externalId,
                               String verifyToken, String appSecret, String accessToken, String paymentToken) {
        ChannelAccount account = new ChannelAccount(store(storeId), channel, accountKey, displayName, externalId);
        account.setSecrets(verifyToken, appSecret, accessToken);
        account.setPaymentToken(paymentToken);
        em.persist(account);
    }

    /**
     * A person who works in the console: a platform admin belongs to no merchant, a merchant admin to the store's
     * merchant, an agent to the store itself.
     */
    public void staffMember(String email, String name, String passwordHash, StaffRole role, long storeId) {
        Store store = store(storeId);
        em.persist(switch (role) {
            case PLATFORM_ADMIN -> new StaffMember(email, name, passwordHash, role, null, null);
            case MERCHANT_ADMIN -> new StaffMember(email, name, passwordHash, role, store.getMerchant(), null);
            case AGENT -> new StaffMember(email, name, passwordHash, role, store.getMerchant(), store);
        });
    }

    private Store store(long storeId) {
        Store store = em.find(Store.class, storeId);
        if (store == null) {
            throw new Refusal("No store " + storeId);
        }
        return store;
    }
}
