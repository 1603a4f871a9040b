package org.eticket.issuance;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.eticket.card.Chip;
import org.eticket.catalog.Event;
import org.eticket.catalog.Performance;
import org.eticket.chip.ChipUid;
import org.eticket.chip.record.BuyerIdentification;
import org.eticket.chip.record.EventInfo;
import org.eticket.chip.record.GateEventId;
import org.eticket.chip.record.PersonalData;
import org.eticket.chip.record.Seat;
import org.eticket.sales.Customer;
import org.eticket.ticket.Ticket;

/**
 * What the center writes about a ticket of the electronic ticket master (Fig 46): event
 * information, the event IDs per gate area, seat, seller and the holder's personal part. Texts
 * are cut to the record's field sizes at a character boundary.
 */
public final class TicketRecords {

    static final int ID_MAX = 32;
    static final int NAME_MAX = 96;
    static final int SHORT_MAX = 24;
    static final int ORDER_MAX = 256;

    private TicketRecords() {
    }

    /** The ticket ID on the chip: the ticket master's id. */
    public static String chipTicketId(Long ticketId) {
        return "T" + ticketId;
    }

    /**
     * One event ID per gate area of the performance (C28): {@code P<performance id>-G<n>}, gate
     * areas named by the performance's gates. The gate installation (C27) exports the same IDs.
     */
    public static List<GateEventId> gateEventIds(Performance performance) {
        List<GateEventId> ids = new ArrayList<>();
        String gates = performance.getGates() == null ? "" : performance.getGates();
        for (String gate : gates.split(",")) {
            if (!gate.isBlank() && ids.size() < 16) {
                ids.add(new GateEventId(fit(gate.strip(), ID_MAX), "P" + performance.getId() + "-G" + (ids.size() + 1)));
            }
        }
        if (ids.isEmpty()) {
            ids.add(new GateEventId("MAIN", "P" + performance.getId() + "-G1"));
        }
        return ids;
    }

    static org.eticket.chip.record.Ticket of(Ticket ticket, Chip chip, ChipUid uid) {
        Performance p = ticket.getPerformance();
        Event event = p.getEvent();
        List<GateEventId> ids = gateEventIds(p);
        EventInfo info = new EventInfo(fit(event.getName(), NAME_MAX), fit(event.getVenue().getName(), NAME_MAX),
                p.getDate(), p.getOpeningTime().truncatedTo(ChronoUnit.MINUTES), p.getStartTime().truncatedTo(ChronoUnit.MINUTES),
                fit(event.getContact(), NAME_MAX));
        Seat seat = new Seat(fit(ids.size() == 1 ? ids.get(0).gateArea() : "", SHORT_MAX),
                fit(ticket.getSeatType() == null ? "" : ticket.getSeatType().getCode(), SHORT_MAX), "",
                fit(ticket.getSeat(), SHORT_MAX));
        Customer holder = ticket.getHolder();
        String membership = chip.getMembershipNumber() != null && chip.getIssuedBySeller() != null
                && ticket.getSeller() != null && chip.getIssuedBySeller().getId().equals(ticket.getSeller().getId())
                ? chip.getMembershipNumber() : "";
        Instant ordered = ticket.getChangedAt().truncatedTo(ChronoUnit.SECONDS);
        PersonalData personal = new PersonalData(fit(holder.getName(), NAME_MAX), Set.of(), holder.getDateOfBirth(),
                fit(membership, SHORT_MAX),
                new BuyerIdentification(fit(holder.getName(), NAME_MAX),
                        fit("1 x " + (ticket.getSeatType() == null ? "" : ticket.getSeatType().getCode() + " ") + "seat "
                                + ticket.getSeat() + ", " + event.getName(), ORDER_MAX), ordered));
        return new org.eticket.chip.record.Ticket(chipTicketId(ticket.getId()), uid, ids, info, seat,
                fit(ticket.getSeller() == null ? "" : ticket.getSeller().getName(), NAME_MAX), personal);
    }

    /** Cuts {@code text} to at most {@code maxBytes} UTF-8 bytes without splitting a character. */
    static String fit(String text, int maxBytes) {
        if (text == null) {
            return "";
        }
        if (text.getBytes(StandardCharsets.UTF_8).length <= maxBytes) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        int bytes = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int n = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + n > maxBytes) {
                break;
            }
            out.appendCodePoint(cp);
            bytes += n;
            i += Character.charCount(cp);
        }
        return out.toString();
    }
}
