package org.eticket.connector.terminal;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.HexFormat;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eticket.chip.apdu.ApduTransportException;
import org.eticket.chip.card.ChipEmulator;

/**
 * Serves a chip emulator as the card in vsmartcard's virtual reader (vpcd): the card side
 * connects to vpcd's port (35963); each message is a 2-byte big-endian length and a
 * payload. A 1-byte payload is a control: 0 power off, 1 power on, 2 reset, 4 "send the
 * ATR"; anything longer is a command APDU, answered with length + response APDU. Closing
 * the connection takes the card out of the reader.
 */
public final class VpcdCard implements AutoCloseable {

    public static final int DEFAULT_PORT = 35963;
    /** T=1 (and T=0) capable, no historical bytes; TCK = XOR of T0..TD2. */
    static final byte[] ATR = HexFormat.of().parseHex("3B80800101");
    private static final Logger LOG = Logger.getLogger(VpcdCard.class.getName());

    private final ChipEmulator chip;
    private final Socket socket;
    private final Thread thread;

    private VpcdCard(ChipEmulator chip, Socket socket) {
        this.chip = chip;
        this.socket = socket;
        this.thread = new Thread(this::serve, "vpcd-card");
        this.thread.setDaemon(true);
    }

    /** Puts the chip into vpcd's reader: connects and serves it until {@link #close()}. */
    public static VpcdCard insert(ChipEmulator chip, String host, int port) throws IOException {
        Socket socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress(host, port), 5000);
        VpcdCard card = new VpcdCard(chip, socket);
        card.thread.start();
        return card;
    }

    private void serve() {
        try {
            DataInputStream in = new DataInputStream(socket.getInputStream());
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            while (true) {
                int length = in.readUnsignedShort();
                byte[] message = new byte[length];
                in.readFully(message);
                if (length == 1) {
                    switch (message[0]) {
                        case 0, 1, 2 -> chip.reset(); // power off / on / reset: the chip forgets its selection
                        case 4 -> send(out, ATR);
                        default -> LOG.fine(() -> "unknown vpcd control " + message[0]);
                    }
                } else if (length > 1) {
                    byte[] response;
                    try {
                        response = chip.transmit(message);
                    } catch (ApduTransportException e) {
                        response = new byte[] {0x6F, 0x00};
                    }
                    send(out, response);
                }
            }
        } catch (EOFException e) {
            LOG.fine("vpcd closed the card connection");
        } catch (IOException e) {
            if (!socket.isClosed()) {
                LOG.log(Level.INFO, "vpcd card connection failed", e);
            }
        }
    }

    private static void send(DataOutputStream out, byte[] payload) throws IOException {
        out.writeShort(payload.length);
        out.write(payload);
        out.flush();
    }

    /** Takes the card out of the reader. */
    @Override
    public void close() throws IOException {
        socket.close();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
