package io.floe.yarn;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.LocalResourceType;
import org.apache.hadoop.yarn.api.records.LocalResourceVisibility;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The staging directory of one application, {@code <base>/.floe/<appId>/} with mode 700: the
 * application's own files (configuration, secret, job graph, job jars) go here as APPLICATION
 * resources; it is deleted when the application ends gracefully or its deployment fails, and else
 * (its last ApplicationMaster was killed) by the next deployment's {@link StagingSweeper}.
 * {@link #upload} may be called from several threads at once (the client uploads the files
 * together: each waits some 400 ms for HDFS to confirm its block); the rest from one thread.
 */
public final class ApplicationStaging {
    private static final Logger LOG = LoggerFactory.getLogger(ApplicationStaging.class);
    private static final FsPermission OWNER_ONLY = new FsPermission((short) 0700);

    private final FileSystem fs;
    private final org.apache.hadoop.fs.Path dir;

    private ApplicationStaging(FileSystem fs, org.apache.hadoop.fs.Path dir) {
        this.fs = fs;
        this.dir = dir;
    }

    /** {@code <base>/.floe}: the parent of every staging directory and of the framework jar cache. */
    static org.apache.hadoop.fs.Path floeBase(FileSystem fs, String configuredBase) {
        org.apache.hadoop.fs.Path base = configuredBase == null || configuredBase.isBlank()
                ? fs.getHomeDirectory()
                : fs.makeQualified(new org.apache.hadoop.fs.Path(configuredBase));
        return new org.apache.hadoop.fs.Path(base, ".floe");
    }

    static ApplicationStaging create(FileSystem fs, org.apache.hadoop.fs.Path floeBase, ApplicationId appId)
            throws IOException {
        org.apache.hadoop.fs.Path dir = new org.apache.hadoop.fs.Path(floeBase, appId.toString());
        // the parents first, with the default permissions: mkdirs would give them the 700 of the leaf
        fs.mkdirs(floeBase);
        if (!fs.mkdirs(dir, OWNER_ONLY)) {
            throw new IOException("Could not create the staging directory " + dir + " of " + appId);
        }
        fs.setPermission(dir, OWNER_ONLY); // mkdirs applies the umask
        LOG.info("Staging directory of {}: {}", appId, dir);
        return new ApplicationStaging(fs, dir);
    }

    /** Opens an existing staging directory (in the ApplicationMaster, to delete it). */
    public static ApplicationStaging open(FileSystem fs, String dir) {
        return new ApplicationStaging(fs, new org.apache.hadoop.fs.Path(dir));
    }

    public org.apache.hadoop.fs.Path path() {
        return dir;
    }

    /** Uploads a local file as {@code key} (a relative path) and describes it as an APPLICATION resource. */
    ShippedResource upload(Path local, String key) throws IOException {
        org.apache.hadoop.fs.Path remote = new org.apache.hadoop.fs.Path(dir, key);
        fs.copyFromLocalFile(false, true, new org.apache.hadoop.fs.Path(local.toUri()), remote);
        FileStatus status = fs.getFileStatus(remote);
        return ShippedResource.of(key, status, LocalResourceVisibility.APPLICATION);
    }

    /**
     * Uploads a local zip under its own name (the NodeManager unpacks by the name's extension) and
     * describes it as an APPLICATION archive that containers get unpacked into the directory {@code key}.
     */
    ShippedResource uploadArchive(Path zip, String key) throws IOException {
        org.apache.hadoop.fs.Path remote =
                new org.apache.hadoop.fs.Path(dir, zip.getFileName().toString());
        fs.copyFromLocalFile(false, true, new org.apache.hadoop.fs.Path(zip.toUri()), remote);
        return ShippedResource.of(
                key, fs.getFileStatus(remote), LocalResourceVisibility.APPLICATION, LocalResourceType.ARCHIVE);
    }

    /** {@link #upload} on {@code executor}; the future fails with an {@link java.io.UncheckedIOException}. */
    CompletableFuture<ShippedResource> uploadAsync(Path local, String key, Executor executor) {
        return onExecutor(() -> upload(local, key), local, executor);
    }

    /** {@link #uploadArchive} on {@code executor}; the future fails with an {@link java.io.UncheckedIOException}. */
    CompletableFuture<ShippedResource> uploadArchiveAsync(Path zip, String key, Executor executor) {
        return onExecutor(() -> uploadArchive(zip, key), zip, executor);
    }

    private interface Upload {
        ShippedResource run() throws IOException;
    }

    private CompletableFuture<ShippedResource> onExecutor(Upload upload, Path local, Executor executor) {
        return CompletableFuture.supplyAsync(
                () -> {
                    try {
                        return upload.run();
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(
                                "Could not upload " + local + " to " + dir + ": " + e.getMessage(), e);
                    }
                },
                executor);
    }

    /**
     * Waits for uploads started with {@link #uploadAsync}; the results in the order given.
     *
     * @throws IOException the first failure, with its cause
     */
    static List<ShippedResource> awaitAll(List<CompletableFuture<ShippedResource>> uploads) throws IOException {
        List<ShippedResource> done = new ArrayList<>();
        for (CompletableFuture<ShippedResource> upload : uploads) {
            try {
                done.add(upload.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("Interrupted while uploading the application's files");
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof java.io.UncheckedIOException unchecked) {
                    throw new IOException(unchecked.getMessage(), unchecked.getCause());
                }
                throw new IOException("Could not upload the application's files: " + cause, cause);
            }
        }
        return done;
    }

    /** Deletes the directory and everything in it; a missing one is fine. */
    public void delete() throws IOException {
        if (fs.delete(dir, true)) {
            LOG.info("Deleted the staging directory {}", dir);
        }
    }
}
