package org.eticket.issuance.terminal;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eticket.card.Chip;
import org.eticket.card.ChipRegistry;
import org.eticket.chip.crypto.ChipMacs;
import org.eticket.chip.protocol.ChipAccessException;
import org.eticket.chip.protocol.ChipAuthentication;
import org.eticket.chip.protocol.ChipContent;
import org.eticket.chip.protocol.ChipInfo;
import org.eticket.chip.protocol.ChipReader;
import org.eticket.chip.protocol.ChipTicket;
import org.eticket.chip.protocol.FreeSpace;
import org.eticket.chip.record.RecordFormatException;
import org.eticket.chip.record.TicketRecord;
import org.eticket.connector.api.TerminalCommand;
import org.eticket.issuance.ChipIssuance;
import org.eticket.issuance.IssuanceAttempt;
import org.eticket.issuance.IssuanceResult;
import org.eticket.issuance.IssuanceService;
import org.eticket.issuance.RecordCheck;
import org.eticket.issuance.RecordCheckRequest;
import org.eticket.platform.AccessDeniedException;
import org.eticket.platform.ConflictException;
import org.eticket.platform.NotFoundException;
import org.eticket.platform.ValidationException;
import org.eticket.keys.KeyService;
import org.eticket.sales.Member;
import org.eticket.sales.MembershipService;
import org.eticket.sales.OrderLine;
import org.eticket.sales.PaymentRequest;
import org.eticket.sales.PurchaseService;
import org.eticket.sales.SeatRequest;
import org.eticket.sales.OrderService;
import org.eticket.sales.SalesOrder;
import org.eticket.security.AccessService;
import org.eticket.security.AccessService.Caller;
import org.eticket.security.Roles;
import org.eticket.terminal.Terminal;
import org.eticket.terminal.TerminalGateway;
import org.eticket.terminal.TerminalKind;
import org.eticket.terminal.TerminalRegistry;
import org.eticket.ticket.Ticket;
import org.eticket.ticket.TicketService;
import org.eticket.ticket.TicketState;

