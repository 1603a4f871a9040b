package org.eticket.issuance;

/** The chip's answer to PROVE TICKET for the settlement challenge (hex, data without the status word). */
public record SettlementProof(String response) {
}
