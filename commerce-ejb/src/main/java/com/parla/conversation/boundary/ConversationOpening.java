package com.parla.conversation.boundary;

import com.parla.connector.api.InboundMessage;
import com.parla.conversation.control.ConversationRecorder;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Creates a new customer's identity and conversation in a transaction of its own (see the recorder). */
@Stateless
public class ConversationOpening {

    @PersistenceContext(unitName = "parla")
    EntityManager em;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void open(InboundMessage message, long storeId) {
        new ConversationRecorder(em).open(message, storeId);
    }
}
