package com.parla.platform;

import com.parla.platform.boundary.PlatformResources;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Health checks live in the web module: Payara runs them with the WAR's context (in the EJB module of an EAR the
 * CDI application context is not active on the health endpoint's thread).
 * <p>
 * Ready when the database answers and the schema migrations have run.
 */
@Readiness
@ApplicationScoped
public class DatabaseHealthCheck implements HealthCheck {

    // Flyway's table, quoted: H2 keeps the lower case names Flyway gives it
    private static final String SCHEMA_VERSION = "select \"version\" from \"flyway_schema_history\""
            + " where \"success\" order by \"installed_rank\" desc fetch first 1 rows only";

    @Resource(lookup = PlatformResources.DATA_SOURCE)
    DataSource dataSource;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("database");
        try (Connection connection = dataSource.getConnection();
             var statement = connection.createStatement();
             var rs = statement.executeQuery(SCHEMA_VERSION)) {
            boolean migrated = rs.next();
            return response.status(migrated && connection.isValid(2))
                    .withData("product", connection.getMetaData().getDatabaseProductName())
                    .withData("schemaVersion", migrated ? rs.getString(1) : "none")
                    .build();
        } catch (SQLException e) {
            return response.down().withData("error", e.getMessage()).build();
        }
    }
}
