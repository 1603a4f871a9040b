package org.eticket.connector.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded mutation fuzzing of the frame parser (codec + payload layouts): valid frames of
 * every type are bit-flipped, truncated, extended, spliced and given forged lengths. Every
 * input must end in a frame that re-encodes to the same bytes, a clean end, or a
 * FrameException with a reason; never another exception, a hang or a huge allocation.
 * Iterations: -Dfuzz.iterations (20,000 by default, 2,000,000 with -Pfuzz); seed: -Dfuzz.seed.
 */
class FrameFuzzTest {

    private static final int MAX = 4096;

    @Test
    void mutatedFramesAreReadOrRefusedWithAReason() {
        long seed = Long.getLong("fuzz.seed", 1701L);
        int iterations = Integer.getInteger("fuzz.iterations", 20_000);
        Random random = new Random(seed);
        FrameCodec codec = new FrameCodec(MAX);
        List<byte[]> corpus = corpus(codec);
        Map<FrameType, Integer> accepted = new EnumMap<>(FrameType.class);
        Map<String, Integer> reasons = new java.util.TreeMap<>();
        for (int i = 0; i < iterations; i++) {
            byte[] input = mutate(random, corpus.get(random.nextInt(corpus.size())), corpus);
            ByteArrayInputStream in = new ByteArrayInputStream(input);
            try {
                Frame frame;
                while ((frame = codec.read(in)) != null) {
                    accepted.merge(frame.type(), 1, Integer::sum);
                    byte[] again = codec.encode(frame);
                    Frame reread = codec.read(new ByteArrayInputStream(again));
                    assertArrayEquals(again, codec.encode(reread), "a read frame re-encodes to itself");
                }
            } catch (FrameException e) {
                assertTrue(e.getMessage() != null && !e.getMessage().isBlank(), "a refusal has a reason");
                reasons.merge(e.getMessage().replaceAll("[0-9]+", "N"), 1, Integer::sum);
            } catch (IOException e) {
                throw new AssertionError("an in-memory stream cannot fail", e);
            } catch (RuntimeException e) {
                throw new AssertionError("seed " + seed + " input " + i + ": " + HexFormat.of().formatHex(input), e);
            }
        }
        // The mutator must reach both sides of the parser, or the test proves little.
        assertTrue(accepted.size() >= 10, "valid frames of many types survive some mutations: " + accepted);
        assertTrue(reasons.size() >= 10, "many distinct refusals: " + reasons.keySet());
    }

    private static List<byte[]> corpus(FrameCodec codec) {
        byte[] uid = HexFormat.of().parseHex("04A1B2C3D4E5F6");
        List<Frame> frames = List.of(
                Frames.hello("GATE-01"), Frame.of(FrameType.PING), Frame.of(FrameType.PONG), Frames.welcome(5),
                Frames.eventAck(5), Frames.event(FrameType.CHIP_PRESENTED, 1, uid),
                Frames.event(FrameType.CHIP_REMOVED, 2, uid), Frames.operatorInput(3, "cancel"),
                Frames.logBatch(4, List.of("a", "gate open", "")), Frames.apdu(1, HexFormat.of().parseHex("00A4040008F0455449434B4554")),
                Frames.apduResponse(1, HexFormat.of().parseHex("6F0A9000")), Frames.lamp(2, Frames.Lamp.BLUE),
                Frames.display(3, "Welcome", true), Frames.audio(4, "bring-card-close"), Frames.openGate(5),
                Frames.print(6, "Seat 12"), Frames.done(7), Frames.failed(8, "no card"), Frames.error("bye"),
                new Frame(1, FrameType.HELLO, "OLD-1".getBytes()), new Frame(1, FrameType.WELCOME, new byte[0]));
        List<byte[]> corpus = new ArrayList<>();
        for (Frame f : frames) {
            corpus.add(codec.encode(f));
        }
        return corpus;
    }

    private static byte[] mutate(Random random, byte[] seed, List<byte[]> corpus) {
        byte[] b = seed.clone();
        int rounds = 1 + random.nextInt(3);
        for (int r = 0; r < rounds; r++) {
            switch (random.nextInt(8)) {
                case 0 -> { // flip one bit
                    if (b.length > 0) {
                        b[random.nextInt(b.length)] ^= (byte) (1 << random.nextInt(8));
                    }
                }
                case 1 -> { // set an interesting byte
                    if (b.length > 0) {
                        int[] values = {0, 1, 2, 0x7F, 0x80, 0xFF, 0xC3, 0x20};
                        b[random.nextInt(b.length)] = (byte) values[random.nextInt(values.length)];
                    }
                }
                case 2 -> b = Arrays.copyOf(b, random.nextInt(b.length + 1)); // truncate
                case 3 -> { // append random bytes
                    byte[] extra = new byte[1 + random.nextInt(16)];
                    random.nextBytes(extra);
                    byte[] longer = Arrays.copyOf(b, b.length + extra.length);
                    System.arraycopy(extra, 0, longer, b.length, extra.length);
                    b = longer;
                }
                case 4 -> { // forge the length field
                    if (b.length >= 4) {
                        int length = switch (random.nextInt(4)) {
                            case 0 -> random.nextInt();
                            case 1 -> b.length - 4 + random.nextInt(5) - 2;
                            case 2 -> MAX + random.nextInt(3) - 1;
                            default -> random.nextInt(3);
                        };
                        b[0] = (byte) (length >>> 24);
                        b[1] = (byte) (length >>> 16);
                        b[2] = (byte) (length >>> 8);
                        b[3] = (byte) length;
                    }
                }
                case 5 -> { // splice two frames (a valid one first, then this)
                    byte[] other = corpus.get(random.nextInt(corpus.size()));
                    byte[] both = Arrays.copyOf(other, other.length + b.length);
                    System.arraycopy(b, 0, both, other.length, b.length);
                    b = both;
                }
                case 6 -> { // change the version or type byte
                    if (b.length >= 6) {
                        b[4 + random.nextInt(2)] = (byte) random.nextInt(256);
                    }
                }
                default -> { // fix the length after growing the payload, so the layout check is reached
                    if (b.length >= 6) {
                        byte[] extra = new byte[random.nextInt(12)];
                        random.nextBytes(extra);
                        byte[] longer = Arrays.copyOf(b, b.length + extra.length);
                        System.arraycopy(extra, 0, longer, b.length, extra.length);
                        int length = longer.length - 4;
                        longer[0] = (byte) (length >>> 24);
                        longer[1] = (byte) (length >>> 16);
                        longer[2] = (byte) (length >>> 8);
                        longer[3] = (byte) length;
                        b = longer;
                    }
                }
            }
        }
        return b;
    }
}
