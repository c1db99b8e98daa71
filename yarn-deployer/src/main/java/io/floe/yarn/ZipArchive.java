package io.floe.yarn;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Packs the files of one directory (not its subdirectories) into a zip, for a NodeManager to unpack. */
final class ZipArchive {
    private ZipArchive() {}

    /** Writes {@code zip} with every regular file of {@code directory} at the archive's top level; returns {@code zip}.
     * */
    static Path of(Path directory, Path zip) throws IOException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(directory)) {
            files = listing.filter(Files::isRegularFile).sorted().toList();
        }
        try (OutputStream file = Files.newOutputStream(zip);
                ZipOutputStream out = new ZipOutputStream(file)) {
            for (Path entry : files) {
                out.putNextEntry(new ZipEntry(entry.getFileName().toString()));
                Files.copy(entry, out);
                out.closeEntry();
            }
        }
        return zip;
    }
}
