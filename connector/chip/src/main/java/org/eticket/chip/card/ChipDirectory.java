package org.eticket.chip.card;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import org.eticket.chip.ChipUid;

/**
 * Emulated chips kept one file per UID ({@code <UID>.chip}) in a directory, for the demo and the
 * terminal program. A UID can be personalized only once. Open each chip in one emulator at a time.
 */
public final class ChipDirectory {

    private static final String SUFFIX = ".chip";

    private final Path directory;

    public ChipDirectory(Path directory) {
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    /** Personalizes a new chip; {@link java.nio.file.FileAlreadyExistsException} if its UID exists. */
    public ChipEmulator create(ChipPersonalization personalization) throws IOException {
        Files.createDirectories(directory);
        Path file = file(personalization.uid());
        FileEeprom eeprom = FileEeprom.create(file, ChipEmulator.eepromSize(personalization.capacity()));
        try {
            return ChipEmulator.personalize(eeprom, personalization);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    public ChipEmulator open(ChipUid uid) throws IOException {
        return ChipEmulator.boot(FileEeprom.open(file(uid)));
    }

    public List<ChipUid> uids() throws IOException {
        List<ChipUid> uids = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return uids;
        }
        try (Stream<Path> files = Files.list(directory)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                String name = p.getFileName().toString();
                if (name.endsWith(SUFFIX) && name.length() == 2 * ChipUid.LENGTH + SUFFIX.length()) {
                    try {
                        uids.add(ChipUid.parse(name.substring(0, 2 * ChipUid.LENGTH)));
                    } catch (IllegalArgumentException e) {
                        // Not a chip file (a name of 14 non-hex characters): not ours to list.
                    }
                }
            }
        }
        uids.sort((a, b) -> a.toString().compareTo(b.toString()));
        return uids;
    }

    private Path file(ChipUid uid) {
        return directory.resolve(uid + SUFFIX);
    }
}
