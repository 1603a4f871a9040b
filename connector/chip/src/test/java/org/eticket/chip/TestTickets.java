package org.eticket.chip;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;

import org.eticket.chip.card.ChipEmulator;
import org.eticket.chip.card.ChipPersonalization;
import org.eticket.chip.crypto.EventKeyRing;
import org.eticket.chip.crypto.EventSigningKey;
import org.eticket.chip.crypto.MasterKey;
import org.eticket.chip.crypto.PersonalDataKey;
import org.eticket.chip.record.AttendeeAttribute;
import org.eticket.chip.record.BuyerIdentification;
import org.eticket.chip.record.EventInfo;
import org.eticket.chip.record.GateEventId;
import org.eticket.chip.record.PersonalData;
import org.eticket.chip.record.Seat;
import org.eticket.chip.record.Ticket;
import org.eticket.chip.record.TicketIssuer;

/** Shared test data: a platform master key, one event's keys, tickets and chips. */
public final class TestTickets {

    public static final SecureRandom RANDOM = new SecureRandom();
    public static final ChipUid CHIP_A = ChipUid.parse("04A1B2C3D4E5F6");
    public static final ChipUid CHIP_B = ChipUid.parse("04112233445566");
    public static final MasterKey MASTER = MasterKey.generate(1, RANDOM);
    public static final EventSigningKey SIGNING = EventSigningKey.generate(RANDOM);
    public static final PersonalDataKey PERSONAL = PersonalDataKey.generate(RANDOM);
    public static final TicketIssuer ISSUER = new TicketIssuer(SIGNING, PERSONAL, RANDOM);
    public static final EventKeyRing GATE_KEYS = EventKeyRing.of(List.of(SIGNING), List.of(PERSONAL)).verificationOnly();

    private TestTickets() {
    }

    public static EventInfo event(String name) {
        return new EventInfo(name, "Budokan Hall, Tokyo", LocalDate.of(2026, 3, 14),
                LocalTime.of(17, 30), LocalTime.of(18, 30), "Organizer desk +81 3 0000 0000");
    }

    public static Ticket ticket(ChipUid chip, String ticketId, String eventName) {
        return new Ticket(ticketId, chip,
                List.of(new GateEventId("EAST", "EV-" + eventName + "-E"), new GateEventId("WEST", "EV-" + eventName + "-W")),
                event(eventName),
                new Seat("Gate 3", "S", "2F", "B-17"),
                "Fan Club Aurora",
                new PersonalData("山田 花子 Hanako Yamada", EnumSet.of(AttendeeAttribute.WHEELCHAIR, AttendeeAttribute.HEARING_IMPAIRED),
                        LocalDate.of(1990, 2, 28), "FC-000123",
                        new BuyerIdentification("Taro Yamada", "2 x S seat, order 7781", Instant.parse("2026-01-05T09:15:30Z"))));
    }

    public static Ticket ticket(ChipUid chip, String ticketId) {
        return ticket(chip, ticketId, "Spring Tour");
    }

    public static ChipEmulator chip(ChipUid uid) {
        return ChipEmulator.inMemory(ChipPersonalization.of(uid, "eticket platform", MASTER.chipKeys(uid)));
    }
}
