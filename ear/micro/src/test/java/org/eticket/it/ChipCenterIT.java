package org.eticket.it;

import static org.junit.jupiter.api.Assertions.*;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.eticket.chip.ChipUid;
import org.eticket.chip.apdu.ApduTransport;
import org.eticket.chip.apdu.CommandApdu;
import org.eticket.chip.apdu.StatusWord;
import org.eticket.chip.protocol.ChipAccessException;
import org.eticket.chip.protocol.ChipContent;
import org.eticket.chip.protocol.ChipInfo;
import org.eticket.chip.protocol.ChipReader;
import org.eticket.chip.protocol.ChipTicket;
import org.eticket.chip.protocol.TicketApplication;
import org.eticket.issuance.ChipEvidence;
import org.eticket.issuance.ChipIssuance;
import org.eticket.issuance.IssuanceAttempt;
import org.eticket.issuance.IssuanceChallenge;
import org.eticket.issuance.IssuanceRequest;
import org.eticket.issuance.IssuanceResult;
import org.eticket.issuance.IssuanceSteps;
import org.eticket.issuance.SettlementChallenge;
import org.eticket.issuance.SettlementProof;
import org.eticket.issuance.WriteAuthorization;
import org.eticket.issuance.WriteReport;
import org.eticket.it.fixture.TicketFixture;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The center's side of the chip (issue #5) end to end over the REST API: the key server, the chip
 * registry and issuance of sold tickets to emulated chips, the test acting as the terminal that
 * relays APDUs with the same {@link ChipIssuance} relay the terminals use. Chips are personalized
 * by the platform and run in this JVM (in-memory EEPROM, so power can be cut mid-write).
 */
@ExtendWith(ArquillianExtension.class)
class ChipCenterIT {

    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    @Deployment(testable = false)
    static WebArchive deployment() {
        // the fixture reads a ticket's state and journal, which have no API
        return Api.platformWar().addClass(TicketFixture.class);
    }

    @ArquillianResource
    URL base;

    private Api admin;
    private Api alice;
    private Api bob;
    private Api seller1;
    private DemoFixture demo;
    private long aliceId;
    private long bobId;

    @BeforeEach
    void signIn() {
        admin = Api.demo(base, "admin");
        alice = Api.demo(base, "alice");
        bob = Api.demo(base, "bob");
        seller1 = Api.demo(base, "seller1");
        demo = new DemoFixture(base);
        aliceId = demo.customer("alice@example.com");
        bobId = demo.customer("bob@example.com");
    }

