package io.floe.runtime.blob;

import io.floe.api.JobId;
import io.floe.runtime.util.Directories;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
        Directories.deleteRecursively(directoryOf(jobId));
    }

    /** Deletes the whole directory. */
    void deleteAll() throws IOException {
        Directories.deleteRecursively(root);
    }

    /** Deletes a temporary file; a failure is only logged, as the file goes with the directory. */
    static void deleteIfExists(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.debug("Could not delete the temporary file {}", file, e);
        }
    }
}
