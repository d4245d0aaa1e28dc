package com.parla.integration.boundary;

import com.parla.integration.entity.ProcessedEvent;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Makes integration inbound idempotent: an event id is applied once, in the transaction that applies it. */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class IntegrationInbox {

    @PersistenceContext(unitName = "parla")
    EntityManager em;

    /**
     * Records the event as applied, in the transaction that applied it. Two concurrent deliveries of one id
     * collide on the primary key; the loser rolls back, is redelivered, and then finds the event processed.
     */
    public void markProcessed(EventEnvelope event, int deliveryCount) {
        em.persist(new ProcessedEvent(event.id(), event.type(), event.source(), deliveryCount));
    }

    /**
     * {@link #markProcessed}, then the event's work is written and let go: in a batch of events sharing the
     * transaction, the next one's queries would otherwise flush (dirty-check) every entity of the ones before.
     * Nothing of the event's work may be used after this call. (Not for the catalog: clearing the session would
     * drop the search index's pending work.)
     */
    public void markProcessedAndLetGo(EventEnvelope event, int deliveryCount) {
        markProcessed(event, deliveryCount);
        em.flush();
        em.clear();
    }

    /** The record of an applied event, or null: a duplicate delivery is skipped. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public ProcessedEvent find(String eventId) {
        return em.find(ProcessedEvent.class, eventId);
    }
}
