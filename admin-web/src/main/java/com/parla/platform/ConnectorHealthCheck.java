package com.parla.platform;

import com.parla.connector.api.AdapterStatus;
import com.parla.connector.api.ChannelAdministration;
import com.parla.platform.boundary.PlatformResources;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.resource.ResourceException;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * The messaging connector's readiness, as the adapter itself decides it: started, its webhook listener bound, the
 * inbound message-driven bean bound, and the application's channel accounts handed over (before that, webhooks
 * get 503).
 */
@Readiness
@ApplicationScoped
public class ConnectorHealthCheck implements HealthCheck {

    @Resource(lookup = PlatformResources.CHANNEL_ADMINISTRATION)
    ChannelAdministration connector;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("messaging-connector");
        try {
            AdapterStatus status = connector.status();
            var builder = response.status(status.ready())
                    .withData("started", status.started())
                    .withData("activeEndpoints", status.activeEndpoints())
                    .withData("webhookPort", status.webhookPort())
                    .withData("accounts", status.accounts());
            return status.ready() ? builder.build() : builder.withData("notReadyBecause", status.notReadyBecause())
                    .build();
        } catch (ResourceException | RuntimeException e) {
            return response.down().withData("error", String.valueOf(e.getMessage())).build();
        }
    }
}
