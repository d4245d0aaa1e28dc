package com.parla.connector.micro;

import com.parla.connector.api.AdapterStatus;
import com.parla.connector.api.ChannelConnection;
import com.parla.connector.api.ChannelConnectionFactory;
import jakarta.annotation.Resource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The connector on its own: the RAR deployed standalone on Payara Micro, used by a plain WAR (no EAR, none of
 * Parla's business code), to show it is a reusable JCA resource adapter.
 */
@ExtendWith(ArquillianExtension.class)
class StandaloneConnectorIT {

    @Deployment
    static WebArchive war() {
        return ShrinkWrap.create(WebArchive.class, "connector-component.war")
                .addClasses(RecordingReceiver.class, MicroChannelResources.class);
    }

    @Resource(lookup = "java:app/eis/channels")
    ChannelConnectionFactory channels;

    @Test
    void adapterIsStartedAndTheEndpointBound() throws Exception {
        try (ChannelConnection connection = channels.getConnection()) {
            AdapterStatus status = connection.status();
            assertTrue(status.started());
            assertEquals(1, status.activeEndpoints());
        }
    }

    @Test
    void deliveryReachesTheEndpointInsideAContainerTransaction() throws Exception {
        String id = UUID.randomUUID().toString();
        try (ChannelConnection connection = channels.getConnection()) {
            assertEquals(1, connection.deliverProbe(id));
        }
        assertEquals(Boolean.TRUE, RecordingReceiver.RECEIVED_IN_TRANSACTION.get(id));
    }

    @Test
    void endpointThatFailsIsReportedAsNotTaken() throws Exception {
        String id = RecordingReceiver.REFUSE + UUID.randomUUID();
        try (ChannelConnection connection = channels.getConnection()) {
            assertEquals(0, connection.deliverProbe(id), "the failure is reported, so a webhook can answer 5xx");
        }
        assertTrue(RecordingReceiver.RECEIVED_IN_TRANSACTION.containsKey(id), "it was tried");
    }

    @Test
    void probeWithoutIdIsRefused() throws Exception {
        try (ChannelConnection connection = channels.getConnection()) {
            assertThrows(jakarta.resource.ResourceException.class, () -> connection.deliverProbe(" "));
        }
    }
}