    @Test
    void theKeyEncryptionKeyFileIsCreatedBesideTheDatabaseForItsOwnerOnly() throws Exception {
        Path kek = Path.of(System.getProperty("it.data"), "eticket.kek");
        assertTrue(Files.exists(kek), "created at first start: " + kek);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(kek)));
        String ready = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                base.toURI().resolve("/health/ready")).build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        assertTrue(ready.contains("\"keyServer\":\"master key version"), ready);
        Api.Response master = admin.get("api/v1/keys");
        assertEquals(200, master.status(), master.body());
        assertTrue(master.body().contains("PLATFORM_MASTER"), master.body());
        assertFalse(master.body().toLowerCase().contains("sealed"), "no key material is listed: " + master.body());
        assertEquals(403, alice.get("api/v1/keys").status());
    }

    @Test
    void sellersIssueChipsToCustomersWhoSeeOnlyTheirOwn() throws Exception {
        EmulatedChip chip = EmulatedChip.personalize(admin);
        assertEquals(403, alice.post("api/v1/chips", registration(chip, aliceId, null)).status(), "customers do not issue chips");
        // a membership card carries the holder's registered membership with the issuing seller (C10, Fig 13)
        Api.Response notMember = seller1.post("api/v1/chips", registration(chip, aliceId, "PLAZA-000001"));
        assertEquals(409, notMember.status(), notMember.body());
        assertTrue(notMember.body().contains("not a registered member"), notMember.body());
        long plaza = seller1.get("api/v1/sellers").json().getJsonArray("items").getJsonObject(0).getJsonNumber("id").longValue();
        Api.Response applied = alice.post("api/v1/memberships", "{\"sellerId\":" + plaza + "}");
        assertEquals(201, applied.status(), applied.body());
        assertEquals(409, seller1.post("api/v1/chips", registration(chip, aliceId, "PLAZA-000001")).status(),
                "an application not yet registered is no membership");
        Api.Response member = seller1.post("api/v1/memberships/" + applied.id() + "/registration", "{}");
        assertEquals(200, member.status(), member.body());
        String number = member.json().getString("membershipNumber");
        Api.Response wrongNumber = seller1.post("api/v1/chips", registration(chip, aliceId, number + "9"));
        assertEquals(400, wrongNumber.status(), wrongNumber.body());
        Api.Response registered = seller1.post("api/v1/chips", registration(chip, aliceId, number));
        assertEquals(201, registered.status(), registered.body());
        long chipId = registered.id();
        assertEquals("ACTIVE", registered.json().getString("state"));
        assertEquals(number, registered.json().getString("membershipNumber"));

        assertEquals(409, seller1.post("api/v1/chips", registration(chip, bobId, null)).status(), "a UID is registered once");
        assertEquals(404, seller1.post("api/v1/chips", "{\"uid\":\"00000000000001\",\"customerId\":" + aliceId + "}").status(),
                "only chips the platform personalized");
        assertEquals(400, seller1.post("api/v1/chips", "{\"uid\":\"XYZ\",\"customerId\":" + aliceId + "}").status());

        // An issuer names the customer by ID and the e-mail the customer gives: IDs run in sequence, so an ID
        // alone would bind a card to, and reveal the name of, any customer. A wrong e-mail is an unknown ID.
        EmulatedChip blank = EmulatedChip.personalize(admin);
        String bobsName = admin.get("api/v1/customers/" + bobId).json().getString("name");
        String bobsChips = bob.get("api/v1/chips").body();
        Api.Response noEmail = Api.demo(base, "seller2").post("api/v1/chips",
                "{\"uid\":\"" + blank.uid + "\",\"customerId\":" + bobId + "}");
        assertEquals(400, noEmail.status(), noEmail.body());
        assertTrue(noEmail.message().contains("email is required"), noEmail.body());
        Api.Response guessed = Api.demo(base, "seller2").post("api/v1/chips",
                "{\"uid\":\"" + blank.uid + "\",\"customerId\":" + bobId + ",\"email\":\"someone@example.com\"}");
        assertEquals(404, guessed.status(), guessed.body());
        assertFalse(guessed.body().contains(bobsName), guessed.body());
        Api.Response unknown = Api.demo(base, "seller2").post("api/v1/chips",
                "{\"uid\":\"" + blank.uid + "\",\"customerId\":" + (bobId + 1_000_000) + ",\"email\":\"someone@example.com\"}");
        assertEquals(guessed.message().replace(Long.toString(bobId), "ID"), unknown.message().replace(Long.toString(bobId + 1_000_000), "ID"),
                "a wrong e-mail answers as an unknown customer does");
        assertEquals(bobsChips, bob.get("api/v1/chips").body(), "nothing was registered to bob");
        Api.Response bobsOwn = Api.demo(base, "seller2").post("api/v1/chips", registration(blank, bobId, null));
        assertEquals(201, bobsOwn.status(), "with bob's e-mail, as he gives it at the counter: " + bobsOwn.body());

        assertEquals(200, alice.get("api/v1/chips/" + chipId).status());
        assertTrue(alice.get("api/v1/chips").body().contains(chip.uid.toString()));
        assertEquals(403, bob.get("api/v1/chips/" + chipId).status(), "another customer's chip");
        assertFalse(bob.get("api/v1/chips").body().contains(chip.uid.toString()));
        assertEquals(403, Api.demo(base, "seller2").get("api/v1/chips/" + chipId).status(), "another seller's member");
        assertFalse(Api.demo(base, "seller2").get("api/v1/chips").body().contains(chip.uid.toString()));
        assertEquals(403, alice.post("api/v1/chips/" + chipId + "/block", "{\"reason\":\"x\"}").status(), "holders do not block");

        Api.Response lost = alice.post("api/v1/chips/" + chipId + "/lost", "{\"reason\":\"left on the train\"}");
        assertEquals(200, lost.status(), lost.body());
        assertEquals("LOST", lost.json().getString("state"));
        assertEquals(409, seller1.post("api/v1/chips/" + chipId + "/block", "{\"reason\":\"copy seen\"}").status(), "lost is final");
    }

    @Test
    void aSoldTicketIsIssuedToTheHoldersChipVerifiedThereAndNowhereElse() throws Exception {
        EmulatedChip chip = demo.registeredChip(aliceId);
        EmulatedChip other = demo.registeredChip(aliceId);
        EmulatedChip bobs = demo.registeredChip(bobId);
        JsonObject sold = sellTo(aliceId);
        long ticketId = sold.getJsonNumber("id").longValue();

        IssuanceResult result = new ChipIssuance(new RestSteps(alice)).issue(ticketId, chip.emulator);
        assertEquals(IssuanceAttempt.State.COMPLETED, result.state(), result.detail());
        JsonObject ticket = ticket(ticketId);
        assertEquals("ISSUED", ticket.getString("state"));
        assertEquals(chip.uid.toString(), ticket.getString("chipUid"));
        assertEquals("ISSUED", ticket.getString("lastJournalState"), "the issuance is journalled");

        byte[] record = recordOf(chip, ticketId);
        assertTrue(check(chip.uid, record).getBoolean("verified"));
        JsonObject copied = check(bobs.uid, record);
        assertFalse(copied.getBoolean("verified"), "a copy presented on another chip");
        assertEquals("WRONG_CHIP", copied.getString("reason"));

        Api.Response again = alice.post("api/v1/issuances", request(ticketId, other));
        assertEquals(409, again.status(), "a ticket is on at most one chip: " + again.body());
        assertTrue(again.message().contains("issued"), again.message());

        // Rotation: new tickets are signed with the new key, the old one still verifies.
        long eventId = sold.getJsonNumber("eventId").longValue();
        Api.Response rotated = admin.post("api/v1/keys/events/" + eventId + "/rotation", "");
        assertEquals(200, rotated.status(), rotated.body());
        assertTrue(check(chip.uid, record).getBoolean("verified"), "issued before the rotation");
        long second = sellTo(aliceId).getJsonNumber("id").longValue();
        assertEquals(IssuanceAttempt.State.COMPLETED, new ChipIssuance(new RestSteps(alice)).issue(second, chip.emulator).state());
        byte[] newRecord = recordOf(chip, second);
        JsonObject newCheck = check(chip.uid, newRecord);
        assertTrue(newCheck.getBoolean("verified"), newCheck.toString());
        assertTrue(newCheck.getString("detail").contains(rotated.json().getString("keyId")), "signed with the rotated key");
        assertTrue(check(chip.uid, record).getBoolean("verified"));
    }

    @Test
    void issuanceToABlockedOrSomeoneElsesChipIsRefusedAndChangesNothing() throws Exception {
        EmulatedChip blocked = demo.registeredChip(aliceId);
        EmulatedChip bobs = demo.registeredChip(bobId);
        assertEquals(200, seller1.post("api/v1/chips/" + blocked.id + "/block", "{\"reason\":\"copy seen at gate 3\"}").status());
        long ticketId = sellTo(aliceId).getJsonNumber("id").longValue();
        byte[] blockedBefore = blocked.eeprom.image();
        byte[] bobsBefore = bobs.eeprom.image();

        CenterRefused refusedBlocked = assertThrows(CenterRefused.class,
                () -> new ChipIssuance(new RestSteps(alice)).issue(ticketId, blocked.emulator));
        assertEquals(409, refusedBlocked.status);
        assertTrue(refusedBlocked.getMessage().contains("blocked"), refusedBlocked.getMessage());

        CenterRefused refusedForeign = assertThrows(CenterRefused.class,
                () -> new ChipIssuance(new RestSteps(alice)).issue(ticketId, bobs.emulator));
        assertEquals(403, refusedForeign.status, refusedForeign.getMessage());
        assertEquals(403, bob.post("api/v1/issuances", request(ticketId, bobs)).status(), "bob does not hold the ticket");

        assertEquals("SOLD", ticket(ticketId).getString("state"));
        assertEquals("", ticket(ticketId).getString("chipUid"));
        assertArrayEquals(blockedBefore, blocked.eeprom.image(), "the blocked chip is untouched");
        assertArrayEquals(bobsBefore, bobs.eeprom.image(), "bob's chip is untouched");
    }

    @Test
    void anInterruptedWriteKeepsTheOldContentAndTheTicketUnissuedThenARetrySucceeds() throws Exception {
        EmulatedChip chip = demo.registeredChip(aliceId);
        long first = sellTo(aliceId).getJsonNumber("id").longValue();
        assertEquals(IssuanceAttempt.State.COMPLETED, new ChipIssuance(new RestSteps(alice)).issue(first, chip.emulator).state());
        long second = sellTo(aliceId).getJsonNumber("id").longValue();
        ChipInfo before = new ChipReader(chip.emulator).select();

        // Power goes after 100 bytes of the WRITE's EEPROM commit.
        ApduTransport cutDuringWrite = command -> {
            if ((command[0] & 0xFF) == TicketApplication.CLA_SECURED && (command[1] & 0xFF) == TicketApplication.INS_WRITE_TICKET) {
                chip.eeprom.cutPowerAfter(100);
            }
            return chip.emulator.transmit(command);
        };
        RestSteps steps = new RestSteps(alice);
        assertThrows(ChipAccessException.class, () -> new ChipIssuance(steps).issue(second, cutDuringWrite));
        assertEquals(IssuanceAttempt.State.FAILED, steps.lastResult.state(), "the relay abandoned the attempt");
        assertEquals("SOLD", ticket(second).getString("state"));

        chip.powerUp();
        ChipReader reader = new ChipReader(chip.emulator);
        assertEquals(before.writeCounter(), reader.select().writeCounter(), "the torn write changed nothing");
        ChipContent content = reader.readContent();
        assertEquals(List.of("T" + first), content.tickets().stream().map(ChipTicket::ticketId).toList());
        assertTrue(check(chip.uid, recordOf(chip, first)).getBoolean("verified"), "the old ticket is intact");

        // A remote relay settles the abandoned write from the chip's proof over a fresh center challenge ...
        IssuanceResult settled = new ChipIssuance(steps).settle(second, chip.uid, chip.emulator).orElseThrow();
        assertEquals(IssuanceAttempt.State.FAILED, settled.state(), settled.detail());
        assertTrue(settled.detail().contains("old state"), settled.detail());
        // ... and a proof recorded then, replayed for the next challenge, is refused and decides nothing.
        SettlementChallenge earlier = steps.challengeSettlement(new IssuanceRequest(second, chip.uid.toString())).orElseThrow();
        reader.select();
        String recorded = HEX.formatHex(reader.proveTicket(HEX.parseHex(earlier.challenge()), earlier.chipTicketId()).answer());
        assertEquals(IssuanceAttempt.State.FAILED, steps.settle(earlier.attemptId(), new SettlementProof(recorded)).state());
        SettlementChallenge next = steps.challengeSettlement(new IssuanceRequest(second, chip.uid.toString())).orElseThrow();
        CenterRefused replayed = assertThrows(CenterRefused.class, () -> steps.settle(next.attemptId(), new SettlementProof(recorded)));
        assertEquals(409, replayed.status);
        assertTrue(replayed.getMessage().contains("nothing was decided"), replayed.getMessage());
        assertEquals("SOLD", ticket(second).getString("state"));

        IssuanceResult retry = new ChipIssuance(new RestSteps(alice)).issue(second, chip.emulator);
        assertEquals(IssuanceAttempt.State.COMPLETED, retry.state(), retry.detail());
        assertEquals("ISSUED", ticket(second).getString("state"));
        assertTrue(check(chip.uid, recordOf(chip, second)).getBoolean("verified"));
        assertTrue(check(chip.uid, recordOf(chip, first)).getBoolean("verified"));
    }

    @Test
    void aForgedChipOrAReplayedAnswerIsRefused() throws Exception {
        EmulatedChip chip = demo.registeredChip(aliceId);
        long ticketId = sellTo(aliceId).getJsonNumber("id").longValue();
        RestSteps steps = new RestSteps(alice);
        ChipReader reader = new ChipReader(chip.emulator);
        ChipInfo info = reader.select();

        IssuanceChallenge first = steps.request(new IssuanceRequest(ticketId, chip.uid.toString()));
        var evidence = reader.authenticate(HEX.parseHex(first.challenge()));
        ChipEvidence answer = new ChipEvidence(HEX.formatHex(info.toFci()), HEX.formatHex(evidence.chipChallenge()),
                HEX.formatHex(evidence.response()));
        steps.abandon(first.attemptId(), "test");

        // The recorded answer does not fit the next challenge.
        IssuanceChallenge second = steps.request(new IssuanceRequest(ticketId, chip.uid.toString()));
        CenterRefused replay = assertThrows(CenterRefused.class, () -> steps.authenticate(second.attemptId(), answer));
        assertEquals(409, replay.status);
        assertTrue(replay.getMessage().contains("not a genuine chip"), replay.getMessage());
        assertEquals("FAILED", alice.get("api/v1/issuances/" + second.attemptId()).json().getString("state"));
        assertEquals(409, alice.post("api/v1/issuances/" + second.attemptId() + "/authentication", json(answer)).status(),
                "a failed attempt takes nothing more");
        assertEquals(403, bob.get("api/v1/issuances/" + second.attemptId()).status(), "another user's attempt");
        assertEquals("SOLD", ticket(ticketId).getString("state"));
    }

    @Test
    void aWriteHandedOutPinsTheTicketToThatChipUntilTheChipCanNoLongerExecuteIt() throws Exception {
        EmulatedChip first = demo.registeredChip(aliceId);
        EmulatedChip second = demo.registeredChip(aliceId);
        long ticketId = sellTo(aliceId).getJsonNumber("id").longValue();
        RestSteps steps = new RestSteps(alice);
        ChipReader reader = new ChipReader(first.emulator);
        ChipInfo info = reader.select();
        IssuanceChallenge challenge = steps.request(new IssuanceRequest(ticketId, first.uid.toString()));
        var evidence = reader.authenticate(HEX.parseHex(challenge.challenge()));
        WriteAuthorization unsent = steps.authenticate(challenge.attemptId(), new ChipEvidence(HEX.formatHex(info.toFci()),
                HEX.formatHex(evidence.chipChallenge()), HEX.formatHex(evidence.response())));
        steps.abandon(challenge.attemptId(), "the terminal says it never sent the write");

        // The write is out: the center cannot know it was not executed, so no second chip yet.
        CenterRefused pinned = assertThrows(CenterRefused.class, () -> new ChipIssuance(steps).issue(ticketId, second.emulator));
        assertEquals(409, pinned.status);
        assertTrue(pinned.getMessage().contains(first.uid.toString()), pinned.getMessage());

        // Another ticket confirmed on the first chip uses up that write counter value ...
        long other = sellTo(aliceId).getJsonNumber("id").longValue();
        assertEquals(IssuanceAttempt.State.COMPLETED, new ChipIssuance(steps).issue(other, first.emulator).state());
        ChipReader late = new ChipReader(first.emulator);
        late.select();
        assertEquals(StatusWord.SECURITY_STATUS_NOT_SATISFIED,
                late.transmit(CommandApdu.parse(HEX.parseHex(unsent.command()))).sw(), "so the old write can never execute");

        // ... and the ticket may go to the second chip, and is on that one only.
        assertEquals(IssuanceAttempt.State.COMPLETED, new ChipIssuance(steps).issue(ticketId, second.emulator).state());
        assertEquals(second.uid.toString(), ticket(ticketId).getString("chipUid"));
        late.select();
        assertFalse(late.readContent().tickets().stream().anyMatch(t -> t.ticketId().equals("T" + ticketId)));
    }

    // --- the terminal side ---------------------------------------------------------------

    /** The center's issuance steps over the REST API, as a remote terminal reaches them. */
    private static final class RestSteps implements IssuanceSteps {
        private final Api api;
        IssuanceResult lastResult;

        RestSteps(Api api) {
            this.api = api;
        }

        @Override
        public IssuanceChallenge request(IssuanceRequest request) {
            JsonObject o = ok(api.post("api/v1/issuances", Json.createObjectBuilder()
                    .add("ticketId", request.ticketId()).add("chipUid", request.chipUid()).build().toString()));
            return new IssuanceChallenge(o.getJsonNumber("attemptId").longValue(), o.getString("challenge"));
        }

        @Override
        public WriteAuthorization authenticate(Long attemptId, ChipEvidence evidence) {
            JsonObject o = ok(api.post("api/v1/issuances/" + attemptId + "/authentication", json(evidence)));
            return new WriteAuthorization(attemptId, o.getString("command"));
        }

        @Override
        public IssuanceResult report(Long attemptId, WriteReport report) {
            return lastResult = result(ok(api.post("api/v1/issuances/" + attemptId + "/report", Json.createObjectBuilder()
                    .add("response", report.response()).add("readBack", report.readBack()).build().toString())));
        }

        @Override
        public IssuanceResult abandon(Long attemptId, String reason) {
            return lastResult = result(ok(api.post("api/v1/issuances/" + attemptId + "/abandon",
                    Json.createObjectBuilder().add("reason", reason == null ? "" : reason).build().toString())));
        }

        @Override
        public Optional<SettlementChallenge> challengeSettlement(IssuanceRequest request) {
            Api.Response r = api.post("api/v1/issuances/settlements", Json.createObjectBuilder()
                    .add("ticketId", request.ticketId()).add("chipUid", request.chipUid()).build().toString());
            if (r.status() == 404) {
                return Optional.empty();
            }
            JsonObject o = ok(r);
            return Optional.of(new SettlementChallenge(o.getJsonNumber("attemptId").longValue(), o.getString("chipUid"),
                    o.getString("chipTicketId"), o.getString("challenge")));
        }

        @Override
        public IssuanceResult settle(Long attemptId, SettlementProof proof) {
            return lastResult = result(ok(api.post("api/v1/issuances/" + attemptId + "/settlement",
                    Json.createObjectBuilder().add("response", proof.response()).build().toString())));
        }

        private static IssuanceResult result(JsonObject o) {
            return new IssuanceResult(o.getJsonNumber("attemptId").longValue(), o.getJsonNumber("ticketId").longValue(),
                    o.getString("chipUid"), IssuanceAttempt.State.valueOf(o.getString("state")), o.getString("detail", null));
        }

        private static JsonObject ok(Api.Response r) {
            if (r.status() != 200) {
                throw new CenterRefused(r.status(), r.body());
            }
            return r.json();
        }
    }

    /** The center answered an error status. */
    private static final class CenterRefused extends RuntimeException {
        final int status;

        CenterRefused(int status, String body) {
            super(status + " " + body);
            this.status = status;
        }
    }

    /** Alice buys one B seat of City Tickets' demo stock on the purchase path the portal uses; the ticket sold. */
    private JsonObject sellTo(long customerId) {
        assertEquals(aliceId, customerId, "the purchases here are alice's");
        JsonObject performance = demo.aurora().get(0);
        long perf = performance.getJsonNumber("id").longValue();
        long city = demo.seller(perf, "CITY");
        Api.Response r = alice.post("api/v1/purchases", "{\"performanceId\":" + perf + ",\"sellerId\":" + city
                + ",\"seatType\":\"B\",\"quantity\":1,\"payment\":" + SellingIT.card(SellingIT.APPROVE) + "}");
        assertEquals(201, r.status(), r.body());
        return Json.createObjectBuilder()
                .add("id", r.json().getJsonArray("lines").getJsonObject(0).getJsonNumber("ticketId").longValue())
                .add("eventId", performance.getJsonNumber("eventId").longValue()).build();
    }

    private JsonObject ticket(long ticketId) {
        Api.Response r = admin.get("api/v1/test-fixture/tickets/" + ticketId);
        assertEquals(200, r.status(), r.body());
        return r.json();
    }

    private JsonObject check(ChipUid uid, byte[] record) {
        Api.Response r = alice.post("api/v1/issuances/verification", Json.createObjectBuilder()
                .add("chipUid", uid.toString()).add("record", HEX.formatHex(record)).build().toString());
        assertEquals(200, r.status(), r.body());
        return r.json();
    }

    private static byte[] recordOf(EmulatedChip chip, long ticketId) throws ChipAccessException {
        ChipReader reader = new ChipReader(chip.emulator);
        reader.select();
        return reader.readContent().tickets().stream().filter(t -> t.ticketId().equals("T" + ticketId))
                .findFirst().orElseThrow(() -> new AssertionError("ticket T" + ticketId + " not on chip " + chip.uid)).record();
    }

    private String registration(EmulatedChip chip, long customerId, String membership) {
        String email = admin.get("api/v1/customers/" + customerId).json().getString("email");
        var b = Json.createObjectBuilder().add("uid", chip.uid.toString()).add("customerId", customerId).add("email", email);
        if (membership != null) {
            b.add("membershipNumber", membership);
        }
        return b.build().toString();
    }

    private static String request(long ticketId, EmulatedChip chip) {
        return Json.createObjectBuilder().add("ticketId", ticketId).add("chipUid", chip.uid.toString()).build().toString();
    }

    private static String json(ChipEvidence e) {
        return Json.createObjectBuilder().add("selectResponse", e.selectResponse()).add("chipChallenge", e.chipChallenge())
                .add("response", e.response()).build().toString();
    }
}
