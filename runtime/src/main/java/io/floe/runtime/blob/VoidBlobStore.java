package io.floe.runtime.blob;

import io.floe.api.JobId;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * A {@link BlobStore} that keeps nothing, for clusters without high availability: a failed
 * JobManager takes its jobs, and so their blobs, with it. Stateless and thread-safe.
 */
public final class VoidBlobStore implements BlobStore {

    @Override
    public void put(Path localFile, JobId jobId, BlobKey key) {
        BlobStore.checkStorable(jobId, key);
    }

    @Override
    public boolean get(JobId jobId, BlobKey key, Path targetFile) {
        return false;
    }

    @Override
    public void delete(JobId jobId, BlobKey key) {}

    @Override
    public void deleteAll(JobId jobId) {}

    @Override
    public Map<JobId, Set<BlobKey>> listAll() {
        return Map.of();
    }

    @Override
    public String toString() {
        return "VoidBlobStore";
    }
}
