package com.parla.system;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Test-only EJB, added to the EJB module of the deployed EAR: the persistence unit is scoped to that module, so
 * only a bean inside it can look at the EntityManager the product's beans get.
 */
@Stateless
public class PersistenceProbe {

    @PersistenceContext(unitName = "parla")
    EntityManager em;

    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public boolean joinedToCallersTransaction() {
        return em.isJoinedToTransaction();
    }

    /** A store of its own for a test that changes store data (the demo store stays as the README says). */
    public Long newStore(String slug, String language) {
        com.parla.store.entity.Merchant merchant = new com.parla.store.entity.Merchant("Test merchant " + slug);
        em.persist(merchant);
        com.parla.store.entity.Store store = new com.parla.store.entity.Store(merchant, slug, "Test " + slug, "EUR",
                language);
        em.persist(store);
        return store.getId();
    }

    /** As if the customer last wrote at {@code at}: the channel's service window may then be closed. */
    public int lastWroteAt(String channelUserId, java.time.Instant at) {
        return em.createQuery("update Conversation c set c.lastInboundAt = :at where c.identity in"
                        + " (select i from CustomerIdentity i where i.channelUserId = :user)")
                .setParameter("at", at).setParameter("user", channelUserId).executeUpdate();
    }

    public long intentExamples(Long storeId) {
        return em.createQuery("select count(e) from IntentExample e where e.storeId = :store", Long.class)
                .setParameter("store", storeId).getSingleResult();
    }

    public boolean isHibernate() {
        return em.unwrap(org.hibernate.Session.class) != null
                && em.getEntityManagerFactory().unwrap(org.hibernate.SessionFactory.class) != null;
    }
}
