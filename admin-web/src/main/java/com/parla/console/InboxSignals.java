package com.parla.console;

import com.parla.conversation.boundary.Inbox;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.push.Push;
import jakarta.faces.push.PushContext;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Tells the open inbox pages to look again (f:websocket channel "inbox", message "changed"): at once when this
 * server saw a conversation change, and every 10 s in any case, for what other servers changed. The message carries
 * nothing: each page reads again what its person may see.
 */
@ApplicationScoped
public class InboxSignals {

    private static final Logger LOG = Logger.getLogger(InboxSignals.class.getName());
    static final long CHECK_MS = 300;
    static final long ANYWAY_MS = 10_000;

    @EJB
    Inbox inbox;

    @Inject
    @Push(channel = "inbox")
    PushContext pages;

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;

    private ScheduledFuture<?> checking;
    private long seen = -1;
    private long toldAt;

    /** Starts telling the pages (the first inbox page opened). */
    synchronized void watch() {
        if (checking == null) {
            checking = scheduler.scheduleWithFixedDelay(this::check, CHECK_MS, CHECK_MS, TimeUnit.MILLISECONDS);
        }
    }

    @PreDestroy
    synchronized void stop() {
        if (checking != null) {
            checking.cancel(false);
        }
    }

    private void check() {
        try {
            long now = System.currentTimeMillis();
            long version = inbox.changes();
            if (version != seen || now - toldAt >= ANYWAY_MS) {
                seen = version;
                toldAt = now;
                pages.send("changed");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Inbox pages not told this time", e);
        }
    }
}
