package org.eticket.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.net.URL;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.eticket.chip.ChipUid;
import org.eticket.chip.card.ChipEmulator;
import org.eticket.chip.card.ChipPersonalization;
import org.eticket.chip.crypto.ChipMacs;
import org.eticket.chip.crypto.MasterKey;
import org.eticket.chip.protocol.ChipReader;
import org.eticket.chip.protocol.TicketApplication;
import org.eticket.connector.terminal.ChipPort;
import org.eticket.connector.terminal.ChipWatcher;
import org.eticket.connector.terminal.EmulatedChipPort;
import org.eticket.connector.terminal.PcscChipPort;
import org.eticket.connector.terminal.VpcdCard;
import org.eticket.issuance.terminal.TerminalIssuanceService;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Ticket flows end to end through a reader terminal: the customer buys on the portal API, a
 * seller registers her platform-personalized chip, and the center downloads the order to the chip
 * on her home reader/writer through REST, the flow EJB, the gateway, the rar, TLS and the real
 * terminal program (Fig 15, S1504-S1507, Fig 38); the chip's tickets of several events are read
 * back and listed (001 claims 3, 13); a connection dropped in mid-write leaves the chip in a whole
 * old or whole new state, and the center, reading the chip after the reconnect, knows which.
 */
@ExtendWith(ArquillianExtension.class)
class TerminalFlowsIT {

    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Api.platformWar();
    }

    @ArquillianResource
    URL base;

    private Api admin;
    private Api alice;
    private DemoFixture demo;
    private long aliceId;
    private long bobId;

    @BeforeEach
    void setUp() {
        admin = Api.demo(base, "admin");
        alice = Api.demo(base, "alice");
        demo = new DemoFixture(base);
        aliceId = demo.customer("alice@example.com");
        bobId = demo.customer("bob@example.com");
        demo.downloadsWithoutDelay();
    }

    @Test
    void aCustomerDownloadsHerOrdersAtHomeAndTheChipListsTicketsOfSeveralEvents() throws Exception {
        long first = demo.buy(0, 2);
        long second = demo.buy(1, 1);
        EmulatedChip chip = demo.registeredChip(aliceId);
        EmulatedChip bobs = demo.registeredChip(bobId);
        EmulatedChipPort reader = new EmulatedChipPort();
        try (TerminalRig home = TerminalRig.start(base, admin, "HOME_READER", null, null, reader)) {
            Api.Response empty = download(alice, home, first, 1);
            assertEquals(409, empty.status(), empty.body());
            assertTrue(empty.message().contains("no card answered"), empty.body());
            assertTrue(home.devices.history().stream().anyMatch(l -> l.equals("display (large): "
                    + TerminalIssuanceService.BRING_CARD.toUpperCase(java.util.Locale.ROOT))),
                    () -> "the terminal asks for the card in large letters: " + home.devices.history());

            // Bob's chip on Alice's reader: refused as not hers, retry or cancel, and bob's chip is untouched.
            reader.place(bobs.emulator);
            Api.Response foreign = download(alice, home, first, 10);
            assertEquals(200, foreign.status(), foreign.body());
            assertEquals("RETRY_OR_CANCEL", foreign.json().getString("outcome"));
            assertTrue(foreign.json().getString("reason").contains("not registered to you"), foreign.body());
            assertEquals(2, foreign.json().getJsonArray("remaining").size());
            Api bob = Api.demo(base, "bob");
            assertEquals(0, listing(bob, home).getJsonArray("tickets").size(), "no half ticket on bob's chip");
            // What a card holds is its holder's to see: alice may not list bob's card, though it lies on her reader.
            Api.Response notHers = alice.get("api/v1/chip-terminals/" + home.terminalId + "/chip?waitSeconds=10");
            assertEquals(403, notHers.status(), notHers.body());
            assertTrue(notHers.message().contains("belongs to another customer"), notHers.body());
            assertEquals(403, download(Api.demo(base, "bob"), home, first, 1).status(), "bob does not own the order");

            reader.place(chip.emulator);
            Api.Response done = download(alice, home, first, 10);
            assertEquals(200, done.status(), done.body());
            assertEquals("COMPLETED", done.json().getString("outcome"), done.body());
            assertEquals(2, done.json().getJsonArray("issued").size());
            assertEquals(chip.uid.toString(), done.json().getString("chipUid"));
            assertEquals("COMPLETED", download(alice, home, second, 10).json().getString("outcome"));
            Api.Response again = download(alice, home, first, 10);
            assertEquals("COMPLETED", again.json().getString("outcome"), "already on the chip: " + again.body());
            assertEquals(0, again.json().getJsonArray("issued").size());

            JsonObject listed = listing(home);
            assertEquals(chip.uid.toString(), listed.getString("chipUid"));
            assertEquals(2, listed.getInt("events"), "two performances: two event areas on the chip");
            JsonArray tickets = listed.getJsonArray("tickets");
            assertEquals(3, tickets.size(), listed.toString());
            for (JsonValue v : tickets) {
                JsonObject t = v.asJsonObject();
                assertTrue(t.getBoolean("verified"), t.toString());
                assertEquals("VALID", t.getString("state"));
                assertEquals("Grand Hall", t.getString("venue"));
            }
            assertEquals(2, tickets.stream().map(v -> v.asJsonObject().getString("date")).distinct().count(),
                    "tickets of two performances: " + tickets);
            // Anyone signed in can name a home reader; only the card's holder (its issuer, the platform) sees its tickets.
            Api.Response stranger = bob.get("api/v1/chip-terminals/" + home.terminalId + "/chip?waitSeconds=10");
            assertEquals(403, stranger.status(), stranger.body());
            assertFalse(stranger.body().contains("Grand Hall"), stranger.body());
            assertEquals(403, Api.demo(base, "seller2").get("api/v1/chip-terminals/" + home.terminalId + "/chip?waitSeconds=10")
                    .status(), "a seller that did not issue the card");
        }
    }

    /** The same home download with a real reader: the terminal program's PC/SC port, pcscd and vpcd. */
    @Test
    void theHomeDownloadRunsThroughPcscdAndVpcd() throws Exception {
        TerminalRig.assumePcscdWithVpcd();
        long order = demo.buy(0, 1);
        EmulatedChip chip = demo.registeredChip(aliceId);
        PcscChipPort reader = PcscChipPort.open(TerminalRig.PCSC_READER);
        try (VpcdCard card = VpcdCard.insert(chip.emulator, "localhost", TerminalRig.VPCD_PORT);
             TerminalRig home = TerminalRig.start(base, admin, "HOME_READER", null, null, reader);
             ChipWatcher watcher = new ChipWatcher(reader, home.outbox)) {
            watcher.start();
            long start = System.nanoTime();
            Api.Response done = download(alice, home, order, 60);
            timing("home download of one ticket", start);
            assertEquals(200, done.status(), done.body());
            assertEquals("COMPLETED", done.json().getString("outcome"), done.body());
            JsonArray tickets = listing(home).getJsonArray("tickets");
            assertEquals(1, tickets.size());
            assertTrue(tickets.getJsonObject(0).getBoolean("verified"), tickets.toString());
        }
    }

    @Test
    void aConnectionDroppedInMidWriteLeavesAWholeStateAndTheCenterLearnsWhich() throws Exception {
        TerminalRig.assumePcscdWithVpcd();
        long kept = demo.buy(0, 1);
        long lost = demo.buy(1, 1);
        EmulatedChip chip = demo.registeredChip(aliceId);
        try (DroppingPort reader = new DroppingPort();
             TerminalRig home = TerminalRig.start(base, admin, "HOME_READER", null, null, reader);
             ChipWatcher watcher = new ChipWatcher(reader, home.outbox)) {
            watcher.start();
            reader.rig = home;
            reader.chip = chip;
            reader.place(chip.emulator);

            // The chip executes the write; the connection drops before its answer reaches the center.
            reader.drop = Drop.AFTER_WRITE;
            Api.Response interrupted = download(alice, home, kept, 10);
            assertEquals(200, interrupted.status(), interrupted.body());
            assertEquals("RETRY_OR_CANCEL", interrupted.json().getString("outcome"), interrupted.body());
            awaitReconnected(home);
            long ticket = demo.ticketOf(kept);
            // A terminal that claims the write did not land (it alters the chip's proof) is refused and decides nothing.
            reader.lie = Lie.NOT_WRITTEN;
            Api.Response lying = settle(home, ticket);
            assertEquals(409, lying.status(), lying.body());
            assertTrue(lying.message().contains("nothing was decided"), lying.body());
            Api.Response settledNew = settle(home, ticket);
            assertEquals(200, settledNew.status(), settledNew.body());
            assertEquals("COMPLETED", settledNew.json().getString("state"), settledNew.body());
            assertTrue(settledNew.json().getString("detail").contains("new state"), settledNew.body());
            assertEquals(404, settle(home, ticket).status(), "nothing left to settle");

            // Power goes in the middle of the chip's commit, and the connection with it.
            reader.drop = Drop.DURING_WRITE;
            long counterBefore = new ChipReader(chip.emulator).select().writeCounter();
            Api.Response torn = download(alice, home, lost, 10);
            assertEquals("RETRY_OR_CANCEL", torn.json().getString("outcome"), torn.body());
            chip.powerUp();
            reader.place(chip.emulator);
            assertEquals(counterBefore, new ChipReader(chip.emulator).select().writeCounter(), "the torn write changed nothing");
            awaitReconnected(home);
            long lostTicket = demo.ticketOf(lost);
            // ... nor can one claim that a torn write landed, though it knows the record it relayed.
            reader.lie = Lie.WRITTEN;
            Api.Response claimed = settle(home, lostTicket);
            assertEquals(409, claimed.status(), claimed.body());
            assertTrue(claimed.message().contains("nothing was decided"), claimed.body());
            Api.Response settledOld = settle(home, lostTicket);
            assertEquals(200, settledOld.status(), settledOld.body());
            assertEquals("FAILED", settledOld.json().getString("state"), settledOld.body());
            assertTrue(settledOld.json().getString("detail").contains("old state"), settledOld.body());
            JsonArray onChip = listing(home).getJsonArray("tickets");
            assertEquals(List.of("T" + ticket), onChip.stream().map(v -> v.asJsonObject().getString("ticketId")).toList(),
                    "whole old state: only the earlier ticket");
            assertTrue(onChip.getJsonObject(0).getBoolean("verified"));

            // The customer retries: the ticket is written whole.
            Api.Response retry = download(alice, home, lost, 10);
            assertEquals("COMPLETED", retry.json().getString("outcome"), retry.body());
            assertEquals(2, listing(home).getJsonArray("tickets").size());
        }
    }

    /** C10 through the real PC/SC stack: the kiosk's terminal program reaches the card with javax.smartcardio, pcscd and vpcd. */
    @Test
    void aSellerIssuesAMembershipCardAtAKioskToAGenuineChipOnly() throws Exception {
        TerminalRig.assumePcscdWithVpcd();
        Api carol = Api.demo(base, "carol");
        Api fanclub = Api.demo(base, "fanclub");
        long fc = demo.seller(demo.performance(0), "AURORA-FC");
        Api.Response applied = carol.post("api/v1/memberships", "{\"sellerId\":" + fc + "}");
        assertEquals(201, applied.status(), applied.body());
        long memberId = applied.id();
        PcscChipPort reader = PcscChipPort.open(TerminalRig.PCSC_READER);
        try (TerminalRig kiosk = TerminalRig.start(base, admin, "KIOSK", "storeCode", "CORNER-01", reader);
             ChipWatcher watcher = new ChipWatcher(reader, kiosk.outbox)) {
            watcher.start();
            Api.Response early = fanclub.post("api/v1/chip-terminals/" + kiosk.terminalId + "/membership-cards",
                    "{\"memberId\":" + memberId + ",\"waitSeconds\":1}");
            assertEquals(409, early.status(), "an application is registered first: " + early.body());
            Api.Response registered = fanclub.post("api/v1/memberships/" + memberId + "/registration", "");
            assertEquals(200, registered.status(), registered.body());
            String number = registered.json().getString("membershipNumber");

            // A chip claiming a platform UID without its keys is no genuine chip and is not registered.
            Api.Response p = admin.post("api/v1/chips/personalizations", "");
            ChipUid forgedUid = ChipUid.parse(p.json().getString("uid"));
            ChipEmulator forgedChip = ChipEmulator.inMemory(ChipPersonalization.of(forgedUid, "forged",
                    MasterKey.generate(1, new SecureRandom()).chipKeys(forgedUid)));
            try (VpcdCard forgedCard = VpcdCard.insert(forgedChip, "localhost", TerminalRig.VPCD_PORT)) {
                long start = System.nanoTime();
                Api.Response forged = fanclub.post("api/v1/chip-terminals/" + kiosk.terminalId + "/membership-cards",
                        "{\"memberId\":" + memberId + ",\"waitSeconds\":30}");
                timing("membership card refused to a forged chip", start);
                assertEquals(409, forged.status(), forged.body());
                assertTrue(forged.message().contains("not a genuine chip"), forged.body());
            }

            EmulatedChip card = EmulatedChip.personalize(admin);
            try (VpcdCard genuine = VpcdCard.insert(card.emulator, "localhost", TerminalRig.VPCD_PORT)) {
                assertEquals(403, carol.post("api/v1/chip-terminals/" + kiosk.terminalId + "/membership-cards",
                        "{\"memberId\":" + memberId + "}").status(), "sellers issue membership cards");
                long start = System.nanoTime();
                Api.Response issued = fanclub.post("api/v1/chip-terminals/" + kiosk.terminalId + "/membership-cards",
                        "{\"memberId\":" + memberId + ",\"waitSeconds\":30}");
                timing("membership card issued", start);
                assertEquals(200, issued.status(), issued.body());
                assertEquals(card.uid.toString(), issued.json().getString("chipUid"));
                assertEquals(number, issued.json().getString("membershipNumber"));
            }
            String carolsChips = carol.get("api/v1/chips").body();
            assertTrue(carolsChips.contains(card.uid.toString()) && carolsChips.contains(number), carolsChips);
            assertTrue(!carolsChips.contains(forgedUid.toString()), "the forged chip was not registered");
        }
    }

    /** C15 through the real PC/SC stack, as {@link #aSellerIssuesAMembershipCardAtAKioskToAGenuineChipOnly}. */
    @Test
    void aKioskPurchaseIsWrittenToTheCardAtOnceAndNothingIsSoldWithoutACard() throws Exception {
        TerminalRig.assumePcscdWithVpcd();
        EmulatedChip chip = demo.registeredChip(aliceId);
        long perf = demo.performance(1);
        long plaza = demo.seller(perf, "PLAZA");
        PcscChipPort reader = PcscChipPort.open(TerminalRig.PCSC_READER);
        try (TerminalRig kiosk = TerminalRig.start(base, admin, "KIOSK", "storeCode", "CORNER-01", reader);
             ChipWatcher watcher = new ChipWatcher(reader, kiosk.outbox)) {
            watcher.start();
            String seat = demo.freeSeats(alice, perf, plaza).get(0);
            String body = SellingIT.purchase(perf, plaza, List.of(seat), SellingIT.card(SellingIT.APPROVE));
            long ordersBefore = alice.get("api/v1/orders").json().getJsonNumber("total").longValue();
            Api.Response noCard = alice.post("api/v1/chip-terminals/" + kiosk.terminalId + "/kiosk-purchases",
                    body.substring(0, body.length() - 1) + ",\"waitSeconds\":1}");
            assertEquals(409, noCard.status(), noCard.body());
            assertEquals(ordersBefore, alice.get("api/v1/orders").json().getJsonNumber("total").longValue(), "nothing sold");

            try (VpcdCard card = VpcdCard.insert(chip.emulator, "localhost", TerminalRig.VPCD_PORT)) {
                long start = System.nanoTime();
                Api.Response bought = alice.post("api/v1/chip-terminals/" + kiosk.terminalId + "/kiosk-purchases",
                        body.substring(0, body.length() - 1) + ",\"waitSeconds\":30}");
                timing("kiosk purchase written to the card", start);
                assertEquals(200, bought.status(), bought.body());
                assertEquals("COMPLETED", bought.json().getString("outcome"), bought.body());
                JsonObject issued = bought.json().getJsonArray("issued").getJsonObject(0);
                assertEquals(chip.uid.toString(), issued.getString("chipUid"), "the center has ticket and chip ID");
                Api.Response order = alice.get("api/v1/orders/" + bought.json().getJsonNumber("orderId").longValue());
                assertEquals("KIOSK", order.json().getString("channel"), order.body());
                start = System.nanoTime();
                JsonArray onChip = listing(kiosk).getJsonArray("tickets");
                timing("chip listing read back", start);
                assertEquals(1, onChip.size());
                assertEquals(seat, onChip.getJsonObject(0).getString("seatNumber"));
                assertTrue(onChip.getJsonObject(0).getBoolean("verified"));
            }
        }
    }

    // --- helpers -----------------------------------------------------------------------------

    /** The PC/SC flows' wall time, for the README's figures (each APDU through pcscd + vpcd costs ~50 ms). */
    private static void timing(String what, long startNanos) {
        System.out.printf("TerminalFlowsIT timing: %s in %d ms%n", what, (System.nanoTime() - startNanos) / 1_000_000);
    }

    private enum Drop { NONE, AFTER_WRITE, DURING_WRITE }

    /** What a lying terminal makes of the chip's next PROVE TICKET answer. */
    private enum Lie { NONE, NOT_WRITTEN, WRITTEN }

    /**
     * The home reader of the dropped-connection test: the terminal program's PC/SC port (pcscd, vpcd's
     * second reader, the chip emulator as the virtual card) with the faults a test needs on top: the
     * link to the center breaks right after the chip executed a WRITE, or power goes in its commit;
     * and a terminal that alters the chip's PROVE TICKET answer.
     */
    private static final class DroppingPort implements ChipPort, AutoCloseable {
        private final PcscChipPort inner;
        private VpcdCard card;
        volatile EmulatedChip chip;
        volatile Drop drop = Drop.NONE;
        volatile Lie lie = Lie.NONE;
        volatile TerminalRig rig;
        /** The record of the last WRITE relayed: the terminal sees it go by. */
        volatile byte[] lastRecord;

        DroppingPort() throws IOException {
            inner = PcscChipPort.open(TerminalRig.PCSC_READER);
        }

        /** Puts the chip into the virtual reader, taking out the one there (a chip booted again is a new card). */
        void place(ChipEmulator emulator) throws IOException {
            if (card != null) {
                card.close();
            }
            card = VpcdCard.insert(emulator, "localhost", TerminalRig.VPCD_PORT);
        }

        @Override
        public void close() throws IOException {
            if (card != null) {
                card.close();
            }
        }

        @Override
        public Optional<byte[]> awaitChip(long millis) throws IOException {
            return inner.awaitChip(millis);
        }

        @Override
        public boolean awaitRemoval(long millis) throws IOException {
            return inner.awaitRemoval(millis);
        }

        @Override
        public byte[] transmit(byte[] command) throws IOException {
            boolean write = (command[0] & 0xFF) == TicketApplication.CLA_SECURED
                    && (command[1] & 0xFF) == TicketApplication.INS_WRITE_TICKET;
            if ((command[0] & 0xFF) == TicketApplication.CLA_PROPRIETARY && (command[1] & 0xFF) == TicketApplication.INS_PROVE_TICKET
                    && lie != Lie.NONE) {
                return lie(inner.transmit(command));
            }
            if (write) {
                try {
                    byte[] data = org.eticket.chip.apdu.CommandApdu.parse(command).data();
                    lastRecord = java.util.Arrays.copyOfRange(data, TicketApplication.COUNTER_LENGTH, data.length - ChipMacs.MAC_LENGTH);
                } catch (org.eticket.chip.apdu.ApduFormatException e) {
                    throw new IOException("the center's WRITE is no APDU", e);
                }
            }
            Drop now = drop;
            if (!write || now == Drop.NONE) {
                return inner.transmit(command);
            }
            drop = Drop.NONE;
            try {
                if (now == Drop.DURING_WRITE) {
                    chip.eeprom.cutPowerAfter(100);
                }
                inner.transmit(command); // the answer never leaves the terminal (6F00 when the chip lost power in mid-commit)
            } catch (IOException readerFailed) {
                // the reader gave up on the chip
            }
            rig.link.breakConnection();
            throw new IOException("link to the center lost");
        }

        /** counter(4) state(1) digest(32) proof(16) SW(2): the state and digest are rewritten, the chip's proof kept. */
        private byte[] lie(byte[] answer) {
            Lie now = lie;
            lie = Lie.NONE;
            byte[] forged = answer.clone();
            if (now == Lie.NOT_WRITTEN) {
                forged[4] = TicketApplication.TICKET_ABSENT;
                java.util.Arrays.fill(forged, 5, 5 + ChipMacs.RECORD_DIGEST_LENGTH, (byte) 0);
            } else {
                long counter = ((forged[0] & 0xFFL) << 24 | (forged[1] & 0xFF) << 16 | (forged[2] & 0xFF) << 8 | (forged[3] & 0xFF)) + 1;
                System.arraycopy(ChipMacs.counterBytes(counter), 0, forged, 0, 4);
                forged[4] = (byte) org.eticket.chip.record.TicketState.VALID.code();
                System.arraycopy(ChipMacs.recordDigest(lastRecord), 0, forged, 5, ChipMacs.RECORD_DIGEST_LENGTH);
            }
            return forged;
        }
    }

    private static Api.Response download(Api as, TerminalRig home, long orderId, int waitSeconds) {
        return as.post("api/v1/chip-terminals/" + home.terminalId + "/downloads",
                "{\"orderId\":" + orderId + ",\"waitSeconds\":" + waitSeconds + "}");
    }

    private Api.Response settle(TerminalRig home, long ticketId) {
        return alice.post("api/v1/chip-terminals/" + home.terminalId + "/settlements",
                "{\"ticketId\":" + ticketId + ",\"waitSeconds\":10}");
    }

    private JsonObject listing(TerminalRig home) {
        return listing(alice, home);
    }

    private JsonObject listing(Api as, TerminalRig home) {
        Api.Response r = as.get("api/v1/chip-terminals/" + home.terminalId + "/chip?waitSeconds=10");
        assertEquals(200, r.status(), r.body());
        return r.json();
    }

    private void awaitReconnected(TerminalRig home) throws InterruptedException {
        assertTrue(home.link.awaitOnline(TerminalRig.WAIT), () -> "reconnected: " + home.link.lastProblem());
        TerminalRig.awaitTerminal(admin, home.terminalId, t -> t.getBoolean("online"));
    }
}
