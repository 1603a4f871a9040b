package org.eticket.connector.adapter.pki;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import org.eticket.connector.api.IssuedCertificate;
import org.eticket.connector.terminal.TerminalIdentity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TerminalPkiTest {

    @TempDir
    Path dir;

    @Test
    void theCaIsCreatedOnceOwnerOnlyAndEncrypted() throws Exception {
        Path pki = dir.resolve("pki");
        TerminalPki first = TerminalPki.openOrCreate(pki);
        TerminalPki again = TerminalPki.openOrCreate(pki);
        assertEquals(first.caCertificate(), again.caCertificate(), "the second instance opens the same CA");
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(pki)));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(pki.resolve(TerminalPki.CA_FILE))));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(pki.resolve(TerminalPki.PASSWORD_FILE))));
        byte[] store = Files.readAllBytes(pki.resolve(TerminalPki.CA_FILE));
        String password = Files.readString(pki.resolve(TerminalPki.PASSWORD_FILE)).strip();
        java.security.KeyStore wrong = java.security.KeyStore.getInstance("PKCS12");
        assertThrows(Exception.class, () -> wrong.load(new ByteArrayInputStream(store), "not-it".toCharArray()),
                "the key store does not open without its password");
        assertFalse(new String(store, StandardCharsets.ISO_8859_1).contains("PRIVATE KEY"));
        assertTrue(password.length() >= 40);
        assertTrue(first.caCertificate().getBasicConstraints() >= 0, "a CA certificate");
    }

    @Test
    void issuesTheEnrolledTerminalsNameForTheKeyThatSignedTheRequest() throws Exception {
        TerminalPki pki = TerminalPki.openOrCreate(dir);
        KeyPair pair = TerminalIdentity.keyPair();
        // The request says another name: the certificate names the enrolled terminal anyway.
        IssuedCertificate issued = pki.issue("GATE-01", TerminalIdentity.certificationRequest("SOMEONE-ELSE", pair));
        X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(issued.certificatePem().getBytes(StandardCharsets.US_ASCII)));
        assertEquals("GATE-01", TerminalPki.commonName(certificate));
        assertEquals(pair.getPublic(), certificate.getPublicKey());
        certificate.verify(pki.caCertificate().getPublicKey());
        assertEquals(TerminalPki.serialOf(certificate), issued.serial());
        assertTrue(certificate.getExtendedKeyUsage().contains("1.3.6.1.5.5.7.3.2"), "client authentication only");
        assertEquals(-1, certificate.getBasicConstraints(), "not a CA");
    }

    @Test
    void refusesForgedOrMalformedRequestsAndBadIds() throws Exception {
        TerminalPki pki = TerminalPki.openOrCreate(dir);
        byte[] csr = TerminalIdentity.certificationRequest("GATE-01", TerminalIdentity.keyPair());
        byte[] tampered = csr.clone();
        tampered[tampered.length - 5] ^= 1;
        assertThrows(GeneralSecurityException.class, () -> pki.issue("GATE-01", tampered));
        assertThrows(GeneralSecurityException.class, () -> pki.issue("GATE-01", Arrays.copyOf(csr, 20)));
        assertThrows(GeneralSecurityException.class, () -> pki.issue("GATE-01", new byte[0]));
        assertThrows(GeneralSecurityException.class, () -> pki.issue("bad id with spaces", csr));
    }
}
