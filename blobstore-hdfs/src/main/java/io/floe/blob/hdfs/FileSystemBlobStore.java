package io.floe.blob.hdfs;

import io.floe.api.JobId;
import io.floe.runtime.blob.BlobKey;
import io.floe.runtime.blob.BlobServer;
import io.floe.runtime.blob.BlobStore;
import io.floe.runtime.blob.BlobType;
import io.floe.runtime.fs.FileSystemResolver;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.StreamCapabilities;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link BlobStore} on any Hadoop file system: a local directory, or HDFS in a YARN
 * deployment with high availability.
 *
 * <p>Layout: {@code <base>/job_<jobId>/blob_<key>}. A blob is written to a hidden temporary file
 * in its job's directory ({@code .blob_<key>.<random>.inprogress}), synced where the file system
 * can, and then renamed, so readers never see a half-written blob. The rename replaces an
 * earlier copy atomically, also on HDFS, whose {@code FileSystem.rename} will not: a blob put
 * again never disappears, not even for a moment. A writer that dies leaves its hidden file, which
 * {@link #listAll} and {@link #get} ignore and {@link #deleteAll} removes with the job.
 *
 * <p>{@link #get} copies the bytes as stored, and opens the blob again if a put replaced it
 * mid-read; the {@link BlobServer} checks the bytes against the key before it serves them. Thread-safe (the
 * Hadoop {@link FileSystem} is); every method blocks on the file system.
 */
public final class FileSystemBlobStore implements BlobStore {
    private static final Logger LOG = LoggerFactory.getLogger(FileSystemBlobStore.class);
    private static final String JOB_DIR_PREFIX = "job_";
    private static final String BLOB_PREFIX = "blob_";
    /** Reads retried when the blob was replaced under them; more than one replacement in a row is unheard of. */
    private static final int MAX_READ_ATTEMPTS = 3;

    private final FileSystem fileSystem;
    private final Path basePath;
    /** Guarded by this. */
    private FileContext fileContext;

    /**
     * A store under {@code basePath}, on the file system that the path's scheme and the Hadoop
     * configuration on the classpath select (the raw local file system for local paths, so no
     * {@code .crc} files appear).
     */
    public FileSystemBlobStore(Path basePath) throws IOException {
        this(FileSystemResolver.resolve(basePath), basePath);
    }

    /** A store under {@code basePath} on the given file system. */
    public FileSystemBlobStore(FileSystem fileSystem, Path basePath) {
        if (fileSystem == null || basePath == null) {
            throw new IllegalArgumentException("The file system and base path of a blob store must not be null.");
        }
        this.fileSystem = fileSystem;
        this.basePath = fileSystem.makeQualified(basePath);
    }

    @Override
    public void put(java.nio.file.Path localFile, JobId jobId, BlobKey key) throws IOException {
        BlobStore.checkStorable(jobId, key);
        Path target = blobPath(jobId, key);
        Path temp = new Path(target.getParent(), "." + BLOB_PREFIX + key + "." + UUID.randomUUID() + ".inprogress");
        try {
            try (InputStream in = Files.newInputStream(localFile);
                    FSDataOutputStream out = fileSystem.create(temp, true)) {
                in.transferTo(out);
                if (out.hasCapability(StreamCapabilities.HSYNC)) {
                    out.hsync();
                }
            }
            moveIntoPlace(temp, target);
            LOG.debug("Stored blob {} of job {} at {}", key, jobId, target);
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new IOException(
                    "Could not store blob " + key + " of job " + jobId + " at " + target + ": " + e.getMessage(), e);
        }
    }

    private void moveIntoPlace(Path temp, Path target) throws IOException {
        if (fileSystem.rename(temp, target)) {
            return;
        }
        // HDFS's FileSystem.rename does not replace an existing file; it returns false. Deleting
        // the earlier copy first would hide the blob from readers for a moment, and lose it for
        // good if the process died in between. FileContext replaces it atomically (on HDFS in one
        // NameNode operation), and fails with the reason if the rename is impossible.
        fileContext().rename(temp, target, Options.Rename.OVERWRITE);
    }

    /** Created on first use: only a rename over an existing blob needs it, and on HDFS it opens a client of its own. */
    private synchronized FileContext fileContext() throws IOException {
        if (fileContext == null) {
            fileContext = FileContext.getFileContext(fileSystem.getUri(), fileSystem.getConf());
        }
        return fileContext;
    }

    @Override
    public boolean get(JobId jobId, BlobKey key, java.nio.file.Path targetFile) throws IOException {
        BlobStore.checkStorable(jobId, key);
        Path source = blobPath(jobId, key);
        for (int attempt = 1; ; attempt++) {
            FSDataInputStream in;
            try {
                in = fileSystem.open(source);
            } catch (FileNotFoundException e) {
                return false;
            } catch (IOException e) {
                throw new IOException(
                        "Could not read blob " + key + " of job " + jobId + " at " + source + ": " + e.getMessage(), e);
            }
            try (in) {
                Files.copy(in, targetFile, StandardCopyOption.REPLACE_EXISTING);
                return true;
            } catch (IOException e) {
                // A put of the same blob replaces the file under an open reader; HDFS then drops
                // the old copy's blocks and the read fails ("Blocklist ... has changed"). The
                // path always names a complete copy, so opening it again reads the new one.
                if (attempt == MAX_READ_ATTEMPTS) {
                    throw new IOException(
                            "Could not copy blob " + key + " of job " + jobId + " from " + source + " to " + targetFile
                                    + " (" + attempt + " attempts): " + e.getMessage(),
                            e);
                }
                LOG.info(
                        "Reading blob {} of job {} failed (attempt {}: {}); it was replaced mid-read, opening it again",
                        key,
                        jobId,
                        attempt,
                        e.getMessage());
            }
        }
    }

    @Override
    public void delete(JobId jobId, BlobKey key) throws IOException {
        BlobStore.checkStorable(jobId, key);
        Path path = blobPath(jobId, key);
        try {
            fileSystem.delete(path, false);
        } catch (IOException e) {
            throw new IOException(
                    "Could not delete blob " + key + " of job " + jobId + " at " + path + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void deleteAll(JobId jobId) throws IOException {
        if (jobId == null) {
            throw new IllegalArgumentException("The job id must not be null.");
        }
        Path directory = jobDirectory(jobId);
        try {
            fileSystem.delete(directory, true);
            LOG.debug("Deleted the stored blobs of job {} at {}", jobId, directory);
        } catch (IOException e) {
            throw new IOException(
                    "Could not delete the blobs of job " + jobId + " at " + directory + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Map<JobId, Set<BlobKey>> listAll() throws IOException {
        Map<JobId, Set<BlobKey>> keys = new HashMap<>();
        try {
            for (FileStatus jobDirectory : listOrEmpty(basePath)) {
                JobId jobId = jobIdOf(jobDirectory);
                if (jobId == null) {
                    continue;
                }
                Set<BlobKey> jobKeys = new HashSet<>();
                for (FileStatus blob : listOrEmpty(jobDirectory.getPath())) {
                    BlobKey key = keyOf(blob);
                    if (key != null) {
                        jobKeys.add(key);
                    }
                }
                if (!jobKeys.isEmpty()) {
                    keys.put(jobId, jobKeys);
                }
            }
        } catch (IOException e) {
            throw new IOException("Could not list the blobs under " + basePath + ": " + e.getMessage(), e);
        }
        return keys;
    }

    private FileStatus[] listOrEmpty(Path directory) throws IOException {
        try {
            return fileSystem.listStatus(directory);
        } catch (FileNotFoundException e) {
            return new FileStatus[0];
        }
    }

    private static JobId jobIdOf(FileStatus status) {
        String name = status.getPath().getName();
        if (!status.isDirectory() || !name.startsWith(JOB_DIR_PREFIX)) {
            return null;
        }
        try {
            return new JobId(name.substring(JOB_DIR_PREFIX.length()));
        } catch (IllegalArgumentException e) {
            LOG.debug("Ignoring {}: not a job directory", status.getPath());
            return null;
        }
    }

    private static BlobKey keyOf(FileStatus status) {
        String name = status.getPath().getName();
        if (!status.isFile() || !name.startsWith(BLOB_PREFIX)) {
            return null; // in-progress uploads start with '.'
        }
        try {
            BlobKey key = BlobKey.parse(name.substring(BLOB_PREFIX.length()));
            return key.type() == BlobType.PERMANENT ? key : null;
        } catch (IllegalArgumentException e) {
            LOG.debug("Ignoring {}: not a blob", status.getPath());
            return null;
        }
    }

    private Path jobDirectory(JobId jobId) {
        return new Path(basePath, JOB_DIR_PREFIX + jobId);
    }

    private Path blobPath(JobId jobId, BlobKey key) {
        return new Path(jobDirectory(jobId), BLOB_PREFIX + key);
    }

    private void deleteQuietly(Path temp) {
        try {
            fileSystem.delete(temp, false);
        } catch (IOException e) {
            LOG.warn("Could not delete the incomplete blob upload {}", temp, e);
        }
    }

    @Override
    public String toString() {
        return "FileSystemBlobStore(" + basePath + ")";
    }
}
