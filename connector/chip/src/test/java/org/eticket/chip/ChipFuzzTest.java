package org.eticket.chip;

import static org.eticket.chip.TestTickets.*;
import static org.junit.jupiter.api.Assertions.*;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;

import org.eticket.chip.apdu.CommandApdu;
import org.eticket.chip.apdu.StatusWord;
import org.eticket.chip.card.ChipEmulator;
import org.eticket.chip.card.ChipPersonalization;
import org.eticket.chip.card.MemoryEeprom;
import org.eticket.chip.crypto.ChipKeys;
import org.eticket.chip.crypto.EventKeyRing;
import org.eticket.chip.crypto.EventSigningKey;
import org.eticket.chip.crypto.MasterKey;
import org.eticket.chip.crypto.PersonalDataKey;
import org.eticket.chip.protocol.ChipCommands;
import org.eticket.chip.protocol.ChipReader;
import org.eticket.chip.protocol.TicketApplication;
import org.eticket.chip.record.RecordFormatException;
import org.eticket.chip.record.TicketIssuer;
import org.eticket.chip.record.TicketRecord;
import org.eticket.chip.record.TicketVerifier;
import org.eticket.chip.record.VerificationResult;
import org.junit.jupiter.api.Test;

/**
 * Seeded random mutation of valid APDUs and ticket records (design §5: bad input gets a clear
 * error and changes nothing). Half the inputs go to the chip, half to the record decoder and
 * verifier. {@code -Dfuzz.iterations=N} sets the total, {@code -Dfuzz.seed=S} the seed.
 */
class ChipFuzzTest {

    private static final long ITERATIONS = Long.getLong("fuzz.iterations", 20_000);
    private static final long SEED = Long.getLong("fuzz.seed", 24601);
    /** A single input taking this long counts as a hang. */
    private static final long HANG_NANOS = Duration.ofSeconds(1).toNanos();
    private static final int[] INTERESTING = {0x00, 0x01, 0x7F, 0x80, 0x81, 0x82, 0xFF};
    private static final int[] IN_PLACE = {1, 2, 3, 7};

    /** Keys and nonces drawn from the seed too, so a reported input replays exactly. */
    private final SecureRandom seeded = seededRandom();
    private final MasterKey master = MasterKey.generate(1, seeded);
    private final EventSigningKey signing = EventSigningKey.generate(seeded);
    private final PersonalDataKey personal = PersonalDataKey.generate(seeded);
    private final TicketIssuer issuer = new TicketIssuer(signing, personal, seeded);

