package org.eticket.connector.api;

import java.io.Serializable;
import java.time.Instant;

/** A terminal certificate the adapter's terminal CA issued, with the CA certificate the terminal must trust. */
public record IssuedCertificate(String terminalId, String serial, Instant notAfter, String certificatePem,
                                String caCertificatePem) implements Serializable {
}
