package io.floe.runtime.highavailability;

import io.floe.runtime.blob.BlobStore;
import java.io.IOException;

/**
 * Makes the durable stores of a JobManager under {@code high-availability.storageDir}. The runtime
 * holds only these interfaces; an implementation (Floe's is {@code floe-blobstore-hdfs}, on any
 * Hadoop file system) is found with {@link java.util.ServiceLoader} through a
 * {@code META-INF/services/io.floe.runtime.highavailability.DurableStorageFactory} entry.
 */
public interface DurableStorageFactory {
    /** Creates {@code storageDir} if needed and writes (and deletes) a file in it; fails if this process cannot. */
    void checkWritable(String storageDir) throws IOException;

    /** The durable copy of permanent blobs under {@code storageDir}. */
    BlobStore createBlobStore(String storageDir) throws IOException;

    /** The store of accepted job graphs under {@code storageDir}. */
    JobGraphStore createJobGraphStore(String storageDir) throws IOException;

    /** The record of each job's latest completed checkpoint under {@code storageDir}. */
    CompletedCheckpointStore createCompletedCheckpointStore(String storageDir) throws IOException;

    /** The record of how each job that ended for good ended, under {@code storageDir}. */
    JobResultStore createJobResultStore(String storageDir) throws IOException;

    /** Where the leading JobManager publishes its address ({@code high-availability.type: yarn}). */
    LeaderStore createLeaderStore(String storageDir) throws IOException;
}
