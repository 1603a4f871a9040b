package org.eticket.connector.adapter.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.ConnectionEvent;
import jakarta.resource.spi.ConnectionEventListener;
import jakarta.resource.spi.XATerminator;
import jakarta.resource.spi.work.ExecutionContext;
import jakarta.resource.spi.work.Work;
import jakarta.resource.spi.work.WorkContext;
import jakarta.resource.spi.work.WorkListener;
import jakarta.resource.spi.work.WorkManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Timer;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.eticket.chip.ChipUid;
import org.eticket.chip.card.ChipEmulator;
import org.eticket.chip.card.ChipPersonalization;
import org.eticket.chip.crypto.MasterKey;
import org.eticket.connector.adapter.TerminalResourceAdapter;
import org.eticket.connector.adapter.inbound.TerminalActivationSpec;
import org.eticket.connector.api.IssuedCertificate;
import org.eticket.connector.api.TerminalAdmission;
import org.eticket.connector.api.TerminalAdmissionListener;
import org.eticket.connector.api.TerminalCommand;
import org.eticket.connector.api.TerminalConnection;
import org.eticket.connector.api.TerminalException;
import org.eticket.connector.terminal.CenterLink;
import org.eticket.connector.terminal.ConsoleDevices;
import org.eticket.connector.terminal.Devices;
import org.eticket.connector.terminal.EmulatedChipPort;
import org.eticket.connector.terminal.EventOutbox;
import org.eticket.connector.terminal.TerminalIdentity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The outbound side as the container drives it: two adapter instances share one terminal
 * CA; a terminal enrolled through instance A's connection connects to A; an EJB's handle
 * on A reaches its chip and devices, a handle on B gets NOT_CONNECTED naming B; closing a
 * handle tells the pool the physical connection is free again.
 */
class OutboundConnectionTest {

    private static final byte[] SELECT = HexFormat.of().parseHex("00A4040008F0455449434B455400");

