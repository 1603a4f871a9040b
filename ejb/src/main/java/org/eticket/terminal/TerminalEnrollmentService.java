package org.eticket.terminal;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.eticket.catalog.Venue;
import org.eticket.connector.api.IssuedCertificate;
import org.eticket.connector.api.TerminalException;
import org.eticket.platform.AccessDeniedException;
import org.eticket.platform.ConflictException;
import org.eticket.platform.NotFoundException;
import org.eticket.platform.ValidationException;
import org.eticket.sales.Store;
import org.eticket.security.Roles;

/**
 * Registration, enrollment and revocation of reader terminals. The administrator registers
 * a terminal and hands its one-time enrollment code to the installer; the terminal makes
 * its own key pair and sends a certificate request with the code; the terminal CA in the
 * adapter signs it. The code is stored only as a hash, works once, and expires.
 */
@Stateless
public class TerminalEnrollmentService {

    private static final Logger LOG = Logger.getLogger(TerminalEnrollmentService.class.getName());
    private static final Pattern TERMINAL_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    /** Base32 without 0/1/I/O, so a code read aloud or typed is not misread. */
    private static final char[] CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();
    /** How long an enrollment code stays valid; -Deticket.terminal.enrollment-hours. */
    static final String VALIDITY_PROPERTY = "eticket.terminal.enrollment-hours";

    /** What the administrator receives once: the code is not stored and cannot be shown again. */
    public record EnrollmentCode(String terminalId, String code, Instant expires) {
    }

    @PersistenceContext
    EntityManager em;

    @EJB
    TerminalGateway gateway;

    @RolesAllowed(Roles.PLATFORM_ADMIN)
    public EnrollmentCode register(String terminalId, String kindName, String place, String venueCode, String storeCode) {
        if (terminalId == null || !TERMINAL_ID.matcher(terminalId).matches()) {
            throw new ValidationException("terminalId must be 1-64 letters, digits, '.', '_' or '-' (starting with a letter or digit)");
        }
        TerminalKind kind = kind(kindName);
        if (place == null || place.isBlank() || place.length() > 200) {
            throw new ValidationException("place must be 1-200 characters (where the terminal stands)");
        }
        Venue venue = null;
        Store store = null;
        boolean hasVenue = venueCode != null && !venueCode.isBlank();
        boolean hasStore = storeCode != null && !storeCode.isBlank();
        if (hasVenue && hasStore) {
            throw new ValidationException("a terminal stands at a venue or a store, not both");
        }
        if (hasVenue) {
            if (!kind.mayStandAtVenue()) {
                throw new ValidationException("a " + kind + " does not stand at a venue");
            }
            venue = em.createQuery("select v from Venue v where v.code = :code", Venue.class)
                    .setParameter("code", venueCode.strip()).getResultStream().findFirst()
                    .orElseThrow(() -> new NotFoundException("venue " + venueCode + " is not known"));
        } else if (hasStore) {
            if (!kind.mayStandAtStore()) {
                throw new ValidationException("a " + kind + " does not stand at a store");
            }
            store = em.createQuery("select s from Store s where s.code = :code", Store.class)
                    .setParameter("code", storeCode.strip()).getResultStream().findFirst()
                    .orElseThrow(() -> new NotFoundException("store " + storeCode + " is not known"));
        } else if (kind != TerminalKind.HOME_READER) {
            throw new ValidationException("a " + kind + " needs its " + (kind.mayStandAtVenue() ? "venueCode" : "storeCode")
                    + (kind.mayStandAtVenue() && kind.mayStandAtStore() ? " or storeCode" : ""));
        }
        Terminal terminal = lock(terminalId);
        if (terminal == null) {
            terminal = new Terminal(terminalId);
            em.persist(terminal);
        } else if (terminal.isRegistered()) {
            throw new ConflictException("terminal " + terminalId + " is already registered");
        }
        terminal.register(kind, place.strip(), venue, store);
        return newCode(terminal);
    }

    /** A fresh code for a registered terminal (lost key, new device, after revocation); earlier codes stop working. */
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    public EnrollmentCode renewCode(String terminalId) {
        Terminal terminal = registered(terminalId);
        return newCode(terminal);
    }

