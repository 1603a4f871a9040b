package org.eticket.chip.apdu;

/** The ISO/IEC 7816-4 status words this chip answers (SW1 SW2 as one int). */
public final class StatusWord {

    public static final int OK = 0x9000;
    /** SW1 61: SW2 more bytes wait for GET RESPONSE (00 means 256 or more). */
    public static final int SW1_BYTES_REMAINING = 0x61;
    /** The chip could not make a commit durable; its content is the one before the command. */
    public static final int MEMORY_FAILURE = 0x6581;
    public static final int WRONG_LENGTH = 0x6700;
    public static final int SECURITY_STATUS_NOT_SATISFIED = 0x6982;
    public static final int CONDITIONS_OF_USE_NOT_SATISFIED = 0x6985;
    public static final int INCORRECT_SECURE_MESSAGING_DATA = 0x6988;
    public static final int INCORRECT_DATA = 0x6A80;
    public static final int NOT_FOUND = 0x6A82;
    public static final int NOT_ENOUGH_MEMORY = 0x6A84;
    public static final int INCORRECT_P1_P2 = 0x6A86;
    public static final int INS_NOT_SUPPORTED = 0x6D00;
    public static final int CLA_NOT_SUPPORTED = 0x6E00;

    private StatusWord() {
    }

    public static String describe(int sw) {
        if ((sw >> 8) == SW1_BYTES_REMAINING) {
            return String.format("%04X more bytes available", sw);
        }
        String text = switch (sw) {
            case OK -> "success";
            case MEMORY_FAILURE -> "memory failure";
            case WRONG_LENGTH -> "wrong length";
            case SECURITY_STATUS_NOT_SATISFIED -> "security status not satisfied";
            case CONDITIONS_OF_USE_NOT_SATISFIED -> "conditions of use not satisfied";
            case INCORRECT_SECURE_MESSAGING_DATA -> "incorrect secure messaging data objects";
            case INCORRECT_DATA -> "incorrect parameters in the data field";
            case NOT_FOUND -> "not found";
            case NOT_ENOUGH_MEMORY -> "not enough memory space";
            case INCORRECT_P1_P2 -> "incorrect parameters P1-P2";
            case INS_NOT_SUPPORTED -> "instruction not supported";
            case CLA_NOT_SUPPORTED -> "class not supported";
            default -> "unknown status";
        };
        return String.format("%04X %s", sw, text);
    }
}
