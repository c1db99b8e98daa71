package io.floe.runtime.blob;

import io.floe.api.JobId;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local directory of a BlobServer or BlobCache: {@code <root>/job_<jobId>/blob_<key>} for
 * job blobs, {@code <root>/no_job/blob_<key>} for transient ones, and {@code <root>/incoming/}
 * for files being written, which reach their place by an atomic rename on the same file system.
 * Thread-safe; callers serialize what must not interleave (e.g. deleting a job while adding
 * one of its blobs).
 */
final class BlobDirectory {
    private static final Logger LOG = LoggerFactory.getLogger(BlobDirectory.class);

    private final Path root;
    private final Path incoming;

    BlobDirectory(Path root) throws IOException {
        this.root = root.toAbsolutePath();
        this.incoming = this.root.resolve("incoming");
        Files.createDirectories(incoming);
    }

    Path root() {
        return root;
    }

    /** Where the blob lives; {@code jobId} is null for blobs without a job. */
    Path pathOf(JobId jobId, BlobKey key) {
        return directoryOf(jobId).resolve("blob_" + key);
    }

    Path directoryOf(JobId jobId) {
        return root.resolve(jobId == null ? "no_job" : "job_" + jobId);
    }

    /** A fresh path under {@code incoming/}; the caller creates, moves or deletes the file. */
    Path newIncomingFile() {
        return incoming.resolve("temp-" + UUID.randomUUID());
    }

    /** Atomically moves a file from {@code incoming/} to its place, replacing an earlier copy. */
    void moveIntoPlace(Path incomingFile, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        try {
            Files.move(incomingFile, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("The blob directory " + root + " does not support atomic renames.", e);
        }
    }

    /** Deletes the directory of the job's blobs, if any. */
    void deleteJob(JobId jobId) throws IOException {
        deleteRecursively(directoryOf(jobId));
    }

    /** Deletes the whole directory. */
    void deleteAll() throws IOException {
        deleteRecursively(root);
    }

    /** Deletes a temporary file; a failure is only logged, as the file goes with the directory. */
    static void deleteIfExists(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.debug("Could not delete the temporary file {}", file, e);
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
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
