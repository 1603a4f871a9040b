package org.eticket.issuance;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.eticket.card.Chip;
import org.eticket.card.ChipRegistry;
import org.eticket.chip.ChipUid;
import org.eticket.chip.apdu.ApduFormatException;
import org.eticket.chip.apdu.CommandApdu;
import org.eticket.chip.apdu.ResponseApdu;
import org.eticket.chip.apdu.StatusWord;
import org.eticket.chip.crypto.ChipKeys;
import org.eticket.chip.crypto.ChipMacs;
import org.eticket.chip.protocol.ChipAuthentication;
import org.eticket.chip.protocol.ChipCommands;
import org.eticket.chip.protocol.ChipInfo;
import org.eticket.chip.record.RecordFormatException;
import org.eticket.chip.record.TicketIssuer;
import org.eticket.chip.record.TicketRecord;
import org.eticket.chip.record.TicketVerifier;
import org.eticket.chip.record.VerificationResult;
import org.eticket.keys.EventKeys;
import org.eticket.keys.KeyService;
import org.eticket.platform.AccessDeniedException;
import org.eticket.platform.ConflictException;
import org.eticket.platform.NotFoundException;
import org.eticket.platform.ValidationException;
import org.eticket.security.AccessService;
import org.eticket.security.AccessService.Caller;
import org.eticket.security.Roles;
import org.eticket.ticket.Ticket;
import org.eticket.ticket.TicketService;
import org.eticket.ticket.TicketState;

/**
 * Issuance of a sold ticket to its holder's registered chip (004 Fig 3, Fig 15 S1504-S1507, C14):
 * <ol>
 * <li>request (issuing-request receiver): the ticket is SOLD, the chip ACTIVE and the holder's; a
 *     fresh challenge is stored;</li>
 * <li>authenticate (authentication, issuing processor): the chip's answer under its diversified
 *     authentication key proves it genuine; the record is built, sealed for that chip and signed,
 *     and the WRITE is MACed with the chip's write key for its next counter value;</li>
 * <li>report (reporter): the chip's MACed answer proves the write happened and the read-back
 *     verifies on that chip; only then is the ticket ISSUED to the chip and journalled.</li>
 * </ol>
 * A write whose answer was lost is settled from the chip's own MACed statement of what it holds,
 * over a fresh center challenge ({@link #challengeSettlement}, {@link #settle}), never from a
 * read-back the terminal relays.
 * A failure anywhere leaves the ticket SOLD; a retry starts again at step 1. Once a write was
 * handed out for chip X the ticket goes to no other chip while X is ACTIVE (the write might have
 * happened unseen) until that write can no longer execute, so a ticket is valid on at most one chip.
 */
@Stateless
@LocalBean
public class IssuanceService implements IssuanceSteps {

    /** How long a challenge and its MACed write may take to come back. */
    static final Duration ATTEMPT_VALIDITY = Duration.ofMinutes(5);
    /** How long the chip's proof of its state may take to come back when settling a write. */
    static final Duration SETTLEMENT_VALIDITY = Duration.ofMinutes(1);

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    @PersistenceContext
    EntityManager em;

    @EJB
    AccessService access;

    @EJB
    ChipRegistry chips;

    @EJB
    KeyService keys;

    @EJB
    TicketService tickets;

