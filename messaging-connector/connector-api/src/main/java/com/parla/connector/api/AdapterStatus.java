package com.parla.connector.api;

import java.io.Serializable;
import java.time.Instant;

/**
 * The adapter's state as it reports it. It is ready when it is started, its webhook listener is bound, at least one
 * message endpoint (MDB) is bound and the application has handed it its accounts; until then webhooks get 503.
 *
 * @param started         whether the resource adapter has been started by the container
 * @param startedAt       when it was started, null if not started
 * @param activeEndpoints message endpoints (MDBs) currently bound to the adapter
 * @param webhookPort     the port the webhook listener is bound to, -1 when it is not listening
 * @param accountsLoaded  whether the application has registered its accounts (see
 *                        {@link ChannelAdministration#registerAll})
 * @param accounts        how many accounts are registered
 * @param notReadyBecause why it is not ready, or null when it is
 */
public record AdapterStatus(boolean started, Instant startedAt, int activeEndpoints, int webhookPort,
                            boolean accountsLoaded, int accounts, String notReadyBecause) implements Serializable {

    public boolean ready() {
        return notReadyBecause == null;
    }
}