    private static SecureRandom seededRandom() {
        try {
            SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
            random.setSeed(SEED);
            return random;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Duration budget(long inputs) {
        return Duration.ofSeconds(30).plusMillis(inputs);
    }

    @Test
    void apduMutationsNeverEscapeAndRefusedCommandsChangeNothing() throws Exception {
        long inputs = ITERATIONS / 2;
        SplittableRandom random = new SplittableRandom(SEED);
        ChipKeys keys = master.chipKeys(CHIP_A);
        // A small chip, so that valid writes fill it and 6A84 is exercised too.
        int capacity = 2048;
        MemoryEeprom eeprom = new MemoryEeprom(ChipEmulator.eepromSize(capacity));
        ChipEmulator chip = ChipEmulator.personalize(eeprom, new ChipPersonalization(CHIP_A, "fuzz", keys, capacity));
        ChipReader reader = new ChipReader(chip);
        List<byte[]> records = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            records.add(issuer.issue(ticket(CHIP_A, "F-" + i, "Tour " + i % 3)));
        }
        TreeMap<String, Integer> statusWords = new TreeMap<>();
        long[] slowest = {0};

        assertTimeoutPreemptively(budget(inputs), () -> {
            for (long i = 0; i < inputs; i++) {
                if (random.nextInt(64) == 0) {
                    chip.reset();
                }
                if (random.nextInt(8) == 0) {
                    reader.select();
                }
                byte[] valid = validCommand(random, reader, keys, records);
                // One input in twenty is sent unmutated so the chip fills, empties and changes state.
                byte[] input = random.nextInt(20) == 0 ? valid : mutate(random, valid);
                byte[] before = eeprom.image();
                byte[] response;
                long start = System.nanoTime();
                try {
                    response = chip.transmit(input);
                } catch (Throwable t) {
                    throw new AssertionError(failure("chip", i, input), t);
                }
                slowest[0] = Math.max(slowest[0], System.nanoTime() - start);
                assertTrue(response.length >= 2, () -> failure("no status word", -1, input));
                int sw = ((response[response.length - 2] & 0xFF) << 8) | (response[response.length - 1] & 0xFF);
                statusWords.merge(String.format("%04X", sw & 0xFF00 | (sw >> 8 == 0x61 ? 0 : sw & 0xFF)), 1, Integer::sum);
                if (!Arrays.equals(before, eeprom.image())) {
                    boolean changer = input.length > 1 && (input[0] & 0xFF) == TicketApplication.CLA_SECURED
                            && ((input[1] & 0xFF) == TicketApplication.INS_WRITE_TICKET
                            || (input[1] & 0xFF) == TicketApplication.INS_NULLIFY);
                    // 61xx is success too: the command's answer waits for GET RESPONSE.
                    boolean success = sw == StatusWord.OK || sw >> 8 == StatusWord.SW1_BYTES_REMAINING;
                    assertTrue(success && changer,
                            () -> failure(String.format("chip changed on %04X", sw), -1, input));
                }
            }
        });
        assertTrue(slowest[0] < HANG_NANOS, "slowest APDU took " + slowest[0] / 1_000_000 + " ms");
        System.out.printf("APDU fuzz: %d inputs, seed %d, slowest %d us, status words %s%n",
                inputs, SEED, slowest[0] / 1000, statusWords);
    }

    @Test
    void recordMutationsAreRefusedWithAReason() {
        long inputs = ITERATIONS - ITERATIONS / 2;
        SplittableRandom random = new SplittableRandom(SEED ^ 0x5EED);
        TicketVerifier verifier = new TicketVerifier(EventKeyRing.of(List.of(signing), List.of(personal)));
        List<byte[]> records = List.of(
                issuer.issue(ticket(CHIP_A, "R-1")),
                issuer.issue(ticket(CHIP_A, "R-2", "Autumn Tour")),
                issuer.issue(ticket(CHIP_A, "R-3").reboundTo(CHIP_A)));
        long[] slowest = {0};
        long[] parsed = {0};

        assertTimeoutPreemptively(budget(inputs), () -> {
            for (long i = 0; i < inputs; i++) {
                byte[] original = records.get(random.nextInt(records.size()));
                byte[] input = random.nextInt(8) == 0
                        ? splice(random, original, records.get(random.nextInt(records.size())))
                        : mutate(random, original);
                if (records.stream().anyMatch(r -> Arrays.equals(r, input))) {
                    continue;
                }
                long start = System.nanoTime();
                VerificationResult result;
                try {
                    TicketRecord.parse(input);
                    parsed[0]++;
                } catch (RecordFormatException e) {
                    assertNotNull(e.reason());
                } catch (Throwable t) {
                    throw new AssertionError(failure("decoder", i, input), t);
                }
                try {
                    result = verifier.verify(CHIP_A, input);
                } catch (Throwable t) {
                    throw new AssertionError(failure("verifier", i, input), t);
                }
                slowest[0] = Math.max(slowest[0], System.nanoTime() - start);
                assertFalse(result.verified(), () -> failure("mutated record verified", -1, input));
            }
        });
        assertTrue(slowest[0] < HANG_NANOS, "slowest record took " + slowest[0] / 1_000_000 + " ms");
        System.out.printf("Record fuzz: %d inputs, seed %d, %d still well-formed (refused by signature), slowest %d us%n",
                inputs, SEED, parsed[0], slowest[0] / 1000);
    }

    private static byte[] validCommand(SplittableRandom random, ChipReader reader, ChipKeys keys, List<byte[]> records)
            throws Exception {
        switch (random.nextInt(13)) {
            case 0:
                return ChipCommands.select().encode();
            case 1:
                return new CommandApdu(0x00, 0xA4, 0x04, 0x0C, TicketApplication.aid(), 0).encode();
            case 2:
            case 3:
                return ChipCommands.readArea(random.nextInt(6), random.nextInt(4)).encode();
            case 4:
                return ChipCommands.readFreeSpace().encode();
            case 5:
                return ChipCommands.getChallenge().encode();
            case 6:
                byte[] challenge = new byte[8];
                random.nextBytes(challenge);
                return ChipCommands.internalAuthenticate(challenge).encode();
            case 7:
                return ChipCommands.getResponse(random.nextInt(2) == 0 ? 256 : 16).encode();
            case 8:
            case 9:
                long next = reader.select().writeCounter() + 1;
                String ticketId = "F-" + random.nextInt(records.size());
                int kind = random.nextInt(3);
                return (kind == 0 ? ChipCommands.nullify(keys, CHIP_A, next, ticketId)
                        : kind == 1 ? ChipCommands.markUsed(keys, CHIP_A, next, ticketId)
                        : ChipCommands.writeTicket(keys, CHIP_A, next, records.get(random.nextInt(records.size()))))
                        .encode();
            case 10:
                // Authentic but malformed: what a buggy center would send; the chip must parse it safely.
                byte[] garbled = mutate(random, records.get(random.nextInt(records.size())));
                return ChipCommands.writeTicket(keys, CHIP_A, reader.select().writeCounter() + 1, garbled).encode();
            case 11:
                byte[] proofChallenge = new byte[8];
                random.nextBytes(proofChallenge);
                return ChipCommands.proveTicket(proofChallenge, "F-" + random.nextInt(records.size() + 1)).encode();
            default:
                byte[] noise = new byte[random.nextInt(300)];
                random.nextBytes(noise);
                return noise;
        }
    }

    /**
     * One to four random edits; the result always differs from the input. Half the inputs keep
     * their length (flips and overwrites only), so they get past length checks to MACs and values.
     */
    static byte[] mutate(SplittableRandom random, byte[] input) {
        byte[] b = input.clone();
        int edits = 1 + random.nextInt(4);
        boolean inPlace = input.length > 0 && random.nextBoolean();
        for (int e = 0; e < edits; e++) {
            int op = inPlace ? IN_PLACE[random.nextInt(IN_PLACE.length)] : random.nextInt(b.length == 0 ? 1 : 9);
            switch (op) {
                case 0 -> b = insert(b, random.nextInt(b.length + 1), (byte) random.nextInt(256));
                case 1 -> b[random.nextInt(b.length)] ^= (byte) (1 << random.nextInt(8));
                case 2 -> b[random.nextInt(b.length)] = (byte) random.nextInt(256);
                case 3 -> b[random.nextInt(b.length)] = (byte) INTERESTING[random.nextInt(INTERESTING.length)];
                case 4 -> b = remove(b, random.nextInt(b.length));
                case 5 -> b = Arrays.copyOf(b, random.nextInt(b.length));
                case 6 -> {
                    byte[] tail = new byte[1 + random.nextInt(16)];
                    random.nextBytes(tail);
                    byte[] longer = Arrays.copyOf(b, b.length + tail.length);
                    System.arraycopy(tail, 0, longer, b.length, tail.length);
                    b = longer;
                }
                case 7 -> { // length fields of APDUs sit at offsets 4-6; of TLVs anywhere
                    int at = b.length > 4 && random.nextBoolean() ? 4 + random.nextInt(Math.min(3, b.length - 4))
                            : random.nextInt(b.length);
                    b[at] = (byte) INTERESTING[random.nextInt(INTERESTING.length)];
                }
                default -> {
                    int from = random.nextInt(b.length);
                    int length = 1 + random.nextInt(Math.min(32, b.length - from));
                    byte[] copy = Arrays.copyOfRange(b, from, from + length);
                    int to = random.nextInt(b.length + 1);
                    byte[] longer = new byte[b.length + length];
                    System.arraycopy(b, 0, longer, 0, to);
                    System.arraycopy(copy, 0, longer, to, length);
                    System.arraycopy(b, to, longer, to + length, b.length - to);
                    b = longer;
                }
            }
        }
        if (Arrays.equals(b, input)) {
            b = input.length == 0 ? new byte[] {0} : input.clone();
            if (input.length > 0) {
                b[random.nextInt(b.length)] ^= 0x01;
            }
        }
        return b;
    }

    private static byte[] splice(SplittableRandom random, byte[] a, byte[] b) {
        int cutA = random.nextInt(a.length + 1);
        int cutB = random.nextInt(b.length + 1);
        byte[] out = Arrays.copyOf(a, cutA + b.length - cutB);
        System.arraycopy(b, cutB, out, cutA, b.length - cutB);
        return out;
    }

    private static byte[] insert(byte[] b, int at, byte value) {
        byte[] out = new byte[b.length + 1];
        System.arraycopy(b, 0, out, 0, at);
        out[at] = value;
        System.arraycopy(b, at, out, at + 1, b.length - at);
        return out;
    }

    private static byte[] remove(byte[] b, int at) {
        byte[] out = new byte[b.length - 1];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(b, at + 1, out, at, b.length - at - 1);
        return out;
    }

    private static String failure(String what, long iteration, byte[] input) {
        return what + (iteration >= 0 ? " failed at input " + iteration : "") + " (seed " + SEED + "): "
                + HexFormat.of().withUpperCase().formatHex(input);
    }
}