    @TempDir
    Path dir;

    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final List<AutoCloseable> closing = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : closing) {
            c.close();
        }
        pool.shutdownNow();
    }

    @Test
    void aHandleReachesTerminalsOfItsInstanceOnlyAndReturnsToThePool() throws Exception {
        TerminalResourceAdapter a = adapter("instance-a");
        TerminalResourceAdapter b = adapter("instance-b");
        List<ConnectionEvent> closed = new CopyOnWriteArrayList<>();
        TerminalManagedConnection physicalA = physical(a, closed);
        TerminalManagedConnection physicalB = physical(b, closed);

        // Enrollment through the outbound connection: the CA signs the terminal's own key.
        KeyPair pair = TerminalIdentity.keyPair();
        IssuedCertificate issued;
        try (TerminalConnection c = (TerminalConnection) physicalA.getConnection(null, null)) {
            issued = c.issueCertificate("KIOSK-01", TerminalIdentity.certificationRequest("KIOSK-01", pair));
            assertEquals(TerminalException.Reason.REFUSED,
                    assertThrows(TerminalException.class, () -> c.issueCertificate("KIOSK-02", new byte[] {1, 2, 3})).reason());
        }
        assertEquals(1, closed.size(), "closing the handle returned the physical connection to the pool");
        TerminalIdentity identity = TerminalIdentity.fromIssued("KIOSK-01", pair, issued.certificatePem(), issued.caCertificatePem());

        EmulatedChipPort reader = new EmulatedChipPort();
        ChipUid uid = ChipUid.parse("04AABBCCDDEE01");
        reader.place(ChipEmulator.inMemory(ChipPersonalization.of(uid, "t", MasterKey.generate(1, new SecureRandom()).chipKeys(uid))));
        ConsoleDevices devices = new ConsoleDevices("KIOSK", new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        EventOutbox outbox = EventOutbox.open(dir.resolve("outbox"));
        CenterLink link = new CenterLink("127.0.0.1", a.server().port(), "KIOSK-01", identity.sslContext(), outbox, reader, devices,
                Duration.ofMillis(50));
        closing.add(0, outbox);
        closing.add(0, link);
        link.start();
        assertTrue(link.awaitOnline(Duration.ofSeconds(20)), () -> "online: " + link.lastProblem());

        try (TerminalConnection c = (TerminalConnection) physicalA.getConnection(null, null)) {
            assertEquals("instance-a", c.instanceId());
            assertTrue(c.connectedTerminals().contains("KIOSK-01"));
            byte[] fci = c.transmit("KIOSK-01", SELECT, Duration.ofSeconds(10));
            assertTrue(HexFormat.of().withUpperCase().formatHex(fci).endsWith("9000"));
            c.execute("KIOSK-01", TerminalCommand.lampBlue(), Duration.ofSeconds(10));
            assertEquals(Devices.Lamp.BLUE, devices.lampState());
            TerminalException noGate = assertThrows(TerminalException.class,
                    () -> c.execute("KIOSK-01", TerminalCommand.openGate(), Duration.ofSeconds(10)));
            assertEquals(TerminalException.Reason.FAILED, noGate.reason());
            assertTrue(noGate.getMessage().contains("a KIOSK terminal has no gate"), noGate.getMessage());
            assertEquals(TerminalException.Reason.BAD_REQUEST,
                    assertThrows(TerminalException.class, () -> c.transmit("KIOSK-01", new byte[] {0}, Duration.ofSeconds(1))).reason());
        }
        try (TerminalConnection c = (TerminalConnection) physicalB.getConnection(null, null)) {
            TerminalException elsewhere = assertThrows(TerminalException.class,
                    () -> c.transmit("KIOSK-01", SELECT, Duration.ofSeconds(1)));
            assertEquals(TerminalException.Reason.NOT_CONNECTED, elsewhere.reason());
            assertEquals("terminal KIOSK-01 is not connected to this instance (instance-b)", elsewhere.getMessage());
            assertFalse(c.disconnect("KIOSK-01", "not here"));
        }
        assertEquals(3, closed.size());

        try (TerminalConnection c = (TerminalConnection) physicalA.getConnection(null, null)) {
            assertTrue(c.disconnect("KIOSK-01", "certificate revoked: test"));
        }
        assertTrue(link.awaitOffline(Duration.ofSeconds(20)));
        physicalA.cleanup();
    }

    private TerminalManagedConnection physical(TerminalResourceAdapter adapter, List<ConnectionEvent> closed) throws Exception {
        TerminalManagedConnectionFactory factory = new TerminalManagedConnectionFactory();
        factory.setResourceAdapter(adapter);
        assertEquals(jakarta.resource.spi.TransactionSupport.TransactionSupportLevel.NoTransaction, factory.getTransactionSupport());
        TerminalManagedConnection physical = (TerminalManagedConnection) factory.createManagedConnection(null, null);
        physical.addConnectionEventListener(new ConnectionEventListener() {
            @Override public void connectionClosed(ConnectionEvent event) { closed.add(event); }

            @Override public void localTransactionStarted(ConnectionEvent event) { }

            @Override public void localTransactionCommitted(ConnectionEvent event) { }

            @Override public void localTransactionRolledback(ConnectionEvent event) { }

            @Override public void connectionErrorOccurred(ConnectionEvent event) { }
        });
        return physical;
    }

    /** An adapter started as the container starts it, with an admission endpoint that admits every CA certificate. */
    private TerminalResourceAdapter adapter(String instance) throws Exception {
        TerminalResourceAdapter adapter = new TerminalResourceAdapter();
        adapter.setPort(0);
        adapter.setBindAddress("127.0.0.1");
        adapter.setPkiDirectory(dir.resolve("shared-pki").toString());
        adapter.setInstanceId(instance);
        adapter.start(new Bootstrap());
        closing.add(adapter::stop);
        adapter.endpointActivation(new AdmitAll(), new TerminalActivationSpec());
        return adapter;
    }

    private record AdmitAll() implements jakarta.resource.spi.endpoint.MessageEndpointFactory {
        @Override
        public jakarta.resource.spi.endpoint.MessageEndpoint createEndpoint(javax.transaction.xa.XAResource xa) {
            return new Endpoint();
        }

        @Override
        public jakarta.resource.spi.endpoint.MessageEndpoint createEndpoint(javax.transaction.xa.XAResource xa, long timeout) {
            return new Endpoint();
        }

        @Override public boolean isDeliveryTransacted(java.lang.reflect.Method method) { return false; }

        @Override public String getActivationName() { return "admit-all"; }

        @Override public Class<?> getEndpointClass() { return Endpoint.class; }
    }

    private static final class Endpoint implements jakarta.resource.spi.endpoint.MessageEndpoint, TerminalAdmissionListener {
        @Override public TerminalAdmission admit(String terminalId, String serial) { return TerminalAdmission.admitted(0); }

        @Override public void beforeDelivery(java.lang.reflect.Method method) { }

        @Override public void afterDelivery() { }

        @Override public void release() { }
    }

    private final class Bootstrap implements BootstrapContext {
        @Override
        public WorkManager getWorkManager() {
            return new WorkManager() {
                @Override public void doWork(Work work) { work.run(); }

                @Override public void doWork(Work work, long l, ExecutionContext c, WorkListener w) { work.run(); }

                @Override public long startWork(Work work) { pool.submit(work); return 0; }

                @Override public long startWork(Work work, long l, ExecutionContext c, WorkListener w) { pool.submit(work); return 0; }

                @Override public void scheduleWork(Work work) { pool.submit(work); }

                @Override public void scheduleWork(Work work, long l, ExecutionContext c, WorkListener w) { pool.submit(work); }
            };
        }

        @Override public XATerminator getXATerminator() { return null; }

        @Override public Timer createTimer() { return new Timer(true); }

        @Override public boolean isContextSupported(Class<? extends WorkContext> type) { return false; }

        @Override public TransactionSynchronizationRegistry getTransactionSynchronizationRegistry() { return null; }
    }
}
