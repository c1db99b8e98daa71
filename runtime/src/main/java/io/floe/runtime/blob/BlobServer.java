package io.floe.runtime.blob;

import io.floe.api.JobId;
import io.floe.runtime.security.ClusterSecret;
import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores job jars and other artifacts in the JobManager and serves them to the TaskManagers'
 * {@link BlobCache}s over TCP.
 *
 * <p>Blobs are named by the SHA-256 of their content, computed while they are copied into the
 * storage directory ({@code <storageDirectory>/job_<jobId>/blob_<key>}, {@code no_job/} for
 * transient ones) and moved into place atomically. Permanent blobs belong to a job and are
 * written through to the {@link BlobStore} before they become visible; when the local copy is
 * missing, {@link #getFile} restores it from the store and checks its SHA-256 against the key.
 * That is how a new JobManager (the next YARN application attempt) recovers, lazily: it starts
 * with an empty storage directory and restores each blob on its first request, so blobs of jobs
 * that are not run again are never copied.
 * Transient blobs are local only and expire when not read or written for the time to live.
 *
 * <p>Threads: all public methods are thread-safe and block on disk or BlobStore I/O, so call
 * them from an I/O executor, not from a component's main thread. Puts and gets run
 * concurrently; {@link #cleanupJob} and expiry wait for them. The network side runs on its own
 * Netty threads (see {@link BlobTransferServer}); expiry runs on the given or an own scheduler.
 */
public final class BlobServer implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(BlobServer.class);

    private final BlobDirectory directory;
    private final BlobStore blobStore;
    private final TransientBlobExpiry transientExpiry;
    private final ScheduledExecutorService ownScheduler;
    private final ScheduledFuture<?> expiryTask;
    private final BlobTransferServer transferServer;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final AtomicLong fetchRequests = new AtomicLong();
    private final AtomicBoolean closing = new AtomicBoolean();
    private volatile boolean closed;

    /**
     * Starts a server that runs transient-blob expiry on a thread of its own.
     *
     * @param bindAddress host name or address to listen on; null for all interfaces
     * @param port TCP port; 0 picks a free one (see {@link #getPort()})
     * @param storageDirectory local directory, owned by this server and deleted on close
     * @param blobStore durable copy of permanent blobs ({@link VoidBlobStore} without HA)
     * @param secret cluster secret that clients must prove; null for no authentication
     * @param transientTtl how long a transient blob lives after its last access
     *     ({@code blob.service.cleanup.interval})
     */
    public BlobServer(
            String bindAddress,
            int port,
            Path storageDirectory,
            BlobStore blobStore,
            byte[] secret,
            Duration transientTtl)
            throws IOException {
        this(bindAddress, port, storageDirectory, blobStore, secret, transientTtl, null);
    }

    /**
     * As {@link #BlobServer(String, int, Path, BlobStore, byte[], Duration)}, with expiry on the
     * given scheduler, which the server does not shut down; null to use a thread of its own.
     */
    public BlobServer(
            String bindAddress,
            int port,
            Path storageDirectory,
            BlobStore blobStore,
            byte[] secret,
            Duration transientTtl,
            ScheduledExecutorService scheduler)
            throws IOException {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("The BlobServer port must be in 0..65535, not " + port + ".");
        }
        if (storageDirectory == null || blobStore == null) {
            throw new IllegalArgumentException("The BlobServer needs a storage directory and a BlobStore.");
        }
        this.directory = new BlobDirectory(storageDirectory);
        this.blobStore = blobStore;
        this.transientExpiry = new TransientBlobExpiry(transientTtl, System::nanoTime);
        this.ownScheduler = scheduler == null
                ? Executors.newSingleThreadScheduledExecutor(runnable -> {
                    Thread thread = new Thread(runnable, "blob-server-expiry");
                    thread.setDaemon(true);
                    return thread;
                })
                : null;
        ScheduledExecutorService expiryScheduler = scheduler == null ? ownScheduler : scheduler;
        long periodNanos = Math.max(transientTtl.toNanos() / 2, TimeUnit.MILLISECONDS.toNanos(10));
        this.expiryTask = expiryScheduler.scheduleWithFixedDelay(
                this::expireTransientBlobs, periodNanos, periodNanos, TimeUnit.NANOSECONDS);
        InetSocketAddress address =
                bindAddress == null ? new InetSocketAddress(port) : new InetSocketAddress(bindAddress, port);
        try {
            this.transferServer =
                    new BlobTransferServer(address, secret == null ? null : ClusterSecret.of(secret), this::serve);
        } catch (IOException | RuntimeException e) {
            stopExpiry();
            throw e;
        }
        LOG.info(
                "BlobServer listening on {} with storage directory {}, BlobStore {}, authentication {}",
                getAddress(),
                directory.root(),
                blobStore,
                secret == null ? "off" : "on");
    }

    /** The port the server listens on. */
    public int getPort() {
        return transferServer.address().getPort();
    }

    /** The address the server listens on. */
    public InetSocketAddress getAddress() {
        return transferServer.address();
    }

    /** Stores a copy of the file as a permanent blob of the job, locally and in the BlobStore. */
    public BlobKey putPermanent(JobId jobId, Path file) throws IOException {
        requireJob(jobId);
        try (InputStream in = Files.newInputStream(file)) {
            return put(jobId, in, BlobType.PERMANENT);
        }
    }

    /** Stores the bytes as a permanent blob of the job, locally and in the BlobStore. */
    public BlobKey putPermanent(JobId jobId, byte[] content) throws IOException {
        requireJob(jobId);
        return put(jobId, new ByteArrayInputStream(content), BlobType.PERMANENT);
    }

    /** Stores the bytes as a transient blob (no job, not in the BlobStore, expires). */
    public BlobKey putTransient(byte[] content) throws IOException {
        return put(null, new ByteArrayInputStream(content), BlobType.TRANSIENT);
    }

    private BlobKey put(JobId jobId, InputStream content, BlobType type) throws IOException {
        Path incoming = directory.newIncomingFile();
        lock.readLock().lock();
        try {
            requireOpen();
            BlobKey key = BlobContentHash.copy(content, incoming, type);
            if (type == BlobType.PERMANENT) {
                // durable first: a blob visible locally is always recoverable
                blobStore.put(incoming, jobId, key);
            } else {
                transientExpiry.touch(key);
            }
            directory.moveIntoPlace(incoming, directory.pathOf(jobId, key));
            LOG.debug("Stored blob {}{}", key, jobId == null ? "" : " of job " + jobId);
            return key;
        } finally {
            lock.readLock().unlock();
            BlobDirectory.deleteIfExists(incoming);
        }
    }

    /**
     * The local file of a blob. A permanent blob missing locally is restored from the BlobStore
     * (and its hash checked); reading a transient blob renews its time to live.
     *
     * @param jobId the blob's job; null for transient blobs
     * @throws BlobNotFoundException if neither the storage directory nor the BlobStore has it
     * @throws IOException if the BlobStore's copy is corrupted or cannot be read
     */
    public Path getFile(JobId jobId, BlobKey key) throws IOException {
        checkScope(jobId, key);
        lock.readLock().lock();
        try {
            requireOpen();
            Path path = directory.pathOf(jobId, key);
            if (Files.exists(path)) {
                if (key.type() == BlobType.TRANSIENT) {
                    transientExpiry.touch(key);
                }
                return path;
            }
            if (key.type() == BlobType.TRANSIENT) {
                throw new BlobNotFoundException(
                        "Transient blob " + key + " is not stored on the BlobServer (it may have expired).");
            }
            return restoreFromStore(jobId, key, path);
        } finally {
            lock.readLock().unlock();
        }
    }

    private Path restoreFromStore(JobId jobId, BlobKey key, Path path) throws IOException {
        Path incoming = directory.newIncomingFile();
        try {
            if (!blobStore.get(jobId, key, incoming)) {
                throw new BlobNotFoundException("Blob " + key + " of job " + jobId
                        + " is neither in the BlobServer's storage directory nor in " + blobStore + ".");
            }
            if (!BlobContentHash.matches(incoming, key)) {
                throw new IOException("The copy of blob " + key + " of job " + jobId + " in " + blobStore
                        + " is corrupted: its SHA-256 does not match the key.");
            }
            directory.moveIntoPlace(incoming, path);
            LOG.info("Restored blob {} of job {} from {}", key, jobId, blobStore);
            return path;
        } finally {
            BlobDirectory.deleteIfExists(incoming);
        }
    }

    private Path serve(JobId jobId, BlobKey key) throws IOException {
        fetchRequests.incrementAndGet();
        return getFile(jobId, key);
    }

    /** Deletes every blob of the job, locally and in the BlobStore. Waits for running puts and gets. */
    public void cleanupJob(JobId jobId) throws IOException {
        requireJob(jobId);
        lock.writeLock().lock();
        try {
            requireOpen();
            directory.deleteJob(jobId);
            blobStore.deleteAll(jobId);
            LOG.info("Deleted the blobs of job {}", jobId);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** How many blob requests remote caches have sent so far (served or not). */
    public long fetchRequestCount() {
        return fetchRequests.get();
    }

    private void expireTransientBlobs() {
        for (BlobKey key : transientExpiry.expired()) {
            lock.writeLock().lock();
            try {
                if (closed || !transientExpiry.isExpired(key)) {
                    continue;
                }
                transientExpiry.forget(key);
                Files.deleteIfExists(directory.pathOf(null, key));
                LOG.debug("Transient blob {} expired", key);
            } catch (IOException e) {
                LOG.warn("Could not delete the expired transient blob {}; trying again later", key, e);
                transientExpiry.touch(key);
            } finally {
                lock.writeLock().unlock();
            }
        }
    }

    /** Stops serving and deletes the storage directory; the BlobStore keeps its blobs. Idempotent. */
    @Override
    public void close() throws IOException {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        transferServer.close();
        stopExpiry();
        lock.writeLock().lock();
        try {
            closed = true;
            directory.deleteAll();
        } finally {
            lock.writeLock().unlock();
        }
        LOG.info("BlobServer stopped; deleted {}", directory.root());
    }

    private void stopExpiry() {
        expiryTask.cancel(false);
        if (ownScheduler != null) {
            ownScheduler.shutdownNow();
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("The BlobServer is closed.");
        }
    }

    private static void requireJob(JobId jobId) {
        if (jobId == null) {
            throw new IllegalArgumentException("Permanent blobs belong to a job; the job id must not be null.");
        }
    }

    static void checkScope(JobId jobId, BlobKey key) {
        if (key == null) {
            throw new IllegalArgumentException("The blob key must not be null.");
        }
        if (key.type() == BlobType.PERMANENT && jobId == null) {
            throw new IllegalArgumentException(
                    "Permanent blob " + key + " belongs to a job; the job id must not be null.");
        }
        if (key.type() == BlobType.TRANSIENT && jobId != null) {
            throw new IllegalArgumentException(
                    "Transient blob " + key + " has no job, but job " + jobId + " was given.");
        }
    }
}