/**
 * The center drives a chip at a reader terminal: it shows the customer what to do, waits for the
 * chip, and runs the issuance relay ({@link ChipIssuance}) itself through the terminal, which only
 * passes bytes on. Not transactional: a dialogue with a chip through a terminal takes seconds and
 * every center step ({@link IssuanceService}) is its own transaction, so each step's outcome is
 * stored whatever happens to the next. The whole dialogue runs on the instance holding the
 * terminal's connection (the gateway refuses elsewhere, naming that instance).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TerminalIssuanceService {

    private static final Logger LOG = Logger.getLogger(TerminalIssuanceService.class.getName());
    private static final HexFormat HEX = HexFormat.of().withUpperCase();
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Fig 38's prompt on the home reader/writer. */
    public static final String BRING_CARD = "Please bring your card close to the writer";
    static final String SELECT = "00A4040008F0455449434B455400";
    static final Duration APDU_TIMEOUT = Duration.ofSeconds(10);
    static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(5);
    static final int DEFAULT_WAIT_SECONDS = 30;
    static final int MAX_WAIT_SECONDS = 120;

    @EJB
    TerminalGateway gateway;

    @EJB
    TerminalRegistry registry;

    @EJB
    IssuanceService issuance;

    @EJB
    OrderService orders;

    @EJB
    TicketService tickets;

    @EJB
    AccessService access;

    @EJB
    MembershipService memberships;

    @EJB
    ChipRegistry chips;

    @EJB
    KeyService keys;

    @EJB
    PurchaseService purchases;

    /**
     * Downloads an order's tickets to the buyer's chip on their home reader/writer (004 Fig 15,
     * S1504-S1507, Fig 38): only the buyer, only inside the download window. Each ticket is
     * written, read back and verified by {@link IssuanceService}; the chip must be genuine and
     * registered to the buyer. A failure ends in {@code RETRY_OR_CANCEL} with the reason, and every
     * ticket is either wholly on the chip and ISSUED or untouched and still SOLD.
     */
    @RolesAllowed(Roles.CUSTOMER)
    public ChipDownload download(Long orderId, String terminalId, Integer waitSeconds) {
        SalesOrder order = orders.get(orderId);
        orders.forDownload(order.getDownloadToken(), Instant.now()); // the ticket master's clock is the system UTC clock too
        terminal(terminalId, Set.of(TerminalKind.HOME_READER));
        List<Long> ticketIds = order.getLines().stream().map(OrderLine::getTicketId).toList();
        return writeTickets(order.getId(), terminalId, ticketIds, waitSeconds);
    }

    /**
     * Kiosk purchase (C15; 004 S1507ff, Fig 8): the customer, signed in at a store's kiosk, puts the
     * card on it, buys, and the tickets are written to that card at once; the center records each
     * ticket with the chip ID (the issuance journal). The card is asked for first, so nothing is sold
     * when no card answers. The sale goes through {@link PurchaseService#purchaseAtKiosk}, so the
     * order's channel is KIOSK.
     */
    @RolesAllowed(Roles.CUSTOMER)
    public ChipDownload buyAtKiosk(String terminalId, SeatRequest seats, PaymentRequest payment, Integer waitSeconds) {
        terminal(terminalId, Set.of(TerminalKind.KIOSK));
        show(terminalId, TerminalCommand.display(BRING_CARD, true));
        awaitChip(terminalId, new TerminalTransport(gateway, terminalId, APDU_TIMEOUT), waitSeconds);
        SalesOrder order = purchases.purchaseAtKiosk(seats, payment);
        List<Long> ticketIds = order.getLines().stream().map(OrderLine::getTicketId).toList();
        return writeTickets(order.getId(), terminalId, ticketIds, waitSeconds);
    }

    /** Reads the chip on the terminal and lists its tickets, each checked by the center. */
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.SELLER, Roles.STORE, Roles.CUSTOMER})
    public ChipListing chipContent(String terminalId, Integer waitSeconds) {
        terminal(terminalId, Set.of(TerminalKind.HOME_READER, TerminalKind.KIOSK, TerminalKind.DISPENSER));
        TerminalTransport transport = new TerminalTransport(gateway, terminalId, APDU_TIMEOUT);
        ChipInfo info = awaitChip(terminalId, transport, waitSeconds);
        chips.checkContentReadable(info.uid());
        try {
            ChipReader reader = new ChipReader(transport);
            FreeSpace space = reader.freeSpace();
            ChipContent content = reader.readContent();
            List<ChipListing.Entry> entries = new ArrayList<>();
            for (ChipTicket t : content.tickets()) {
                entries.add(entry(info, t));
            }
            return new ChipListing(terminalId, info.uid().toString(), space.freeBytes(), space.capacity(), content.events().size(),
                    entries);
        } catch (ChipAccessException e) {
            throw new ConflictException("the chip on terminal " + terminalId + " could not be read: " + e.getMessage()
                    + "; keep it on the reader and try again");
        }
    }

    /**
     * After a connection dropped in mid-write (the terminal has reconnected): the center challenges
     * the chip on the terminal to prove what it holds (PROVE TICKET, MACed with the chip's key over
     * the fresh challenge) and completes the ticket's last write (the chip holds the new record) or
     * records that the chip kept its old state, so the center knows which. A read-back the terminal
     * makes up or replays is refused and decides nothing. Empty when nothing was pending.
     */
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.SELLER, Roles.STORE, Roles.CUSTOMER})
    public Optional<IssuanceResult> settle(Long ticketId, String terminalId, Integer waitSeconds) {
        if (ticketId == null) {
            throw new ValidationException("ticketId is required");
        }
        terminal(terminalId, Set.of(TerminalKind.HOME_READER, TerminalKind.KIOSK, TerminalKind.DISPENSER));
        TerminalTransport transport = new TerminalTransport(gateway, terminalId, APDU_TIMEOUT);
        ChipInfo chip = awaitChip(terminalId, transport, waitSeconds);
        try {
            return new ChipIssuance(issuance).settle(ticketId, chip.uid(), transport);
        } catch (ChipAccessException e) {
            throw new ConflictException("the chip on terminal " + terminalId + " could not be read: " + e.getMessage()
                    + "; keep it on the reader and try again");
        }
    }

    /**
     * A seller issues a chip as a registered member's membership card at a terminal (C10; Fig 13;
     * 002 cl. 31): the chip presented must prove its diversified authentication key to a fresh
     * center challenge (genuine, personalized by this platform), and is then registered to the
     * member's customer with the membership number, so tickets of that seller carry it.
     */
    @RolesAllowed(Roles.SELLER)
    public MembershipCard issueMembershipCard(Long memberId, String terminalId, Integer waitSeconds) {
        Member member = memberships.list().stream().filter(m -> m.getId().equals(memberId)).findFirst()
                .orElseThrow(() -> new NotFoundException("member " + memberId + " is not one of your members"));
        if (member.getStatus() != Member.Status.REGISTERED) {
            throw new ConflictException("member " + memberId + " is not registered yet; register the application first");
        }
        terminal(terminalId, Set.of(TerminalKind.KIOSK, TerminalKind.DISPENSER, TerminalKind.HOME_READER));
        show(terminalId, TerminalCommand.display("Please bring the membership card close to the reader", true));
        TerminalTransport transport = new TerminalTransport(gateway, terminalId, APDU_TIMEOUT);
        ChipInfo info = awaitChip(terminalId, transport, waitSeconds);
        byte[] challenge = new byte[ChipMacs.CHALLENGE_LENGTH];
        RANDOM.nextBytes(challenge);
        ChipAuthentication answer;
        try {
            answer = new ChipReader(transport).authenticate(challenge);
        } catch (ChipAccessException e) {
            throw new ConflictException("the chip on terminal " + terminalId + " did not answer the challenge: " + e.getMessage());
        }
        if (!answer.verify(keys.chipKeys(info.keyVersion(), info.uid()), info.uid())) {
            show(terminalId, TerminalCommand.display("This card cannot be used", true));
            throw new ConflictException("chip " + info.uid() + " did not prove its key: not a genuine chip");
        }
        Chip chip = chips.register(new ChipRegistry.Registration(info.uid().toString(), member.getCustomer().getId(),
                member.getCustomer().getEmail(), member.getMembershipNumber()));
        show(terminalId, TerminalCommand.display("Membership card " + member.getMembershipNumber() + " issued", true));
        return new MembershipCard(chip.getId(), chip.getUid(), member.getId(), member.getCustomer().getId(),
                member.getMembershipNumber(), terminalId);
    }

    private ChipDownload writeTickets(Long orderId, String terminalId, List<Long> ticketIds, Integer waitSeconds) {
        show(terminalId, TerminalCommand.display(BRING_CARD, true));
        show(terminalId, TerminalCommand.audio("bring-card-close"));
        TerminalTransport transport = new TerminalTransport(gateway, terminalId, APDU_TIMEOUT);
        ChipInfo chip = awaitChip(terminalId, transport, waitSeconds);
        String uid = chip.uid().toString();
        List<IssuanceResult> issued = new ArrayList<>();
        List<Long> remaining = new ArrayList<>();
        String failure = null;
        ChipIssuance relay = new ChipIssuance(issuance);
        for (Long ticketId : ticketIds) {
            Ticket ticket = tickets.get(ticketId);
            if (ticket.getState() == TicketState.ISSUED && ticket.getChip() != null && uid.equals(ticket.getChip().getUid())) {
                continue; // written by an earlier try
            }
            if (failure != null) {
                remaining.add(ticketId);
                continue;
            }
            try {
                // A write to this chip whose answer was lost (dropped connection) is settled first.
                Optional<IssuanceResult> settled = ticket.getState() == TicketState.SOLD
                        ? relay.settle(ticketId, chip.uid(), transport) : Optional.empty();
                if (settled.isPresent() && settled.get().state() == IssuanceAttempt.State.COMPLETED) {
                    issued.add(settled.get());
                    continue;
                }
                IssuanceResult r = relay.issue(ticketId, transport);
                if (r.state() == IssuanceAttempt.State.COMPLETED) {
                    issued.add(r);
                } else {
                    failure = r.detail();
                    remaining.add(ticketId);
                }
            } catch (ChipAccessException e) {
                failure = "the card could not be written (" + e.getMessage() + ")";
                remaining.add(ticketId);
            } catch (AccessDeniedException e) {
                failure = "this card is not registered to you (" + e.getMessage() + ")";
                remaining.add(ticketId);
            } catch (ConflictException | NotFoundException e) {
                failure = e.getMessage();
                remaining.add(ticketId);
            }
        }
        if (failure == null) {
            show(terminalId, TerminalCommand.display("Your tickets are on your card. You may take it away.", true));
            return new ChipDownload(orderId, terminalId, uid, ChipDownload.Outcome.COMPLETED, null, issued, remaining);
        }
        LOG.log(Level.INFO, "download of order {0} to chip {1} at {2} stopped: {3}", new Object[] {orderId, uid, terminalId, failure});
        show(terminalId, TerminalCommand.display("Your tickets could not be written. Retry or cancel?", true));
        return new ChipDownload(orderId, terminalId, uid, ChipDownload.Outcome.RETRY_OR_CANCEL, failure, issued, remaining);
    }

    /** Polls the reader with SELECT until a chip answers, within the bound the caller gives. */
    private ChipInfo awaitChip(String terminalId, TerminalTransport transport, Integer waitSeconds) {
        int wait = waitSeconds == null ? DEFAULT_WAIT_SECONDS : waitSeconds;
        if (wait < 0 || wait > MAX_WAIT_SECONDS) {
            throw new ValidationException("waitSeconds must be between 0 and " + MAX_WAIT_SECONDS);
        }
        Instant until = Instant.now().plusSeconds(wait);
        String last;
        while (true) {
            try {
                return new ChipReader(transport).select();
            } catch (ChipAccessException e) {
                last = e.getMessage();
            }
            // A terminal reconnecting after a dropped link is waited for like a card not yet presented.
            if (Instant.now().isAfter(until)) {
                throw new ConflictException("no card answered on terminal " + terminalId + " within " + wait + " s (" + last
                        + "); bring the card close to the writer and try again");
            }
            try {
                Thread.sleep(200); // the reader gives no event to wait on through the gateway
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ConflictException("interrupted while waiting for a card on terminal " + terminalId);
            }
        }
    }

    private void show(String terminalId, TerminalCommand command) {
        try {
            gateway.show(terminalId, command, COMMAND_TIMEOUT);
        } catch (ConflictException | ValidationException e) {
            // The display is guidance; the chip dialogue decides. A terminal without the device says so.
            LOG.log(Level.FINE, "terminal {0} did not show {1}: {2}", new Object[] {terminalId, command.kind(), e.getMessage()});
        }
    }

    /** The terminal, if the caller may run a ticket flow on it. */
    private Terminal terminal(String terminalId, Set<TerminalKind> kinds) {
        if (terminalId == null || terminalId.isBlank()) {
            throw new ValidationException("terminalId is required");
        }
        Terminal t = registry.lookup(terminalId).filter(Terminal::isRegistered)
                .orElseThrow(() -> new NotFoundException("terminal " + terminalId + " is not known"));
        if (!kinds.contains(t.getKind())) {
            throw new ValidationException("terminal " + terminalId + " is a " + t.getKind() + "; this needs one of " + kinds);
        }
        if (t.getRevokedAt() != null) {
            throw new ConflictException("terminal " + terminalId + " is revoked");
        }
        Caller c = access.caller();
        if (c.is(Roles.STORE) && (t.getStore() == null || !t.getStore().getId().equals(c.partyId()))) {
            throw new AccessDeniedException("terminal " + terminalId + " is not at your store");
        }
        if (c.is(Roles.CUSTOMER) && t.getKind() == TerminalKind.GATE) {
            throw new AccessDeniedException("terminal " + terminalId + " is a gate");
        }
        return t;
    }

    private ChipListing.Entry entry(ChipInfo info, ChipTicket t) {
        String state = t.state().name();
        if (t.record() == null) {
            return new ChipListing.Entry(t.ticketId(), state, null, null, null, null, null, null, null, null, null, false,
                    "no record (nullified)");
        }
        RecordCheck check = issuance.verify(new RecordCheckRequest(info.uid().toString(), HEX.formatHex(t.record())));
        try {
            TicketRecord r = TicketRecord.parse(t.record());
            return new ChipListing.Entry(t.ticketId(), state, r.event().name(), r.event().venue(), String.valueOf(r.event().date()),
                    String.valueOf(r.event().startTime()), r.seat().gate(), r.seat().seatType(), r.seat().floor(),
                    r.seat().seatNumber(), r.seller(), check.verified(), check.verified() ? check.detail() : check.reason() + ": " + check.detail());
        } catch (RecordFormatException e) {
            return new ChipListing.Entry(t.ticketId(), state, null, null, null, null, null, null, null, null, null, false,
                    "MALFORMED: " + e.getMessage());
        }
    }
}
