package org.eticket.connector.terminal;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.Base64;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/**
 * The terminal's key and certificate. The key pair is made here and never leaves the
 * terminal: enrollment sends only a certificate request with the one-time code. Kept in
 * {@code terminal.p12} (owner-only) in the terminal's data directory, with the CA
 * certificate that the adapter's TLS identity must chain to.
 */
public final class TerminalIdentity {

    static final String KEYSTORE = "terminal.p12";
    private static final String KEY_ALIAS = "terminal";
    private static final String CA_ALIAS = "terminal-ca";

    private final String terminalId;
    private final PrivateKey key;
    private final X509Certificate certificate;
    private final X509Certificate caCertificate;

    private TerminalIdentity(String terminalId, PrivateKey key, X509Certificate certificate, X509Certificate caCertificate) {
        this.terminalId = terminalId;
        this.key = key;
        this.certificate = certificate;
        this.caCertificate = caCertificate;
    }

    /** True if the data directory holds an enrolled identity. */
    public static boolean exists(Path dataDirectory) {
        return Files.exists(dataDirectory.resolve(KEYSTORE));
    }

    public static TerminalIdentity load(Path dataDirectory, char[] password) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(dataDirectory.resolve(KEYSTORE))) {
            store.load(in, password);
        }
        X509Certificate certificate = (X509Certificate) store.getCertificate(KEY_ALIAS);
        String cn = certificate.getSubjectX500Principal().getName();
        String id = cn.replaceAll(".*CN=([^,]+).*", "$1");
        return new TerminalIdentity(id, (PrivateKey) store.getKey(KEY_ALIAS, password), certificate,
                (X509Certificate) store.getCertificate(CA_ALIAS));
    }

    /**
     * Makes a key pair and enrolls it at the center with the one-time code; stores the
     * identity in the data directory. The code is used up whether or not this terminal
     * keeps the answer, so the key store is written before this returns.
     */
    public static TerminalIdentity enroll(URI center, String terminalId, String code, Path dataDirectory, char[] password)
            throws IOException, GeneralSecurityException {
        KeyPair pair = keyPair();
        byte[] csr = certificationRequest(terminalId, pair);
        String json = Json.createObjectBuilder()
                .add("terminalId", terminalId)
                .add("enrollmentCode", code)
                .add("csr", Base64.getEncoder().encodeToString(csr))
                .build().toString();
        HttpRequest request = HttpRequest.newBuilder(center.resolve("api/v1/terminal-enrollment"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        HttpResponse<String> response;
        try {
            response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("enrollment interrupted", e);
        }
        if (response.statusCode() != 200) {
            throw new EnrollmentRefusedException(response.statusCode(), response.body());
        }
        JsonObject answer;
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            answer = reader.readObject();
        }
        TerminalIdentity identity = fromIssued(terminalId, pair, answer.getString("certificate"), answer.getString("caCertificate"));
        identity.store(dataDirectory, password);
        return identity;
    }

    /** The identity from a key pair and the certificate issued for it, after checking that it is this key's, signed by that CA. */
    public static TerminalIdentity fromIssued(String terminalId, KeyPair pair, String certificatePem, String caCertificatePem)
            throws GeneralSecurityException {
        X509Certificate certificate = certificate(certificatePem);
        X509Certificate ca = certificate(caCertificatePem);
        certificate.verify(ca.getPublicKey());
        if (!certificate.getPublicKey().equals(pair.getPublic())) {
            throw new GeneralSecurityException("the center certified another key than this terminal's");
        }
        return new TerminalIdentity(terminalId, pair.getPrivate(), certificate, ca);
    }

    /** A PKCS#10 request for the key pair, signed with its private key (proof of possession). */
    public static byte[] certificationRequest(String terminalId, KeyPair pair) throws GeneralSecurityException {
        try {
            return new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=" + terminalId), pair.getPublic())
                    .build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())).getEncoded();
        } catch (OperatorCreationException | IOException e) {
            throw new GeneralSecurityException("cannot build the certificate request: " + e.getMessage(), e);
        }
    }

    public static KeyPair keyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
        return generator.generateKeyPair();
    }

    public String terminalId() {
        return terminalId;
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** TLS with this terminal's certificate, trusting only servers certified by the terminal CA. */
    public SSLContext sslContext() throws GeneralSecurityException {
        char[] transientPassword = "transient".toCharArray();
        KeyStore keys = KeyStore.getInstance("PKCS12");
        KeyStore trust = KeyStore.getInstance("PKCS12");
        try {
            keys.load(null, null);
            trust.load(null, null);
        } catch (IOException e) {
            throw new GeneralSecurityException(e);
        }
        keys.setKeyEntry(KEY_ALIAS, key, transientPassword, new X509Certificate[] {certificate, caCertificate});
        trust.setCertificateEntry(CA_ALIAS, caCertificate);
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, transientPassword);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
        tmf.init(trust);
        SSLContext context = SSLContext.getInstance("TLSv1.3");
        context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), new SecureRandom());
        return context;
    }

    private void store(Path dataDirectory, char[] password) throws IOException, GeneralSecurityException {
        Files.createDirectories(dataDirectory);
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry(KEY_ALIAS, key, password, new X509Certificate[] {certificate, caCertificate});
        store.setCertificateEntry(CA_ALIAS, caCertificate);
        Path temporary = dataDirectory.resolve(KEYSTORE + ".new");
        Files.deleteIfExists(temporary);
        Files.createFile(temporary);
        try {
            Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not POSIX: the data directory's ACL protects it
        }
        try (OutputStream out = Files.newOutputStream(temporary)) {
            store.store(out, password);
        }
        Files.move(temporary, dataDirectory.resolve(KEYSTORE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static X509Certificate certificate(String pem) throws GeneralSecurityException {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
    }

    /** The center refused the enrollment (wrong, used or expired code; bad request). */
    public static final class EnrollmentRefusedException extends IOException {
        private static final long serialVersionUID = 1L;
        private final int status;

        EnrollmentRefusedException(int status, String body) {
            super("enrollment refused (" + status + "): " + body);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }
}
