package org.eticket.platform;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.eticket.connector.api.TerminalConnection;
import org.eticket.connector.api.TerminalConnectionFactory;

/** Ready once the database answers and the terminal adapter listens ({@code /health/ready}). */
@Readiness
@ApplicationScoped
public class PlatformReadiness implements HealthCheck {

    /** Created by the post-boot commands (Micro) or asadmin (full server) on the deployed rar. */
    public static final String TERMINALS_JNDI = "jca/eticket/terminals";

    @Resource(lookup = "java:app/jdbc/eticket")
    DataSource dataSource;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder b = HealthCheckResponse.named("eticket-platform").up();
        try (Connection c = dataSource.getConnection()) {
            boolean valid = c.isValid(2);
            b.withData("database", valid ? "up" : "not answering");
            if (!valid) {
                b.down();
            }
        } catch (SQLException e) {
            b.down().withData("database", "down: " + e.getMessage());
        }
        // Payara runs health checks on its own threads; a resource of an adapter embedded in
        // an EAR is visible only under the application's class loader.
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(PlatformReadiness.class.getClassLoader());
        try {
            TerminalConnectionFactory factory = (TerminalConnectionFactory) new InitialContext().lookup(TERMINALS_JNDI);
            try (TerminalConnection t = factory.getConnection()) {
                if (t.isListening()) {
                    b.withData("terminalAdapter", "listening on port " + t.port())
                            .withData("terminalsConnectedHere", t.connectedTerminals().size());
                } else {
                    b.down().withData("terminalAdapter", "not listening");
                }
            }
        } catch (NamingException | jakarta.resource.ResourceException | RuntimeException e) {
            b.down().withData("terminalAdapter", "down: " + e);
        } finally {
            thread.setContextClassLoader(previous);
        }
        return b.build();
    }
}
