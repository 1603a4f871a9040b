package org.eticket.keys;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready while this instance cannot open the stored keys (KEK file missing, unreadable, or
 * another instance's): a load balancer then keeps it out instead of failing every issuance.
 * Reports the public KEK fingerprint and the current master key version, never a key.
 */
@Readiness
@ApplicationScoped
public class KeyServerReadiness implements HealthCheck {

    @EJB
    KeyService keys;

    @Override
    public HealthCheckResponse call() {
        try {
            return HealthCheckResponse.named("eticket-key-server").up()
                    .withData("keyServer", "master key version " + keys.masterKeyRing().current().version()
                            + " current, KEK " + keys.kekId())
                    .build();
        } catch (RuntimeException e) {
            Throwable cause = e;
            while (cause.getCause() != null && !(cause instanceof KeyServerException)) {
                cause = cause.getCause();
            }
            return HealthCheckResponse.named("eticket-key-server").down()
                    .withData("keyServer", "down: " + cause.getMessage()).build();
        }
    }
}