    @Override
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.SELLER, Roles.CUSTOMER})
    public IssuanceChallenge request(IssuanceRequest request) {
        if (request == null || request.ticketId() == null) {
            throw new ValidationException("ticketId and chipUid are required");
        }
        ChipUid uid = ChipUid.parse(ChipRegistry.uid(request.chipUid()));
        Ticket ticket = lockedTicket(request.ticketId());
        checkIssuer(ticket);
        if (ticket.getState() != TicketState.SOLD) {
            throw new ConflictException("ticket " + ticket.getId() + " is " + describe(ticket.getState())
                    + (ticket.getChip() != null ? " to chip " + ticket.getChip().getUid() : "") + "; only a sold ticket is issued");
        }
        Chip chip = chips.activeChip(uid);
        if (ticket.getHolder() == null || !chip.getHolder().getId().equals(ticket.getHolder().getId())) {
            throw new AccessDeniedException("chip " + uid + " is not registered to the holder of ticket " + ticket.getId());
        }
        Instant now = tickets.now();
        for (IssuanceAttempt earlier : attempts(ticket)) {
            if (!earlier.getChip().getId().equals(chip.getId()) && mayStillExecute(earlier)) {
                throw new ConflictException("a write of ticket " + ticket.getId() + " to chip " + earlier.getChip().getUid()
                        + " was handed out and never confirmed; finish it on that chip, or report that chip lost or blocked first");
            }
            if (earlier.isOpen()) {
                earlier.end(IssuanceAttempt.State.SUPERSEDED, "replaced by a new request", now);
            }
        }
        byte[] challenge = new byte[ChipMacs.CHALLENGE_LENGTH];
        RANDOM.nextBytes(challenge);
        IssuanceAttempt attempt = new IssuanceAttempt(ticket, chip, access.caller().username(), challenge, now,
                now.plus(ATTEMPT_VALIDITY));
        em.persist(attempt);
        em.flush();
        return new IssuanceChallenge(attempt.getId(), HEX.formatHex(challenge));
    }

    @Override
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.SELLER, Roles.CUSTOMER})
    public WriteAuthorization authenticate(Long attemptId, ChipEvidence evidence) {
        IssuanceAttempt attempt = lockedAttempt(attemptId, IssuanceAttempt.State.CHALLENGED);
        if (evidence == null) {
            throw new ValidationException("selectResponse, chipChallenge and response are required");
        }
        Chip chip = attempt.getChip();
        ChipUid uid = ChipUid.parse(chip.getUid());
        byte[] fci = hex("selectResponse", evidence.selectResponse());
        byte[] chipChallenge = hex("chipChallenge", evidence.chipChallenge());
        byte[] response = hex("response", evidence.response());
        Optional<ChipInfo> info = ChipInfo.fromFci(fci);
        if (info.isEmpty() || chipChallenge.length != ChipMacs.CHALLENGE_LENGTH
                || response.length != ChipMacs.AUTHENTICATION_RESPONSE_LENGTH) {
            throw new ValidationException("selectResponse is a SELECT answer (FCI), chipChallenge 8 bytes, response 16 bytes");
        }
        if (!info.get().uid().equals(uid)) {
            throw fail(attempt, "the chip presented is " + info.get().uid() + ", not chip " + uid);
        }
        if (info.get().keyVersion() != chip.getKeyVersion()) {
            throw fail(attempt, "chip " + uid + " reports key version " + info.get().keyVersion()
                    + " but was personalized with version " + chip.getKeyVersion());
        }
        ChipKeys chipKeys = keys.chipKeys(chip.getKeyVersion(), uid);
        // The center's own stored challenge: an answer recorded from an earlier session does not fit it.
        if (!new ChipAuthentication(chipChallenge, attempt.getChallenge(), response).verify(chipKeys, uid)) {
            throw fail(attempt, "chip " + uid + " did not prove its key: not a genuine chip");
        }
        Ticket ticket = lockedTicket(attempt.getTicket().getId());
        if (ticket.getState() != TicketState.SOLD) {
            throw fail(attempt, "ticket " + ticket.getId() + " is " + describe(ticket.getState()) + " by now");
        }
        EventKeys eventKeys = keys.eventKeys(ticket.getPerformance().getEvent());
        byte[] record = new TicketIssuer(eventKeys.signingKey(), eventKeys.personalDataKey(), RANDOM)
                .issue(TicketRecords.of(ticket, chip, uid));
        CommandApdu write = ChipCommands.writeTicket(chipKeys, uid, info.get().writeCounter() + 1, record);
        attempt.authorizeWrite(write.encode(), info.get().writeCounter() + 1);
        return new WriteAuthorization(attempt.getId(), HEX.formatHex(write.encode()));
    }

    @Override
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.SELLER, Roles.CUSTOMER})
    public IssuanceResult report(Long attemptId, WriteReport report) {
        IssuanceAttempt attempt = lockedAttempt(attemptId, IssuanceAttempt.State.WRITE_AUTHORIZED);
        if (report == null) {
            throw new ValidationException("response and readBack are required");
        }
        Chip chip = attempt.getChip();
        ChipUid uid = ChipUid.parse(chip.getUid());
        CommandApdu write;
        ResponseApdu answer;
        try {
            write = CommandApdu.parse(attempt.getCommand());
            answer = ResponseApdu.parse(hex("response", report.response()));
        } catch (ApduFormatException e) {
            throw new ValidationException("response is no response APDU: " + e.getMessage());
        }
        if (!answer.isOk()) {
            throw fail(attempt, "chip " + uid + " refused the write: " + StatusWord.describe(answer.sw()));
        }
        if (!ChipCommands.verifyResponse(keys.chipKeys(chip.getKeyVersion(), uid), uid, write, answer)) {
            throw fail(attempt, "the answer to the write does not carry chip " + uid + "'s proof");
        }
        byte[] written = Arrays.copyOfRange(write.data(), 4, write.data().length - ChipMacs.MAC_LENGTH);
        if (report.readBack() == null || report.readBack().isBlank()) {
            throw fail(attempt, "no record of ticket " + attempt.getTicket().getId() + " was read back from chip " + uid);
        }
        byte[] readBack = hex("readBack", report.readBack());
        Ticket ticket = lockedTicket(attempt.getTicket().getId());
        VerificationResult verdict = new TicketVerifier(keys.eventKeyRing(ticket.getPerformance().getEvent())).verify(uid, readBack);
        if (!verdict.verified() || !Arrays.equals(written, readBack)) {
            throw fail(attempt, "the record read back from chip " + uid + " is not the one written"
                    + (verdict instanceof VerificationResult.Rejected r ? " (" + r.reason() + ")" : ""));
        }
        tickets.issue(ticket, chip, "issued to chip " + uid + " (attempt " + attempt.getId() + ")");
        attempt.end(IssuanceAttempt.State.COMPLETED, "issued to chip " + uid, tickets.now());
        return IssuanceResult.of(attempt);
    }

    @Override
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.SELLER, Roles.CUSTOMER})
    public IssuanceResult abandon(Long attemptId, String reason) {
        IssuanceAttempt attempt = attempt(attemptId);
        if (attempt.isOpen()) {
            attempt.end(IssuanceAttempt.State.FAILED, "abandoned by the terminal"
                    + (reason == null || reason.isBlank() ? "" : ": " + reason.strip()), tickets.now());
        }
        return IssuanceResult.of(attempt);
    }

    /**
     * Settlement of a write whose answer never came back (connection dropped in mid-write), first
     * half: the latest write of the ticket handed out for {@code request}'s chip and not confirmed,
     * with a fresh random challenge stored on it for the chip's PROVE TICKET answer. Empty when
     * there is no such write. The chip UID named here is only the terminal's claim; the proof binds
     * the real one.
     */
    @Override
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.SELLER, Roles.STORE, Roles.CUSTOMER})
    public Optional<SettlementChallenge> challengeSettlement(IssuanceRequest request) {
        if (request == null || request.ticketId() == null) {
            throw new ValidationException("ticketId and chipUid are required");
        }
        ChipUid uid = ChipUid.parse(ChipRegistry.uid(request.chipUid()));
        Optional<IssuanceAttempt> pending = unconfirmedWrite(lockedTicket(request.ticketId()), uid.toString());
        if (pending.isEmpty()) {
            return Optional.empty();
        }
        byte[] challenge = new byte[ChipMacs.CHALLENGE_LENGTH];
        RANDOM.nextBytes(challenge);
        IssuanceAttempt attempt = pending.get();
        attempt.challengeSettlement(challenge, tickets.now().plus(SETTLEMENT_VALIDITY));
        return Optional.of(new SettlementChallenge(attempt.getId(), uid.toString(),
                TicketRecords.chipTicketId(attempt.getTicket().getId()), HEX.formatHex(challenge)));
    }

    /**
     * Settlement, second half: the chip holds either the whole new state or the whole old one (its
     * commit is atomic), and says which in its PROVE TICKET answer, MACed with its authentication key
     * over the challenge just stored (used up here). If that proof is the chip's and shows the record
     * this write carried, the write happened and the ticket becomes ISSUED; if it shows anything else,
     * the chip kept its old state and the attempt is FAILED saying so (a retry on the same chip then
     * writes the ticket). An answer that is not the chip's proof for this challenge (a terminal making
     * up or replaying a read-back) is refused and decides nothing: the write stays unconfirmed.
     */
    @Override
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.SELLER, Roles.STORE, Roles.CUSTOMER})
    public IssuanceResult settle(Long attemptId, SettlementProof proof) {
        if (proof == null) {
            throw new ValidationException("response is required (hex)");
        }
        byte[] answer = hex("response", proof.response());
        IssuanceAttempt found = attempt(attemptId);
        Ticket ticket = lockedTicket(found.getTicket().getId());
        Chip chip = found.getChip();
        IssuanceAttempt attempt = unconfirmedWrite(ticket, chip.getUid()).filter(a -> a.getId().equals(attemptId))
                .orElseThrow(() -> new ConflictException("issuance " + attemptId + " is no unconfirmed write to settle"));
        Instant now = tickets.now();
        byte[] challenge = attempt.takeSettlementChallenge(now);
        if (challenge == null) {
            throw new IssuanceFailedException("issuance " + attemptId + " has no open settlement challenge; ask for a new one");
        }
        ChipUid uid = ChipUid.parse(chip.getUid());
        byte[] written;
        try {
            CommandApdu write = CommandApdu.parse(attempt.getCommand());
            written = Arrays.copyOfRange(write.data(), 4, write.data().length - ChipMacs.MAC_LENGTH);
        } catch (ApduFormatException e) {
            throw new IllegalStateException("stored write of issuance " + attempt.getId() + " is no APDU", e);
        }
        Settlement verdict = Settlement.judge(keys.chipKeys(chip.getKeyVersion(), uid), uid, challenge,
                TicketRecords.chipTicketId(ticket.getId()), written, attempt.getWriteCounter(), answer);
        switch (verdict.outcome()) {
            case REFUSED -> throw new IssuanceFailedException(verdict.detail() + "; nothing was decided, the write of ticket "
                    + ticket.getId() + " stays unconfirmed");
            case NEW_STATE -> {
                if (ticket.getState() != TicketState.SOLD) {
                    throw new ConflictException("ticket " + ticket.getId() + " is " + describe(ticket.getState()) + " by now");
                }
                // The chip holds the record this attempt wrote: the write was executed, only its answer was lost.
                tickets.issue(ticket, chip, "issued to chip " + uid + " (attempt " + attempt.getId()
                        + ", proved by the chip after the connection dropped)");
                attempt.end(IssuanceAttempt.State.COMPLETED, verdict.detail(), now);
            }
            case OLD_STATE -> attempt.end(IssuanceAttempt.State.FAILED, verdict.detail(), now);
        }
        return IssuanceResult.of(attempt);
    }

    /** The ticket's latest write handed out for the chip, locked, unless there is none or it was confirmed. */
    private Optional<IssuanceAttempt> unconfirmedWrite(Ticket ticket, String chipUid) {
        List<IssuanceAttempt> writes = attempts(ticket).stream()
                .filter(a -> a.isWriteAuthorized() && a.getChip().getUid().equals(chipUid)).toList();
        if (writes.isEmpty() || writes.get(writes.size() - 1).getState() == IssuanceAttempt.State.COMPLETED) {
            return Optional.empty();
        }
        IssuanceAttempt attempt = attempt(writes.get(writes.size() - 1).getId());
        em.refresh(attempt, LockModeType.PESSIMISTIC_WRITE);
        return Optional.of(attempt);
    }

    /**
     * The center's check of a record as read from chip {@code chipUid} (C21, 000 cl. 16-17; the
     * online check of C29): chip ID against the ID in the record, signature, personal part. Only
     * the verdict and the ticket ID are returned, never the personal part.
     */
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.ORGANIZER, Roles.SELLER, Roles.STORE, Roles.VENUE, Roles.CUSTOMER})
    public RecordCheck verify(RecordCheckRequest request) {
        if (request == null) {
            throw new ValidationException("chipUid and record are required");
        }
        ChipUid uid = ChipUid.parse(ChipRegistry.uid(request.chipUid()));
        byte[] record = hex("record", request.record());
        TicketRecord parsed;
        try {
            parsed = TicketRecord.parse(record);
        } catch (RecordFormatException e) {
            return new RecordCheck(false, VerificationResult.Reason.MALFORMED.name(), e.getMessage(), null);
        }
        VerificationResult verdict = new TicketVerifier(keys.eventKeyRingOf(parsed.signingKeyId())).verify(uid, record);
        if (verdict instanceof VerificationResult.Verified v) {
            return new RecordCheck(true, null, "verified on chip " + uid + " under key " + v.signingKeyId(), v.ticket().ticketId());
        }
        VerificationResult.Rejected r = (VerificationResult.Rejected) verdict;
        return new RecordCheck(false, r.reason().name(), r.detail(), null);
    }

    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.SELLER, Roles.CUSTOMER})
    public IssuanceResult get(Long attemptId) {
        return IssuanceResult.of(attempt(attemptId));
    }

    private IssuanceAttempt lockedAttempt(Long attemptId, IssuanceAttempt.State expected) {
        IssuanceAttempt attempt = attempt(attemptId);
        em.refresh(attempt, LockModeType.PESSIMISTIC_WRITE);
        if (attempt.getState() != expected) {
            throw new ConflictException("issuance " + attemptId + " is " + describe(attempt.getState())
                    + (attempt.getDetail() == null ? "" : " (" + attempt.getDetail() + ")") + "; start again with a new request");
        }
        if (tickets.now().isAfter(attempt.getExpiresAt())) {
            throw fail(attempt, "issuance " + attemptId + " expired at " + attempt.getExpiresAt() + "; start again");
        }
        return attempt;
    }

    /** The attempt, to the user who started it (or the platform). */
    private IssuanceAttempt attempt(Long attemptId) {
        IssuanceAttempt attempt = attemptId == null ? null : em.find(IssuanceAttempt.class, attemptId);
        if (attempt == null) {
            throw new NotFoundException("issuance " + attemptId + " does not exist");
        }
        Caller caller = access.caller();
        if (!caller.isAdmin() && !caller.username().equals(attempt.getRequestedBy())) {
            throw new AccessDeniedException("issuance " + attemptId + " was started by another user");
        }
        return attempt;
    }

    private Ticket lockedTicket(Long ticketId) {
        Ticket ticket = tickets.get(ticketId);
        em.refresh(ticket, LockModeType.PESSIMISTIC_WRITE);
        return ticket;
    }

    /** The holder downloads their own ticket (C14); the seller that sold it issues it at its counter. */
    private void checkIssuer(Ticket ticket) {
        Caller c = access.caller();
        if (c.is(Roles.CUSTOMER)) {
            if (ticket.getHolder() == null) {
                throw new AccessDeniedException("ticket " + ticket.getId() + " has no holder yet");
            }
            access.checkCustomer(ticket.getHolder().getId());
        } else if (c.is(Roles.SELLER)) {
            if (ticket.getSeller() == null) {
                throw new AccessDeniedException("ticket " + ticket.getId() + " belongs to no seller");
            }
            access.checkSeller(ticket.getSeller().getId());
        }
    }

    /**
     * Whether the MACed write handed out in {@code attempt} could still be executed by its chip: it
     * was handed out, the chip is ACTIVE (a lost or blocked chip is on the revocation list), and
     * the chip has not since confirmed a write with the same or a later counter, after which the
     * chip refuses this one. A refusal the terminal reports does not count: it carries no chip MAC.
     */
    private boolean mayStillExecute(IssuanceAttempt attempt) {
        if (!attempt.isWriteAuthorized() || attempt.getChip().getState() != Chip.State.ACTIVE) {
            return false;
        }
        return em.createQuery("select count(a) from IssuanceAttempt a where a.chip = :c and a.state = :done"
                        + " and a.writeCounter >= :n", Long.class)
                .setParameter("c", attempt.getChip()).setParameter("done", IssuanceAttempt.State.COMPLETED)
                .setParameter("n", attempt.getWriteCounter()).getSingleResult() == 0;
    }

    private List<IssuanceAttempt> attempts(Ticket ticket) {
        return em.createQuery("select a from IssuanceAttempt a where a.ticket = :t order by a.id", IssuanceAttempt.class)
                .setParameter("t", ticket).getResultList();
    }

    private IssuanceFailedException fail(IssuanceAttempt attempt, String reason) {
        attempt.end(IssuanceAttempt.State.FAILED, reason, tickets.now());
        return new IssuanceFailedException(reason);
    }

    private static byte[] hex(String field, String text) {
        if (text == null || text.isBlank()) {
            throw new ValidationException(field + " is required (hex)");
        }
        try {
            return HexFormat.of().parseHex(text.strip());
        } catch (IllegalArgumentException e) {
            throw new ValidationException(field + " must be hex digits");
        }
    }

    private static String describe(Enum<?> state) {
        return state.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}
