package com.parla.dialogue.boundary;

import com.parla.dialogue.control.OfferedChoices;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Keeps the choices a notice showed (windows after a booking or a failed attempt) as the conversation's offered
 * choices, so that a typed "2" or "friday" picks one as a tap would. Done once the notice has committed, in a
 * transaction of its own: the notice's transaction holds the shipment's lock, and a turn takes the dialogue state's
 * before a shipment's; taking the state's under the shipment's could deadlock with a turn.
 */
@Stateless
public class ShownChoices {

    @PersistenceContext(unitName = "parla")
    EntityManager em;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void remember(@Observes(during = TransactionPhase.AFTER_SUCCESS) ChoicesShown shown) {
        em.createQuery("update DialogueState s set s.offeredChoices = :choices where s.conversationId = :id")
                .setParameter("choices", OfferedChoices.remember(shown.choices()))
                .setParameter("id", shown.conversationId()).executeUpdate();
    }
}
