package org.eticket.connector.adapter.pki;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCSException;
import org.eticket.connector.api.IssuedCertificate;

/**
 * The platform's terminal CA. Its key lives only in {@code terminal-ca.p12} under the PKI
 * directory (owner-only, outside git), encrypted with a password from
 * {@code ETICKET_TERMINAL_CA_PASSWORD} / {@code -Deticket.terminal.ca.password}, or, when
 * none is given, from a generated owner-only {@code terminal-ca.password} file beside it.
 * Several instances share one PKI directory (or a copy of it); a file lock makes sure only
 * the first one creates the CA. Neither key nor password is ever logged.
 */
public final class TerminalPki {

    public static final String PASSWORD_ENV = "ETICKET_TERMINAL_CA_PASSWORD";
    public static final String PASSWORD_PROPERTY = "eticket.terminal.ca.password";
    static final String CA_FILE = "terminal-ca.p12";
    static final String PASSWORD_FILE = "terminal-ca.password";
    private static final String CA_ALIAS = "terminal-ca";
    private static final Pattern TERMINAL_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Duration CA_VALIDITY = Duration.ofDays(3650);
    private static final Duration TERMINAL_VALIDITY = Duration.ofDays(730);
    private static final Duration SERVER_VALIDITY = Duration.ofDays(365);
    private static final String SIGNATURE = "SHA256withECDSA";

    private final SecureRandom random = new SecureRandom();
    private final PrivateKey caKey;
    private final X509Certificate caCertificate;

    private TerminalPki(PrivateKey caKey, X509Certificate caCertificate) {
        this.caKey = caKey;
        this.caCertificate = caCertificate;
    }

    /** Opens the CA in the directory, creating it (and the directory, owner-only) on first use. */
    public static TerminalPki openOrCreate(Path directory) throws IOException, GeneralSecurityException {
        Files.createDirectories(directory);
        ownerOnly(directory, "rwx------");
        try (FileChannel lockFile = FileChannel.open(directory.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ignored = lockFile.lock()) {
            char[] password = password(directory);
            Path ca = directory.resolve(CA_FILE);
            if (!Files.exists(ca)) {
                create(ca, password);
            }
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(ca)) {
                store.load(in, password);
            }
            PrivateKey key = (PrivateKey) store.getKey(CA_ALIAS, password);
            X509Certificate certificate = (X509Certificate) store.getCertificate(CA_ALIAS);
            if (key == null || certificate == null) {
                throw new GeneralSecurityException(ca + " holds no terminal CA entry");
            }
            return new TerminalPki(key, certificate);
        }
    }

    public X509Certificate caCertificate() {
        return caCertificate;
    }

    public String caCertificatePem() {
        return pem(caCertificate);
    }

