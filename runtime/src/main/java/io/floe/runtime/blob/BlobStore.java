package io.floe.runtime.blob;

import io.floe.api.JobId;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * The durable copy of permanent blobs, from which a new JobManager (a new YARN application
 * attempt, a standby taking over) rebuilds what the last one held.
 *
 * <p>Only {@link BlobType#PERMANENT} keys are stored, always under a job. A blob becomes
 * visible only once complete: a crash during {@link #put} leaves either nothing or an earlier
 * complete copy. Implementations are thread-safe; their methods block on I/O, so call them from
 * an I/O thread, never from an event loop or a component's main thread. Failures are
 * {@link IOException}s that name the job and the key.
 */
public interface BlobStore {

    /** Copies the local file into the store under the job and key; replaces an earlier copy. */
    void put(Path localFile, JobId jobId, BlobKey key) throws IOException;

    /**
     * Copies the stored blob into {@code targetFile} (created or replaced). The bytes are those
     * stored, not checked against the key: the caller checks them (the {@link BlobServer} does
     * before it serves a restored blob), so a corrupted copy is refused, never served.
     *
     * @return {@code false} if the store holds no such blob; {@code targetFile} is then untouched
     */
    boolean get(JobId jobId, BlobKey key, Path targetFile) throws IOException;

    /** Deletes one blob; nothing happens if it is not stored. */
    void delete(JobId jobId, BlobKey key) throws IOException;

    /** Deletes every blob of the job; nothing happens if there is none. */
    void deleteAll(JobId jobId) throws IOException;

    /** Every stored key, per job, for recovery. Jobs without blobs do not appear. */
    Map<JobId, Set<BlobKey>> listAll() throws IOException;

    /**
     * Checks the arguments of a store's methods: only permanent blobs, always under a job.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    static void checkStorable(JobId jobId, BlobKey key) {
        if (jobId == null) {
            throw new IllegalArgumentException("Blobs are stored under a job; the job id must not be null.");
        }
        if (key == null || key.type() != BlobType.PERMANENT) {
            throw new IllegalArgumentException("Only permanent blobs are stored durably, not " + key + ".");
        }
    }
}
