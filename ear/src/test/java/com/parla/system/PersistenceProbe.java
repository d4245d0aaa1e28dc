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

    public boolean isHibernate() {
        return em.unwrap(org.hibernate.Session.class) != null
                && em.getEntityManagerFactory().unwrap(org.hibernate.SessionFactory.class) != null;
    }
}
