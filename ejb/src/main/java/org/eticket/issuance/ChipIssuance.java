package org.eticket.issuance;

import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import org.eticket.chip.ChipUid;
import org.eticket.chip.apdu.ApduFormatException;
import org.eticket.chip.apdu.ApduTransport;
import org.eticket.chip.apdu.CommandApdu;
import org.eticket.chip.apdu.ResponseApdu;
import org.eticket.chip.protocol.ChipAccessException;
import org.eticket.chip.protocol.ChipAuthentication;
import org.eticket.chip.protocol.ChipInfo;
import org.eticket.chip.protocol.ChipReader;
import org.eticket.chip.protocol.ChipTicket;
import org.eticket.chip.protocol.TicketProof;

/**
 * The relay between the center's issuance steps and a chip (004 Fig 15, S1505-S1507): select,
 * answer the center's challenge, pass on the center's MACed write, read the ticket back and report.
 * It holds no key. The chip is reached through any {@link ApduTransport}: the in-process emulator
 * in tests, a reader terminal through the JCA adapter (issue #6), PC/SC on a home reader.
 * It runs outside any transaction: each step is one call to {@link IssuanceSteps}.
 */
public final class ChipIssuance {

    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private final IssuanceSteps center;

    public ChipIssuance(IssuanceSteps center) {
        this.center = Objects.requireNonNull(center, "center");
    }

    /**
     * Issues {@code ticketId} to the chip on {@code transport}.
     *
     * @throws ChipAccessException when the chip cannot be read, is removed or loses power; the
     *         attempt is abandoned at the center, the ticket stays unissued and a retry may follow
     */
    public IssuanceResult issue(Long ticketId, ApduTransport transport) throws ChipAccessException {
        ChipReader reader = new ChipReader(transport);
        ChipInfo info = reader.select();
        IssuanceChallenge challenge = center.request(new IssuanceRequest(ticketId, info.uid().toString()));
        try {
            ChipAuthentication evidence = reader.authenticate(HEX.parseHex(challenge.challenge()));
            WriteAuthorization write = center.authenticate(challenge.attemptId(), new ChipEvidence(
                    HEX.formatHex(info.toFci()), HEX.formatHex(evidence.chipChallenge()), HEX.formatHex(evidence.response())));
            CommandApdu command = CommandApdu.parse(HEX.parseHex(write.command()));
            ResponseApdu answer = reader.transmit(command);
            String readBack = "";
            if (answer.isOk()) {
                reader.select();
                String chipTicketId = TicketRecords.chipTicketId(ticketId);
                for (ChipTicket t : reader.readContent().tickets()) {
                    if (t.ticketId().equals(chipTicketId) && t.record() != null) {
                        readBack = HEX.formatHex(t.record());
                    }
                }
            }
            // The center decides from the chip's own answer, refused or not, and the read-back.
            return center.report(challenge.attemptId(), new WriteReport(HEX.formatHex(answer.encode()), readBack));
        } catch (ChipAccessException e) {
            center.abandon(challenge.attemptId(), e.getMessage());
            throw e;
        } catch (ApduFormatException e) {
            center.abandon(challenge.attemptId(), "the center's command is no APDU");
            throw new ChipAccessException("the center's command is no APDU", e);
        }
    }

    /**
     * Settles the ticket's last write to the chip on {@code transport} whose answer was lost: the
     * center challenges, the chip proves what it holds (PROVE TICKET), the center decides. The
     * center is asked first, so nothing is sent to the chip when no write is pending; else two
     * APDUs (SELECT, PROVE TICKET).
     *
     * @param uid the chip the terminal reported (its SELECT answer); only a claim, the chip's proof
     *        binds the real one
     * @return empty when no write of the ticket to that chip was pending
     * @throws ChipAccessException when the chip cannot be read or another chip answers; nothing is decided then
     */
    public Optional<IssuanceResult> settle(Long ticketId, ChipUid uid, ApduTransport transport) throws ChipAccessException {
        Optional<SettlementChallenge> challenge = center.challengeSettlement(new IssuanceRequest(ticketId, uid.toString()));
        if (challenge.isEmpty()) {
            return Optional.empty();
        }
        ChipReader reader = new ChipReader(transport);
        ChipUid selected = reader.select().uid();
        if (!selected.equals(uid)) {
            throw new ChipAccessException("chip " + selected + " answered instead of chip " + uid, -1);
        }
        TicketProof proof = reader.proveTicket(HEX.parseHex(challenge.get().challenge()), challenge.get().chipTicketId());
        return Optional.of(center.settle(challenge.get().attemptId(), new SettlementProof(HEX.formatHex(proof.answer()))));
    }
}
