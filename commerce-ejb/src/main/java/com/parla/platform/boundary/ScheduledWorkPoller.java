package com.parla.platform.boundary;

import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Every ten seconds, the scheduled work that is due runs (on each server: a job still runs once). */
@Singleton
public class ScheduledWorkPoller {

    private static final Logger LOG = Logger.getLogger(ScheduledWorkPoller.class.getName());

    @EJB
    ScheduledWork work;

    @Schedule(second = "*/10", minute = "*", hour = "*", persistent = false)
    public void poll() {
        try {
            work.runDue(Instant.now());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Scheduled work failed; the next poll retries", e);
        }
    }
}
