package org.eticket.web.api;

/** The terminal's certificate and the CA certificate it must trust for the adapter's TLS port. */
public record TerminalCertificateDto(String terminalId, String serial, String notAfter, String certificate,
                                     String caCertificate) {
}
