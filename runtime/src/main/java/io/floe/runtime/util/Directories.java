package io.floe.runtime.util;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/** Deleting local directory trees, the one way every part of Floe does it. */
public final class Directories {

    private Directories() {}

    /**
     * Deletes the directory and everything in it; nothing happens if it does not exist. Files that vanish meanwhile
     * (another thread cleaning up too) are fine; a file that appears meanwhile fails the call, naming the directory.
     * Symbolic links are deleted, never followed.
     */
    public static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        Files.walkFileTree(directory, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null && !(e instanceof NoSuchFileException)) {
                    throw e;
                }
                try {
                    Files.deleteIfExists(dir);
                } catch (DirectoryNotEmptyException raced) {
                    throw new IOException("A file appeared in " + dir + " while it was being deleted.", raced);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
