package com.parla.store.boundary;

import com.parla.platform.boundary.TransactionCache;
import com.parla.store.entity.ChannelAccount;
import com.parla.store.entity.StaffMember;
import com.parla.store.entity.Store;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/**
 * Who works where: staff and the stores each of them may see (the tenancy rule of the console), and the store
 * behind each channel account.
 */
@Stateless
public class StoreDirectory {

    @PersistenceContext(unitName = "parla")
    EntityManager em;

    @Inject
    AccountOwners owners;

    /** The store an enabled channel account belongs to; kept in memory after the first ask. */
    public Optional<AccountOwner> ownerOf(String accountKey) {
        return owners.owner(accountKey, key -> em.createNamedQuery(ChannelAccount.ENABLED_BY_KEY, ChannelAccount.class)
                .setParameter("key", key).getResultStream().findFirst()
                .map(a -> new AccountOwner(a.getAccountKey(), a.getChannel(), a.getStore().getId(),
                        a.getStore().getName())));
    }

    public Optional<StaffMember> staffMember(String email) {
        return em.createNamedQuery(StaffMember.BY_EMAIL, StaffMember.class).setParameter("email", email)
                .getResultStream().findFirst();
    }

    /** Platform admins see every store, merchant admins their merchant's, agents their own store only. */
    public List<Store> storesVisibleTo(String email) {
        StaffMember staff = staffMember(email).orElse(null);
        if (staff == null) {
            return List.of();
        }
        return switch (staff.getRole()) {
            case PLATFORM_ADMIN -> em.createQuery("select s from Store s join fetch s.merchant order by s.name",
                    Store.class).getResultList();
            case MERCHANT_ADMIN -> em.createQuery("select s from Store s join fetch s.merchant m"
                    + " where m.id = :merchant order by s.name", Store.class)
                    .setParameter("merchant", staff.getMerchant().getId()).getResultList();
            case AGENT -> em.createQuery("select s from Store s join fetch s.merchant where s.id = :store",
                    Store.class).setParameter("store", staff.getStore().getId()).getResultList();
        };
    }

    /** Who can take a store's conversations: its own staff and its merchant's admins, by name. */
    public List<StaffMember> staffOf(long storeId) {
        Store store = em.find(Store.class, storeId);
        if (store == null) {
            return List.of();
        }
        return em.createQuery("select s from StaffMember s where s.store.id = :store or (s.role = :admin and"
                        + " s.merchant.id = :merchant) order by s.displayName", StaffMember.class)
                .setParameter("store", storeId).setParameter("admin", com.parla.store.entity.StaffRole.MERCHANT_ADMIN)
                .setParameter("merchant", store.getMerchant().getId()).getResultList();
    }

    /** Whether this person may take the store's conversations (one of {@link #staffOf}). */
    public boolean worksFor(long staffId, long storeId) {
        return staffOf(storeId).stream().anyMatch(person -> person.getId() == staffId);
    }

    /** A store's settings, read once per transaction. */
    public Optional<StoreRef> storeRef(String slug) {
        return Optional.ofNullable(TransactionCache.get(new BySlug(slug), () -> store(slug).map(StoreRef::of)
                .orElse(null)));
    }

    /** A store's settings, read once per transaction. */
    public Optional<StoreRef> storeRef(long id) {
        return Optional.ofNullable(TransactionCache.get(new ById(id), () -> Optional.ofNullable(
                em.find(Store.class, id)).map(StoreRef::of).orElse(null)));
    }

    /** The store's settings changed in this transaction: read them anew. */
    static void changed(Store store) {
        TransactionCache.evict(new ById(store.getId()));
        TransactionCache.evict(new BySlug(store.getSlug()));
    }

    private record ById(long id) {
    }

    private record BySlug(String slug) {
    }

    public Optional<Store> store(String slug) {
        return em.createNamedQuery(Store.BY_SLUG, Store.class).setParameter("slug", slug)
                .getResultStream().findFirst();
    }
}
