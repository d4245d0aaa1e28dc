package com.parla.conversation.control;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.util.function.Consumer;

/** The container's {@link SeparateTransaction}: a new JTA transaction, for opening a new customer's rows. */
@Stateless
public class ConversationOpening {

    @Resource
    SessionContext context;

    @PersistenceContext(unitName = "parla")
    EntityManager em;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean tryRun(Consumer<EntityManager> work) {
        try {
            work.accept(em);
            em.flush();
            return true;
        } catch (PersistenceException refused) {
            context.setRollbackOnly();
            return false;
        }
    }
}
