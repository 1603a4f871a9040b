package org.eticket.chip.protocol;

/** READ FREE SPACE answer: bytes still free and the chip's memory size (C23 checks it before an assignment). */
public record FreeSpace(int freeBytes, int capacity) {
}
