package org.eticket.web.api;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Base64;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eticket.connector.api.IssuedCertificate;
import org.eticket.platform.ValidationException;
import org.eticket.terminal.TerminalEnrollmentService;

/**
 * Where a terminal enrolls: without a sign-in (web.xml leaves this one path open), the
 * one-time code is its credential. It sends a certificate request for a key pair it made
 * itself; the private key never leaves the terminal.
 */
@Path("terminal-enrollment")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Terminals")
public class TerminalEnrollmentResource {

    @EJB
    TerminalEnrollmentService enrollment;

    @POST
    public TerminalCertificateDto enroll(TerminalEnrollmentRequest request) {
        TerminalEnrollmentRequest r = Requests.body(request);
        IssuedCertificate issued = enrollment.enroll(r.terminalId(), r.enrollmentCode(), der(r.csr()));
        return new TerminalCertificateDto(issued.terminalId(), issued.serial(), issued.notAfter().toString(),
                issued.certificatePem(), issued.caCertificatePem());
    }

    private static byte[] der(String csr) {
        if (csr == null || csr.isBlank()) {
            throw new ValidationException("csr is required (PKCS#10, PEM or base64 DER)");
        }
        String base64 = csr.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new ValidationException("csr is neither PEM nor base64: " + e.getMessage());
        }
    }
}
