package org.eticket.connector.terminal;

import java.io.IOException;

/** The terminal's devices besides the reader. A device the terminal kind lacks answers with an IOException (COMMAND_FAILED). */
public interface Devices {

    enum Lamp { OFF, BLUE, RED }

    void lamp(Lamp state) throws IOException;

    void display(String text, boolean large) throws IOException;

    void audio(String message) throws IOException;

    void openGate() throws IOException;

    void print(String text) throws IOException;
}
