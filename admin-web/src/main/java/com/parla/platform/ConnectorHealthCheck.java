package com.parla.platform;

import com.parla.platform.boundary.PlatformResources;
import com.parla.connector.api.AdapterStatus;
import com.parla.connector.api.ChannelConnection;
import com.parla.connector.api.ChannelConnectionFactory;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.resource.ResourceException;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the messaging connector is started and the inbound message-driven bean is bound to it. */
@Readiness
@ApplicationScoped
public class ConnectorHealthCheck implements HealthCheck {

    @Resource(lookup = PlatformResources.CHANNEL_FACTORY)
    ChannelConnectionFactory channels;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("messaging-connector");
        try (ChannelConnection connection = channels.getConnection()) {
            AdapterStatus status = connection.status();
            return response.status(status.started() && status.activeEndpoints() > 0)
                    .withData("started", status.started())
                    .withData("activeEndpoints", status.activeEndpoints())
                    .build();
        } catch (ResourceException | RuntimeException e) {
            return response.down().withData("error", String.valueOf(e.getMessage())).build();
        }
    }
}
