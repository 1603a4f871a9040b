package org.eticket.connector.terminal;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The devices of a terminal run on a PC: lamp, display and printer are shown on the
 * console, the flap gate as a line too. Which devices exist follows the terminal kind: a
 * home reader/writer has a screen and sound only, a gate has the flap, kiosks and
 * dispensers and gates print. The last states are kept for the operator (and tests).
 */
public final class ConsoleDevices implements Devices {

    enum Device { LAMP, DISPLAY, AUDIO, GATE, PRINTER }

    private final String kind;
    private final Set<Device> devices;
    private final PrintStream out;
    private final List<String> history = new ArrayList<>();
    private Lamp lamp = Lamp.OFF;
    private String displayed = "";

    public ConsoleDevices(String kind, PrintStream out) {
        this.kind = kind.toUpperCase(Locale.ROOT);
        this.out = out;
        this.devices = switch (this.kind) {
            case "HOME_READER" -> EnumSet.of(Device.DISPLAY, Device.AUDIO);
            case "GATE" -> EnumSet.allOf(Device.class);
            case "KIOSK", "DISPENSER" -> EnumSet.of(Device.LAMP, Device.DISPLAY, Device.AUDIO, Device.PRINTER);
            default -> throw new IllegalArgumentException("terminal kind must be HOME_READER, KIOSK, GATE or DISPENSER, was " + kind);
        };
    }

    @Override
    public synchronized void lamp(Lamp state) throws IOException {
        need(Device.LAMP);
        lamp = state;
        show("lamp " + state);
    }

    @Override
    public synchronized void display(String text, boolean large) throws IOException {
        need(Device.DISPLAY);
        displayed = text;
        show(large ? "display (large): " + text.toUpperCase(Locale.ROOT) : "display: " + text);
    }

    @Override
    public synchronized void audio(String message) throws IOException {
        need(Device.AUDIO);
        show("audio: " + message);
    }

    @Override
    public synchronized void openGate() throws IOException {
        need(Device.GATE);
        show("flap gate opened for one passage");
    }

    @Override
    public synchronized void print(String text) throws IOException {
        need(Device.PRINTER);
        show("print: " + text);
    }

    public synchronized Lamp lampState() {
        return lamp;
    }

    public synchronized String displayed() {
        return displayed;
    }

    public synchronized List<String> history() {
        return List.copyOf(history);
    }

    private void need(Device device) throws IOException {
        if (!devices.contains(device)) {
            throw new IOException("a " + kind + " terminal has no " + device.name().toLowerCase(Locale.ROOT));
        }
    }

    private void show(String line) {
        history.add(line);
        out.println("[" + kind + "] " + line);
    }
}
