package io.floe.runtime.rest.handler;

import io.floe.runtime.util.Directories;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The files of one multipart request, by the file name the client gave, all inside one directory
 * that belongs to this request alone. Whoever holds the request deletes that directory once the
 * answer is decided ({@link #deleteAll()}). Immutable apart from the files on disk.
 */
public final class UploadedFiles {
    private static final UploadedFiles NONE = new UploadedFiles(null, Map.of());

    private final Path directory;
    private final Map<String, Path> filesByName;

    private UploadedFiles(Path directory, Map<String, Path> filesByName) {
        this.directory = directory;
        this.filesByName = filesByName;
    }

    /** For requests without uploads. */
    public static UploadedFiles none() {
        return NONE;
    }

    /** @param directory the request's own directory; {@code filesByName} must point into it */
    public static UploadedFiles of(Path directory, Map<String, Path> filesByName) {
        return new UploadedFiles(directory, Collections.unmodifiableMap(new LinkedHashMap<>(filesByName)));
    }

    public Optional<Path> get(String fileName) {
        return Optional.ofNullable(filesByName.get(fileName));
    }

    public Map<String, Path> byName() {
        return filesByName;
    }

    public boolean isEmpty() {
        return filesByName.isEmpty();
    }

    /** Deletes the request's directory with everything in it; blocking file I/O. */
    public void deleteAll() {
        if (directory != null) {
            deleteRecursively(directory);
        }
    }

    /** Deletes a directory tree if it exists; blocking file I/O. */
    public static void deleteRecursively(Path directory) {
        try {
            Directories.deleteRecursively(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete the uploaded files in " + directory, e);
        }
    }

    @Override
    public String toString() {
        return "UploadedFiles" + filesByName.keySet();
    }
}
