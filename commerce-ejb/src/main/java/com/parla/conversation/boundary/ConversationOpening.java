package com.parla.conversation.boundary;

import com.parla.connector.api.InboundMessage;
import com.parla.conversation.control.ConversationRecorder;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;

/** Creates a new customer's identity and conversation in a transaction of its own (see the recorder). */
@Stateless
public class ConversationOpening {

    @Resource
    SessionContext context;

    @PersistenceContext(unitName = "parla")
    EntityManager em;

    /**
     * @return false if a concurrent message of the same customer created them first: this transaction is rolled
     *         back quietly, and the caller's next try finds theirs
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean open(InboundMessage message, long storeId) {
        try {
            new ConversationRecorder(em).open(message, storeId);
            em.flush();
            return true;
        } catch (PersistenceException lostTheRace) {
            context.setRollbackOnly();
            return false;
        }
    }
}
