package com.parla.integration.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.MessageDrivenContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import java.util.logging.Logger;

/**
 * What every inbound destination's message-driven bean does around its own work: read and check the envelope,
 * skip an event already processed (idempotent on its id), apply it and mark it processed in the same transaction;
 * send what can never apply to the destination's dead-letter queue with the reason, and roll back what cannot apply
 * yet, so that the broker redelivers it with backoff.
 */
public abstract class EnvelopeReceiver implements MessageListener {

    private static final Logger LOG = Logger.getLogger(EnvelopeReceiver.class.getName());

    @EJB
    IntegrationInbox inbox;

    @EJB
    DeadLetters deadLetters;

    @Resource
    MessageDrivenContext context;

    /** The destination this bean reads, for the dead-letter queue's name and the messages. */
    protected abstract String queue();

    /** Applies the event; an {@link InvalidEventException} dead-letters it. */
    protected abstract void apply(EventEnvelope event);

    /** Whether a failure of {@link #apply} means the message can never apply (besides an invalid event). */
    protected boolean neverApplies(RuntimeException failure) {
        return false;
    }

    /** Whether a failure of {@link #apply} means the message cannot apply yet: it is rolled back and redelivered. */
    protected boolean notYet(RuntimeException failure) {
        return false;
    }

    /**
     * Whether messages come in batches sharing a transaction ({@code enableBatch}): each one's work is then let go
     * once applied. A batch is rolled back and redelivered whole, so a bean that says {@link #notYet} must not
     * batch.
     */
    protected boolean batched() {
        return false;
    }

    @Override
    public void onMessage(Message message) {
        String body = null;
        try {
            body = JmsMessages.body(message);
            EventEnvelope event = EventEnvelope.parse(body);
            if (inbox.find(event.id()) != null) {
                LOG.fine(() -> "Duplicate event " + event.id() + " skipped");
                return;
            }
            apply(event);
            if (batched()) {
                inbox.markProcessedAndLetGo(event, JmsMessages.deliveryCount(message));
            } else {
                inbox.markProcessed(event, JmsMessages.deliveryCount(message));
            }
        } catch (InvalidEventException e) {
            deadLetters.reject(queue(), body, message, e.getMessage());
        } catch (JMSException e) {
            throw new EJBException("Could not read a message of " + queue(), e);
        } catch (RuntimeException e) {
            if (neverApplies(e)) {
                deadLetters.reject(queue(), body, message, e.getMessage());
            } else if (notYet(e)) {
                LOG.info(() -> e.getMessage() + "; will retry");
                context.setRollbackOnly();
            } else {
                throw e;
            }
        }
    }
}
