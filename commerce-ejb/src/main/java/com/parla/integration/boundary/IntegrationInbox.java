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

    /** The record of an applied event, or null: a duplicate delivery is skipped. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public ProcessedEvent find(String eventId) {
        return em.find(ProcessedEvent.class, eventId);
    }
}
