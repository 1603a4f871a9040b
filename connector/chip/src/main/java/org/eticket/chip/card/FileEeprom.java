package org.eticket.chip.card;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Objects;

/**
 * EEPROM kept in one file so a chip survives a restart of the emulator. Each sync writes the whole
 * image to a temporary file, forces it to disk and renames it over the old one, so the file always
 * holds a complete image, the previous or the new one.
 */
public final class FileEeprom implements Eeprom {

    private final Path file;
    private final byte[] cells;
    private byte[] durable;

    private FileEeprom(Path file, byte[] cells) {
        this.file = file;
        this.cells = cells;
        this.durable = cells.clone();
    }

    /** Creates the file; fails with {@link java.nio.file.FileAlreadyExistsException} if it exists. */
    public static FileEeprom create(Path file, int size) throws IOException {
        Objects.requireNonNull(file, "file");
        if (size <= 0) {
            throw new IllegalArgumentException("EEPROM size must be positive");
        }
        Files.createFile(file);
        FileEeprom eeprom = new FileEeprom(file, new byte[size]);
        eeprom.writeFile();
        return eeprom;
    }

    public static FileEeprom open(Path file) throws IOException {
        byte[] cells = Files.readAllBytes(file);
        if (cells.length == 0) {
            throw new IOException("empty chip file " + file);
        }
        return new FileEeprom(file, cells);
    }

    public Path file() {
        return file;
    }

    @Override
    public int size() {
        return cells.length;
    }

    @Override
    public byte[] read(int offset, int length) {
        Objects.checkFromIndexSize(offset, length, cells.length);
        return Arrays.copyOfRange(cells, offset, offset + length);
    }

    @Override
    public void write(int offset, byte[] data) {
        Objects.checkFromIndexSize(offset, data.length, cells.length);
        System.arraycopy(data, 0, cells, offset, data.length);
    }

    @Override
    public void sync() throws IOException {
        try {
            writeFile();
            durable = cells.clone();
        } catch (IOException e) {
            System.arraycopy(durable, 0, cells, 0, cells.length);
            throw e;
        }
    }

    private void writeFile() throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.wrap(cells);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
