package com.parla.platform;

import com.parla.platform.boundary.PlatformResources;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when a connection to the JMS broker can be opened and started. */
@Readiness
@ApplicationScoped
public class BrokerHealthCheck implements HealthCheck {

    @Resource(lookup = PlatformResources.JMS_FACTORY)
    ConnectionFactory connectionFactory;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("broker");
        try (Connection connection = connectionFactory.createConnection()) {
            connection.start();
            var meta = connection.getMetaData();
            return response.up().withData("provider", meta.getJMSProviderName() + " " + meta.getProviderVersion())
                    .build();
        } catch (JMSException | RuntimeException e) {
            return response.down().withData("error", String.valueOf(e.getMessage())).build();
        }
    }
}
