package com.parla.platform.boundary;

import com.parla.platform.entity.ScheduledJob;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Work for later, kept in the database (it survives restarts) and run once: a job's run starts by marking it done with
 * a conditional update, which a second server's run of it waits on and then finds done; what the run does commits
 * with that mark, or rolls back with it and runs again (five tries).
 */
@Stateless
public class ScheduledWork {

    static final int MAX_ATTEMPTS = 5;
    private static final int BATCH = 100;
    private static final Logger LOG = Logger.getLogger(ScheduledWork.class.getName());

    @PersistenceContext(unitName = "parla")
    EntityManager em;

    @Inject
    Event<JobDue> due;

    @Resource
    SessionContext context;

    /** Schedules {@code kind} for {@code subjectId} at {@code dueAt}; a second call for the same job changes nothing. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void schedule(String kind, long subjectId, Instant dueAt) {
        if (em.createNamedQuery(ScheduledJob.OF_SUBJECT, ScheduledJob.class).setParameter("kind", kind)
                .setParameter("subject", subjectId).getResultList().isEmpty()) {
            em.persist(new ScheduledJob(kind, subjectId, dueAt, Instant.now()));
        }
    }

    /** When that job is due, or null if there is none; done or not. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Instant dueAt(String kind, long subjectId) {
        return em.createNamedQuery(ScheduledJob.OF_SUBJECT, ScheduledJob.class).setParameter("kind", kind)
                .setParameter("subject", subjectId).getResultStream().findFirst().map(ScheduledJob::getDueAt)
                .orElse(null);
    }

    /**
     * Runs the jobs due by {@code asOf}, each in a transaction of its own. The poller passes the time; a test passes a
     * later one ("a week later") to run what would be due then.
     *
     * @return how many ran
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public int runDue(Instant asOf) {
        List<Long> ids = em.createNamedQuery(ScheduledJob.DUE, Long.class).setParameter("asOf", asOf)
                .setParameter("maxAttempts", MAX_ATTEMPTS).setMaxResults(BATCH).getResultList();
        ScheduledWork self = context.getBusinessObject(ScheduledWork.class);
        int ran = 0;
        for (long id : ids) {
            try {
                ran += self.run(id) ? 1 : 0;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, e, () -> "Scheduled job " + id + " failed; it runs again");
                self.failed(id);
            }
        }
        return ran;
    }

    /** @return false if another run had done it */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean run(long id) {
        int claimed = em.createQuery("update ScheduledJob j set j.doneAt = :now where j.id = :id and j.doneAt is null")
                .setParameter("now", Instant.now()).setParameter("id", id).executeUpdate();
        if (claimed != 1) {
            return false;
        }
        ScheduledJob job = em.find(ScheduledJob.class, id);
        em.refresh(job);
        due.fire(new JobDue(job.getKind(), job.getSubjectId()));
        return true;
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void failed(long id) {
        em.createQuery("update ScheduledJob j set j.attempts = j.attempts + 1 where j.id = :id")
                .setParameter("id", id).executeUpdate();
    }
}