    /**
     * Signs a terminal's certificate request. The CSR's signature proves the terminal holds
     * the private key; its subject is ignored: the certificate names the enrolled terminal ID.
     */
    public IssuedCertificate issue(String terminalId, byte[] certificationRequest) throws GeneralSecurityException {
        if (terminalId == null || !TERMINAL_ID.matcher(terminalId).matches()) {
            throw new GeneralSecurityException("terminal ID \"" + terminalId + "\" is not 1-64 letters, digits, '.', '_' or '-'");
        }
        PublicKey publicKey;
        try {
            PKCS10CertificationRequest csr = new PKCS10CertificationRequest(certificationRequest);
            String oid = csr.getSubjectPublicKeyInfo().getAlgorithm().getAlgorithm().getId();
            String algorithm = switch (oid) {
                case "1.2.840.10045.2.1" -> "EC";
                case "1.2.840.113549.1.1.1" -> "RSA";
                default -> throw new GeneralSecurityException("the terminal key must be EC or RSA, was " + oid);
            };
            publicKey = KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(csr.getSubjectPublicKeyInfo().getEncoded()));
            if (!csr.isSignatureValid(new JcaContentVerifierProviderBuilder().build(publicKey))) {
                throw new GeneralSecurityException("the certificate request's signature does not verify");
            }
        } catch (IOException | IllegalArgumentException | ClassCastException e) {
            throw new GeneralSecurityException("not a PKCS#10 certificate request: " + e.getMessage(), e);
        } catch (OperatorCreationException | PKCSException e) {
            throw new GeneralSecurityException("the certificate request's signature cannot be checked: " + e.getMessage(), e);
        }
        if (publicKey instanceof RSAPublicKey rsa && rsa.getModulus().bitLength() < 2048) {
            throw new GeneralSecurityException("an RSA key needs at least 2048 bits");
        }
        if (!(publicKey instanceof RSAPublicKey) && !(publicKey instanceof ECPublicKey)) {
            throw new GeneralSecurityException("the terminal key must be EC or RSA, was " + publicKey.getAlgorithm());
        }
        X509Certificate certificate = sign(subject(terminalId), publicKey, TERMINAL_VALIDITY, false, KeyPurposeId.id_kp_clientAuth, List.of());
        return new IssuedCertificate(terminalId, serialOf(certificate), certificate.getNotAfter().toInstant(),
                pem(certificate), caCertificatePem());
    }

    /** The adapter's own TLS identity, issued fresh at each start by the same CA, so terminals trust it by the CA certificate. */
    public SSLContext serverContext(String... hostNames) throws GeneralSecurityException {
        KeyPair pair = ecKeyPair();
        List<GeneralName> names = new ArrayList<>();
        names.add(new GeneralName(GeneralName.dNSName, "localhost"));
        names.add(new GeneralName(GeneralName.iPAddress, "127.0.0.1"));
        for (String host : hostNames) {
            if (host != null && !host.isBlank() && !"0.0.0.0".equals(host)) {
                names.add(new GeneralName(Character.isDigit(host.charAt(0)) ? GeneralName.iPAddress : GeneralName.dNSName, host));
            }
        }
        X509Certificate server = sign(new X500Name("CN=eticket terminal adapter"), pair.getPublic(), SERVER_VALIDITY, false,
                KeyPurposeId.id_kp_serverAuth, names);
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try {
            keys.load(null, null);
        } catch (IOException e) {
            throw new GeneralSecurityException(e);
        }
        char[] transientPassword = Long.toHexString(random.nextLong()).toCharArray();
        keys.setKeyEntry("adapter", pair.getPrivate(), transientPassword, new X509Certificate[] {server, caCertificate});
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, transientPassword);
        SSLContext context = SSLContext.getInstance("TLSv1.3");
        context.init(kmf.getKeyManagers(), trustManagers(caCertificate), random);
        return context;
    }

    /** Trust managers that accept exactly the certificates the terminal CA issued (and that are within their validity). */
    public static javax.net.ssl.TrustManager[] trustManagers(X509Certificate ca) throws GeneralSecurityException {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        try {
            trust.load(null, null);
        } catch (IOException e) {
            throw new GeneralSecurityException(e);
        }
        trust.setCertificateEntry("terminal-ca", ca);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
        tmf.init(trust);
        return tmf.getTrustManagers();
    }

    /** The CN of a certificate's subject: a terminal's ID. */
    public static String commonName(X509Certificate certificate) {
        X500Name name = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
        var rdns = name.getRDNs(BCStyle.CN);
        return rdns.length == 0 ? null : IETFUtils.valueToString(rdns[0].getFirst().getValue());
    }

    /** A certificate serial as the center records it: upper-case hex. */
    public static String serialOf(X509Certificate certificate) {
        return certificate.getSerialNumber().toString(16).toUpperCase(java.util.Locale.ROOT);
    }

    public static String pem(Object object) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(object);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write PEM", e);
        }
        return text.toString();
    }

    private X509Certificate sign(X500Name subject, PublicKey publicKey, Duration validity, boolean ca,
                                 KeyPurposeId purpose, List<GeneralName> names) throws GeneralSecurityException {
        return sign(X500Name.getInstance(caCertificate.getSubjectX500Principal().getEncoded()), caKey, subject, publicKey,
                validity, ca, purpose, names, random);
    }

    private static X509Certificate sign(X500Name issuer, PrivateKey signingKey, X500Name subject, PublicKey publicKey,
                                        Duration validity, boolean ca, KeyPurposeId purpose, List<GeneralName> names,
                                        SecureRandom random) throws GeneralSecurityException {
        Instant now = Instant.now();
        BigInteger serial = new BigInteger(127, random).setBit(126);
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer, serial,
                Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(validity)), subject, publicKey);
        try {
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(publicKey));
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
            if (ca) {
                builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            } else {
                builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyAgreement));
                builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose));
            }
            if (!names.isEmpty()) {
                builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names.toArray(GeneralName[]::new)));
            }
            return new JcaX509CertificateConverter().getCertificate(builder.build(new JcaContentSignerBuilder(SIGNATURE).build(signingKey)));
        } catch (OperatorCreationException | IOException e) {
            throw new GeneralSecurityException("cannot sign a certificate: " + e.getMessage(), e);
        }
    }

    private static void create(Path ca, char[] password) throws IOException, GeneralSecurityException {
        KeyPair pair = ecKeyPair();
        X500Name name = new X500Name("CN=eticket terminal CA, O=eticket");
        X509Certificate certificate = sign(name, pair.getPrivate(), name, pair.getPublic(), CA_VALIDITY, true, null,
                List.of(), new SecureRandom());
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry(CA_ALIAS, pair.getPrivate(), password, new X509Certificate[] {certificate});
        Path temporary = ca.resolveSibling(CA_FILE + ".new");
        Files.deleteIfExists(temporary);
        Files.createFile(temporary);
        ownerOnly(temporary, "rw-------");
        try (OutputStream out = Files.newOutputStream(temporary)) {
            store.store(out, password);
        }
        Files.move(temporary, ca, StandardCopyOption.ATOMIC_MOVE);
    }

    private static char[] password(Path directory) throws IOException {
        String given = System.getenv(PASSWORD_ENV);
        if (given == null || given.isEmpty()) {
            given = System.getProperty(PASSWORD_PROPERTY);
        }
        if (given != null && !given.isEmpty()) {
            return given.toCharArray();
        }
        Path file = directory.resolve(PASSWORD_FILE);
        if (!Files.exists(file)) {
            byte[] secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            try {
                Files.createFile(file);
            } catch (FileAlreadyExistsException e) {
                return Files.readString(file, StandardCharsets.US_ASCII).strip().toCharArray();
            }
            ownerOnly(file, "rw-------");
            Files.writeString(file, Base64.getEncoder().encodeToString(secret), StandardCharsets.US_ASCII);
        }
        return Files.readString(file, StandardCharsets.US_ASCII).strip().toCharArray();
    }

    private static void ownerOnly(Path path, String permissions) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system (Windows): the directory's ACL must be set by the operator.
        }
    }

    private static KeyPair ecKeyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static X500Name subject(String terminalId) {
        return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.O, "eticket terminal").addRDN(BCStyle.CN, terminalId).build();
    }

    /** This machine's host name, for the adapter certificate's subject alternative names. */
    public static String localHostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return null;
        }
    }
}
