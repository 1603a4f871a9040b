package org.eticket.connector.terminal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import javax.smartcardio.ATR;
import javax.smartcardio.Card;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.ResponseAPDU;
import org.eticket.chip.ChipUid;
import org.eticket.chip.apdu.ApduTransport;
import org.eticket.chip.apdu.ApduTransportException;
import org.eticket.chip.card.ChipEmulator;
import org.eticket.chip.card.ChipPersonalization;
import org.eticket.chip.crypto.ChipKeys;
import org.eticket.chip.crypto.MasterKey;
import org.eticket.chip.protocol.ChipAuthentication;
import org.eticket.chip.protocol.ChipReader;
import org.junit.jupiter.api.Test;

/**
 * The terminal program's PC/SC port shares the reader between the chip watcher and the center's
 * dialogue. Here a reader that, like vpcd, passes GET DATA to the card (so the UID comes from a
 * SELECT) stands in for pcscd, so the interleaving that once broke a CI run is played exactly.
 */
class PcscChipPortTest {

    @Test
    void theWatcherSeeingAChipTheCenterAlreadyTalksToSendsItNothing() throws Exception {
        ChipUid uid = ChipUid.random(new SecureRandom());
        ChipKeys keys = MasterKey.generate(1, new SecureRandom()).chipKeys(uid);
        FakeReader reader = new FakeReader(ChipEmulator.inMemory(ChipPersonalization.of(uid, "port test", keys)));
        PcscChipPort port = new PcscChipPort(reader);

        // The center's first command connects (the watcher has not polled yet); then, between its
        // GET CHALLENGE and INTERNAL AUTHENTICATE, the watcher notices the chip and asks for its UID.
        ApduTransport center = command -> {
            try {
                return port.transmit(command);
            } catch (IOException e) {
                throw new ApduTransportException(e.getMessage(), e);
            }
        };
        new ChipReader(center).select();
        int sentBeforeChallenge = reader.sent.size();
        byte[] challenge = new byte[8];
        new SecureRandom().nextBytes(challenge);
        ChipAuthentication answer = new ChipReader(command -> {
            byte[] response = center.transmit(command);
            if (command[1] == (byte) 0x84) { // GET CHALLENGE
                try {
                    assertArrayEquals(uid.bytes(), port.awaitChip(0).orElseThrow(), "the watcher reports the chip");
                } catch (IOException e) {
                    throw new AssertionError(e);
                }
            }
            return response;
        }).authenticate(challenge);

        assertTrue(answer.verify(keys, uid), "the chip proved its key to the center's challenge");
        assertEquals(sentBeforeChallenge + 2, reader.sent.size(), "only GET CHALLENGE and INTERNAL AUTHENTICATE reached the chip");
    }

    @Test
    void aNewChipOnTheReaderIsReportedWithItsOwnUid() throws Exception {
        SecureRandom random = new SecureRandom();
        ChipUid first = ChipUid.random(random);
        ChipUid second = ChipUid.random(random);
        FakeReader reader = new FakeReader(ChipEmulator.inMemory(ChipPersonalization.of(first, "first",
                MasterKey.generate(1, random).chipKeys(first))));
        PcscChipPort port = new PcscChipPort(reader);
        assertArrayEquals(first.bytes(), port.awaitChip(0).orElseThrow());
        reader.chip = null;
        assertTrue(port.awaitRemoval(0));
        reader.chip = ChipEmulator.inMemory(ChipPersonalization.of(second, "second", MasterKey.generate(1, random).chipKeys(second)));
        assertArrayEquals(second.bytes(), port.awaitChip(0).orElseThrow(), "not the UID of the chip taken away");
    }

    /** One slot; a new connection resets the chip, as a card's power-up does. */
    private static final class FakeReader extends CardTerminal {
        volatile ChipEmulator chip;
        final List<byte[]> sent = new ArrayList<>();

        FakeReader(ChipEmulator chip) {
            this.chip = chip;
        }

        @Override
        public String getName() {
            return "fake reader";
        }

        @Override
        public Card connect(String protocol) throws CardException {
            ChipEmulator inField = chip;
            if (inField == null) {
                throw new CardException("no card present");
            }
            inField.reset();
            return new FakeCard(inField);
        }

        @Override
        public boolean isCardPresent() {
            return chip != null;
        }

        @Override
        public boolean waitForCardPresent(long timeout) {
            return isCardPresent();
        }

        @Override
        public boolean waitForCardAbsent(long timeout) {
            return !isCardPresent();
        }

        private final class FakeCard extends Card {
            private final ChipEmulator emulator;

            FakeCard(ChipEmulator emulator) {
                this.emulator = emulator;
            }

            @Override
            public ATR getATR() {
                return new ATR(new byte[] {0x3B, 0x00});
            }

            @Override
            public String getProtocol() {
                return "T=1";
            }

            @Override
            public CardChannel getBasicChannel() {
                return new CardChannel() {
                    @Override
                    public Card getCard() {
                        return FakeCard.this;
                    }

                    @Override
                    public int getChannelNumber() {
                        return 0;
                    }

                    @Override
                    public ResponseAPDU transmit(CommandAPDU command) throws CardException {
                        if (chip != emulator) {
                            throw new CardException("card removed");
                        }
                        sent.add(command.getBytes());
                        try {
                            return new ResponseAPDU(emulator.transmit(command.getBytes()));
                        } catch (ApduTransportException e) {
                            throw new CardException(e.getMessage(), e);
                        }
                    }

                    @Override
                    public int transmit(ByteBuffer command, ByteBuffer response) {
                        throw new UnsupportedOperationException();
                    }

                    @Override
                    public void close() {
                        throw new IllegalStateException("the basic channel cannot be closed");
                    }
                };
            }

            @Override
            public CardChannel openLogicalChannel() {
                throw new UnsupportedOperationException();
            }

            @Override
            public void beginExclusive() {
            }

            @Override
            public void endExclusive() {
            }

            @Override
            public byte[] transmitControlCommand(int controlCode, byte[] command) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void disconnect(boolean reset) {
            }
        }
    }
}
