package org.eticket.connector.adapter.inbound;

import jakarta.resource.spi.UnavailableException;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import jakarta.resource.spi.work.ExecutionContext;
import jakarta.resource.spi.work.Work;
import jakarta.resource.spi.work.WorkListener;
import jakarta.resource.spi.work.WorkManager;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Timer;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import javax.transaction.xa.XAResource;
import org.eticket.connector.adapter.pki.TerminalPki;
import org.eticket.connector.api.IssuedCertificate;
import org.eticket.connector.api.TerminalAdmission;
import org.eticket.connector.api.TerminalAdmissionListener;
import org.eticket.connector.api.TerminalEvent;
import org.eticket.connector.api.TerminalEventListener;
import org.eticket.connector.terminal.TerminalIdentity;

/**
 * The adapter's listener as the container runs it, without the container: a work manager
 * on a thread pool, and message endpoints that stand for the MDBs (an event recorder and
 * an admission authority that, like the registry, admits the current unrevoked
 * certificate and reports the last sequence it holds).
 */
final class AdapterHarness implements AutoCloseable {

    final TerminalPki pki;
    final TerminalServer server;
    final List<TerminalEvent> events = new CopyOnWriteArrayList<>();
    final Map<String, String> currentSerial = new ConcurrentHashMap<>();
    final Set<String> revoked = ConcurrentHashMap.newKeySet();
    /** Terminals whose events the "MDB" fails to take (to show the terminal resends them). */
    final Set<String> failing = ConcurrentHashMap.newKeySet();
    /** Numbered events delivered, counted even when {@link #keepEvents} is off (the benchmark). */
    final java.util.concurrent.atomic.AtomicLong delivered = new java.util.concurrent.atomic.AtomicLong();
    volatile boolean keepEvents = true;
    private final ExecutorService pool = Executors.newCachedThreadPool();
    final EventDispatcher dispatcher = new EventDispatcher();

    AdapterHarness(Path pkiDirectory, int recheckMillis) throws Exception {
        this(pkiDirectory, recheckMillis, 0);
    }

    AdapterHarness(Path pkiDirectory, int recheckMillis, int port) throws Exception {
        pki = TerminalPki.openOrCreate(pkiDirectory);
        TerminalActivationSpec all = new TerminalActivationSpec();
        all.setEventKinds("ONLINE,OFFLINE,CHIP_PRESENTED,CHIP_REMOVED,OPERATOR_INPUT,LOG_BATCH");
        all.validate();
        dispatcher.activate(new Factory(EventEndpoint::new), all);
        dispatcher.activate(new Factory(AdmissionEndpoint::new), new TerminalActivationSpec());
        server = new TerminalServer(new TerminalServer.Settings("127.0.0.1", port, 65536, 5000, recheckMillis, "test-instance"),
                pki.serverContext(), dispatcher, new PoolWorkManager(), new Timer(true));
        server.start();
    }

    /** Enrolls a terminal as the center would: its own key pair, a CSR, the CA's certificate. */
    TerminalIdentity enroll(String terminalId) throws Exception {
        KeyPair pair = TerminalIdentity.keyPair();
        IssuedCertificate issued = pki.issue(terminalId, TerminalIdentity.certificationRequest(terminalId, pair));
        currentSerial.put(terminalId, issued.serial());
        return TerminalIdentity.fromIssued(terminalId, pair, issued.certificatePem(), issued.caCertificatePem());
    }

    long lastSequence(String terminalId) {
        return events.stream().filter(e -> e.terminalId().equals(terminalId)).mapToLong(TerminalEvent::sequence).max().orElse(0);
    }

    List<TerminalEvent> events(String terminalId, TerminalEvent.Kind kind) {
        return events.stream().filter(e -> e.terminalId().equals(terminalId) && e.kind() == kind).toList();
    }

    TerminalEvent await(Predicate<TerminalEvent> condition, Duration timeout) throws InterruptedException {
        Instant until = Instant.now().plus(timeout);
        while (Instant.now().isBefore(until)) {
            for (TerminalEvent e : events) {
                if (condition.test(e)) {
                    return e;
                }
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no such event within " + timeout + "; events: " + events);
    }

    @Override
    public void close() {
        server.stop();
        pool.shutdownNow();
    }

    private final class EventEndpoint implements MessageEndpoint, TerminalEventListener {
        @Override
        public void onTerminalEvent(TerminalEvent event) {
            if (event.sequence() > 0 && failing.contains(event.terminalId())) {
                throw new IllegalStateException("the database is down");
            }
            if (event.sequence() > 0) {
                delivered.incrementAndGet();
            }
            if (keepEvents) {
                events.add(event);
            }
        }

        @Override public void beforeDelivery(Method method) { }

        @Override public void afterDelivery() { }

        @Override public void release() { }
    }

    private final class AdmissionEndpoint implements MessageEndpoint, TerminalAdmissionListener {
        @Override
        public TerminalAdmission admit(String terminalId, String certificateSerial) {
            if (revoked.contains(terminalId)) {
                return TerminalAdmission.refused("certificate revoked: lost device");
            }
            if (!certificateSerial.equals(currentSerial.get(terminalId))) {
                return TerminalAdmission.refused("not the terminal's current certificate");
            }
            return TerminalAdmission.admitted(lastSequence(terminalId));
        }

        @Override public void beforeDelivery(Method method) { }

        @Override public void afterDelivery() { }

        @Override public void release() { }
    }

    private record Factory(java.util.function.Supplier<MessageEndpoint> endpoints) implements MessageEndpointFactory {
        @Override public MessageEndpoint createEndpoint(XAResource xa) throws UnavailableException { return endpoints.get(); }

        @Override public MessageEndpoint createEndpoint(XAResource xa, long timeout) { return endpoints.get(); }

        @Override public boolean isDeliveryTransacted(Method method) { return false; }

        @Override public String getActivationName() { return "test"; }

        @Override public Class<?> getEndpointClass() { return Object.class; }
    }

    private final class PoolWorkManager implements WorkManager {
        @Override public void doWork(Work work) { work.run(); }

        @Override public void doWork(Work work, long l, ExecutionContext c, WorkListener w) { work.run(); }

        @Override public long startWork(Work work) { pool.submit(work); return 0; }

        @Override public long startWork(Work work, long l, ExecutionContext c, WorkListener w) { pool.submit(work); return 0; }

        @Override public void scheduleWork(Work work) { pool.submit(work); }

        @Override public void scheduleWork(Work work, long l, ExecutionContext c, WorkListener w) { pool.submit(work); }
    }
}
