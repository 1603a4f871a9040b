package org.eticket.chip.bench;

import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.eticket.chip.ChipUid;
import org.eticket.chip.TestTickets;
import org.eticket.chip.crypto.EventKeyRing;
import org.eticket.chip.crypto.EventSigningKey;
import org.eticket.chip.crypto.PersonalDataKey;
import org.eticket.chip.record.TicketIssuer;
import org.eticket.chip.record.TicketVerifier;
import org.eticket.chip.record.VerificationResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The offline gate's per-ticket cost (design §4: "decide offline in milliseconds"): verify the
 * Ed25519 signature, open the personal part and decode one record, per second on one core.
 * Run with the bench profile (README "Benchmark").
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class TicketVerificationBenchmark {

    private ChipUid chip;
    private byte[] record;
    private TicketVerifier verifier;
    private EventSigningKey signingKey;
    private byte[] message;
    private byte[] signature;

    @Setup
    public void issue() {
        SecureRandom random = new SecureRandom();
        chip = ChipUid.random(random);
        signingKey = EventSigningKey.generate(random);
        PersonalDataKey personalKey = PersonalDataKey.generate(random);
        record = new TicketIssuer(signingKey, personalKey, random).issue(TestTickets.ticket(chip, "T-2026-000001"));
        // A gate's ring holds several events' keys; the lookup is part of the cost.
        EventKeyRing ring = EventKeyRing.of(List.of(signingKey), List.of(personalKey));
        for (int i = 0; i < 8; i++) {
            ring = ring.with(EventSigningKey.generate(random).verificationOnly()).with(PersonalDataKey.generate(random));
        }
        verifier = new TicketVerifier(ring.verificationOnly());
        message = record.clone();
        signature = signingKey.sign(message);
        if (!verifier.verify(chip, record).verified()) {
            throw new IllegalStateException("benchmark record does not verify");
        }
    }

    @Benchmark
    public VerificationResult verifyDecryptDecode() {
        return verifier.verify(chip, record);
    }

    /** Ed25519 verification alone, the floor of the figure above. */
    @Benchmark
    public boolean ed25519VerifyOnly() {
        return signingKey.verify(message, signature);
    }
}
