package com.parla.connector.api;

import java.io.Serializable;
import java.time.Instant;

/**
 * @param started         whether the resource adapter has been started by the container
 * @param startedAt       when it was started, null if not started
 * @param activeEndpoints message endpoints (MDBs) currently bound to the adapter
 * @param webhookPort     the port the webhook listener is bound to, -1 when it is not listening
 */
public record AdapterStatus(boolean started, Instant startedAt, int activeEndpoints, int webhookPort)
        implements Serializable {
}