    /**
     * The terminal's side: proves it was handed the code, gets its certificate. Called
     * without a sign-in; the code is the credential, and it works once.
     */
    @PermitAll
    public IssuedCertificate enroll(String terminalId, String code, byte[] certificationRequest) {
        if (terminalId == null || code == null || certificationRequest == null || certificationRequest.length == 0) {
            throw new ValidationException("terminalId, code and csr are required");
        }
        Terminal terminal = lock(terminalId);
        String hash = hash(code);
        if (terminal == null || terminal.enrollmentCodeHash() == null
                || !MessageDigest.isEqual(hash.getBytes(StandardCharsets.US_ASCII),
                terminal.enrollmentCodeHash().getBytes(StandardCharsets.US_ASCII))) {
            throw new AccessDeniedException("this enrollment code is not valid for terminal " + terminalId + " (or was used already)");
        }
        if (terminal.getEnrollmentExpires().isBefore(Instant.now())) {
            throw new AccessDeniedException("the enrollment code of terminal " + terminalId + " expired at "
                    + terminal.getEnrollmentExpires() + "; ask for a new one");
        }
        IssuedCertificate issued;
        try {
            issued = gateway.issueCertificate(terminalId, certificationRequest);
        } catch (TerminalException e) {
            if (e.reason() == TerminalException.Reason.REFUSED) {
                throw new ValidationException("certificate request refused: " + e.getMessage());
            }
            throw new ConflictException("the terminal CA is not available: " + e.getMessage());
        }
        terminal.enrolled(issued.serial(), issued.notAfter());
        LOG.info(() -> "Terminal " + terminalId + " enrolled, certificate " + issued.serial());
        return issued;
    }

    /**
     * Revokes the terminal's certificate. The connection is cut at once if it is held here;
     * every other instance's adapter cuts it at its next admission recheck.
     */
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    public void revoke(String terminalId, String reason) {
        String why = reason == null || reason.isBlank() ? "revoked by an administrator" : reason.strip();
        if (why.length() > 250) {
            throw new ValidationException("reason must be at most 250 characters");
        }
        Terminal terminal = registered(terminalId);
        if (!terminal.isEnrolled()) {
            throw new ConflictException("terminal " + terminalId + " has no certificate to revoke");
        }
        terminal.revoke(Instant.now(), why);
        em.flush();
        gateway.disconnectHere(terminalId, "certificate revoked: " + why);
        LOG.info(() -> "Terminal " + terminalId + " certificate " + terminal.getCertificateSerial() + " revoked: " + why);
    }

    private EnrollmentCode newCode(Terminal terminal) {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            if (i > 0 && i % 4 == 0) {
                code.append('-');
            }
            code.append(CODE_ALPHABET[RANDOM.nextInt(CODE_ALPHABET.length)]);
        }
        Instant expires = Instant.now().plus(Duration.ofHours(Long.getLong(VALIDITY_PROPERTY, 24L)));
        terminal.enrollmentCode(hash(code.toString()), expires);
        return new EnrollmentCode(terminal.getTerminalId(), code.toString(), expires);
    }

    private Terminal registered(String terminalId) {
        Terminal terminal = lock(terminalId);
        if (terminal == null || !terminal.isRegistered()) {
            throw new NotFoundException("terminal " + terminalId + " is not registered");
        }
        return terminal;
    }

    private Terminal lock(String terminalId) {
        return em.createNamedQuery("Terminal.byTerminalId", Terminal.class)
                .setParameter("terminalId", terminalId)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst().orElse(null);
    }

    private static TerminalKind kind(String name) {
        try {
            return TerminalKind.valueOf(name == null ? "" : name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ValidationException("kind must be one of HOME_READER, KIOSK, GATE, DISPENSER");
        }
    }

    /** Codes are compared case-insensitively and without the dashes, as people type them. */
    static String hash(String code) {
        String normal = code.replace("-", "").replace(" ", "").toUpperCase(Locale.ROOT);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(normal.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
