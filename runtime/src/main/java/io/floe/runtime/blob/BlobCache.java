package io.floe.runtime.blob;

import io.floe.api.JobId;
import io.floe.runtime.security.ClusterSecret;
import java.io.Closeable;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The TaskManager's local copy of the blobs its tasks need, fetched from the BlobServer.
 *
 * <p>{@link #getFile} returns a verified local file: a cached copy is hashed before it is
 * handed out, and a corrupted or truncated one is deleted and fetched again; a download goes to
 * a temporary file whose SHA-256 must match the key before it is renamed into place. Only one
 * fetch or check per blob runs at a time; other callers wait for it.
 *
 * <p>Jobs are reference-counted: each user (a slot, a class-loader lease) calls
 * {@link #registerJob} and later {@link #releaseJob}. When a job's count reaches zero its files
 * are deleted after the retention delay, unless it is registered again meanwhile, so a
 * restarted job does not download its jars again. Files of jobs never registered are deleted at
 * {@link #close()} with the whole cache directory.
 *
 * <p>Thread-safe. {@link #getFile} blocks on the disk and the network; call it from a task or
 * I/O thread. Retention runs on the given or an own scheduler.
 */
public final class BlobCache implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(BlobCache.class);
    /** Read timeout of a fetch, and connect timeout. */
    private static final Duration FETCH_TIMEOUT = Duration.ofSeconds(60);

    private final BlobDirectory directory;
    private final BlobClient client;
    private final Duration retention;
    private final ScheduledExecutorService scheduler;
    private final boolean ownsScheduler;
    private final Map<Path, CompletableFuture<Path>> inFlight = new ConcurrentHashMap<>();
    /** Held to read or add files; held exclusively to delete a job's files. */
    private final ReadWriteLock filesLock = new ReentrantReadWriteLock();
    /** Guarded by itself; taken before {@link #filesLock}, never after. */
    private final Map<JobId, JobReferences> jobs = new HashMap<>();

    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * A cache with a retention thread of its own.
     *
     * @param cacheDirectory local directory, owned by the cache and deleted on close
     * @param serverHost host of the BlobServer
     * @param serverPort port of the BlobServer
     * @param secret cluster secret; null when the server does not authenticate
     * @param retention how long a released job's files stay ({@code blob.service.cleanup.interval});
     *     zero deletes them at once
     */
    public BlobCache(Path cacheDirectory, String serverHost, int serverPort, byte[] secret, Duration retention)
            throws IOException {
        this(cacheDirectory, serverHost, serverPort, secret, retention, null);
    }

    /**
     * As {@link #BlobCache(Path, String, int, byte[], Duration)}, with retention on the given
     * scheduler, which the cache does not shut down; null to use a thread of its own.
     */
    public BlobCache(
            Path cacheDirectory,
            String serverHost,
            int serverPort,
            byte[] secret,
            Duration retention,
            ScheduledExecutorService scheduler)
            throws IOException {
        if (cacheDirectory == null || serverHost == null) {
            throw new IllegalArgumentException("The BlobCache needs a cache directory and the BlobServer's host.");
        }
        if (serverPort <= 0 || serverPort > 65535) {
            throw new IllegalArgumentException("The BlobServer port must be in 1..65535, not " + serverPort + ".");
        }
        if (retention == null || retention.isNegative()) {
            throw new IllegalArgumentException(
                    "The retention of released blobs must be zero or positive, not " + retention + ".");
        }
        this.directory = new BlobDirectory(cacheDirectory);
        this.retention = retention;
        this.ownsScheduler = scheduler == null;
        this.scheduler = scheduler != null
                ? scheduler
                : Executors.newSingleThreadScheduledExecutor(runnable -> {
                    Thread thread = new Thread(runnable, "blob-cache-retention");
                    thread.setDaemon(true);
                    return thread;
                });
        this.client = new BlobClient(
                InetSocketAddress.createUnresolved(serverHost, serverPort),
                secret == null ? null : ClusterSecret.of(secret),
                FETCH_TIMEOUT);
        LOG.info("BlobCache in {} for the BlobServer at {}:{}", directory.root(), serverHost, serverPort);
    }

    /**
     * A verified local copy of the blob, fetched from the BlobServer if needed.
     *
     * @param jobId the blob's job; null for transient blobs
     * @throws BlobNotFoundException if the BlobServer has no such blob
     * @throws IOException if the download fails or its content does not match the key; the
     *     message names the key
     */
    public Path getFile(JobId jobId, BlobKey key) throws IOException {
        BlobServer.checkScope(jobId, key);
        Path target = directory.pathOf(jobId, key);
        CompletableFuture<Path> mine = new CompletableFuture<>();
        CompletableFuture<Path> running = inFlight.putIfAbsent(target, mine);
        if (running != null) {
            return await(running, key);
        }
        try {
            Path path = checkOrFetch(jobId, key, target);
            mine.complete(path);
            return path;
        } catch (IOException | RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(target, mine);
        }
    }

    private Path checkOrFetch(JobId jobId, BlobKey key, Path target) throws IOException {
        filesLock.readLock().lock();
        try {
            requireOpen();
            if (Files.exists(target)) {
                if (BlobContentHash.matches(target, key)) {
                    return target;
                }
                LOG.warn(
                        "The cached copy of blob {} at {} is corrupted (its SHA-256 does not match); deleting it and "
                                + "fetching it again",
                        key,
                        target);
                Files.delete(target);
            }
            return fetch(jobId, key, target);
        } finally {
            filesLock.readLock().unlock();
        }
    }

    private Path fetch(JobId jobId, BlobKey key, Path target) throws IOException {
        Path incoming = directory.newIncomingFile();
        try {
            String hash = client.download(jobId, key, incoming);
            if (!hash.equals(key.hash())) {
                throw new IOException("The download of blob " + key + (jobId == null ? "" : " of job " + jobId)
                        + " from the BlobServer at " + client.serverName() + " is corrupted: its SHA-256 is " + hash
                        + ".");
            }
            directory.moveIntoPlace(incoming, target);
            LOG.debug("Fetched blob {} of job {} into {}", key, jobId, target);
            return target;
        } finally {
            BlobDirectory.deleteIfExists(incoming);
        }
    }

    private static Path await(CompletableFuture<Path> running, BlobKey key) throws IOException {
        try {
            return running.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while waiting for blob " + key + ".");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw new IOException(io.getMessage(), io);
            }
            throw new IOException("Fetching blob " + key + " failed: " + e.getCause(), e.getCause());
        }
    }

    /** Adds a user of the job's blobs; cancels a pending deletion of its files. */
    public void registerJob(JobId jobId) {
        requireJob(jobId);
        synchronized (jobs) {
            requireOpen();
            JobReferences references = jobs.computeIfAbsent(jobId, id -> new JobReferences());
            references.count++;
            if (references.pendingDeletion != null) {
                references.pendingDeletion.cancel(false);
                references.pendingDeletion = null;
                LOG.debug("Job {} registered again; keeping its blobs", jobId);
            }
        }
    }

    /**
     * Removes a user of the job's blobs. When none is left, the job's files are deleted after
     * the retention delay (at once, on this thread, when it is zero).
     *
     * @throws IllegalStateException if the job is not registered
     */
    public void releaseJob(JobId jobId) {
        requireJob(jobId);
        synchronized (jobs) {
            JobReferences references = jobs.get(jobId);
            if (references == null || references.count == 0) {
                throw new IllegalStateException("Job " + jobId + " is not registered with the BlobCache.");
            }
            if (--references.count > 0) {
                return;
            }
            if (retention.isZero()) {
                deleteIfUnused(jobId);
            } else {
                references.pendingDeletion =
                        scheduler.schedule(() -> deleteIfUnused(jobId), retention.toNanos(), TimeUnit.NANOSECONDS);
            }
        }
    }

    private void deleteIfUnused(JobId jobId) {
        synchronized (jobs) {
            JobReferences references = jobs.get(jobId);
            if (references == null || references.count > 0 || closed.get()) {
                return;
            }
            jobs.remove(jobId);
            filesLock.writeLock().lock();
            try {
                directory.deleteJob(jobId);
                LOG.info("Deleted the cached blobs of job {}", jobId);
            } catch (IOException e) {
                LOG.warn("Could not delete the cached blobs of job {}; they go when the BlobCache closes", jobId, e);
            } finally {
                filesLock.writeLock().unlock();
            }
        }
    }

    /** Stops fetching and deletes the cache directory. Idempotent. */
    @Override
    public void close() throws IOException {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        synchronized (jobs) {
            jobs.values().forEach(references -> {
                if (references.pendingDeletion != null) {
                    references.pendingDeletion.cancel(false);
                }
            });
            jobs.clear();
        }
        if (ownsScheduler) {
            scheduler.shutdownNow();
        }
        client.close();
        filesLock.writeLock().lock();
        try {
            directory.deleteAll();
        } finally {
            filesLock.writeLock().unlock();
        }
        LOG.info("BlobCache closed; deleted {}", directory.root());
    }

    private void requireOpen() {
        if (closed.get()) {
            throw new IllegalStateException("The BlobCache is closed.");
        }
    }

    private static void requireJob(JobId jobId) {
        if (jobId == null) {
            throw new IllegalArgumentException("The job id must not be null.");
        }
    }

    /** Users of one job's blobs; guarded by {@link #jobs}. */
    private static final class JobReferences {
        int count;
        ScheduledFuture<?> pendingDeletion;
    }
}
