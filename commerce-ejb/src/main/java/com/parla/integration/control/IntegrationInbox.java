package com.parla.integration.control;

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
     * Records the event as processed. Returns false if it already was (a duplicate delivery: skip it). Two
     * concurrent deliveries of one id collide on the primary key; the loser rolls back and is redelivered.
     */
    public boolean markProcessed(EventEnvelope event, int deliveryCount) {
        if (em.find(ProcessedEvent.class, event.id()) != null) {
            return false;
        }
        em.persist(new ProcessedEvent(event.id(), event.type(), event.source(), deliveryCount));
        return true;
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public ProcessedEvent find(String eventId) {
        return em.find(ProcessedEvent.class, eventId);
    }
}
