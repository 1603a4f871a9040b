package org.eticket.chip.protocol;

import org.eticket.chip.ChipUid;
import org.eticket.chip.crypto.ChipKeys;
import org.eticket.chip.crypto.ChipMacs;

/**
 * The evidence of one GET CHALLENGE + INTERNAL AUTHENTICATE exchange. A terminal collects it; the
 * center, which alone can derive the chip's authentication key, decides whether the chip is
 * genuine (C14 "the card is authenticated", C23 "both chips authenticated").
 */
public record ChipAuthentication(byte[] chipChallenge, byte[] terminalChallenge, byte[] response) {

    public ChipAuthentication {
        chipChallenge = chipChallenge.clone();
        terminalChallenge = terminalChallenge.clone();
        response = response.clone();
    }

    public boolean verify(ChipKeys keys, ChipUid uid) {
        return ChipMacs.matches(
                ChipMacs.authenticationResponse(keys.authenticationKey(), uid, chipChallenge, terminalChallenge),
                response);
    }

    @Override
    public byte[] chipChallenge() {
        return chipChallenge.clone();
    }

    @Override
    public byte[] terminalChallenge() {
        return terminalChallenge.clone();
    }

    @Override
    public byte[] response() {
        return response.clone();
    }
}
