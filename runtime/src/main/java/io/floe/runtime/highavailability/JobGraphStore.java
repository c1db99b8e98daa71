package io.floe.runtime.highavailability;

import io.floe.api.JobId;
import io.floe.runtime.jobgraph.JobGraph;
import java.io.IOException;
import java.util.List;

/**
 * The job graphs a JobManager has accepted and not yet finished, kept durably so that the next
 * JobManager (a new YARN application attempt) submits them again. Their jars are {@code blob:}
 * keys that the BlobServer restores from its BlobStore. Implementations are thread-safe and block
 * on I/O: call them from an I/O thread.
 */
public interface JobGraphStore {
    /** Stores the graph, replacing an earlier one of the job; a crash leaves the old or the new one, whole. */
    void put(JobGraph jobGraph) throws IOException;

    /** Forgets the job; nothing happens if it is not stored. */
    void remove(JobId jobId) throws IOException;

    /** Every stored graph; one that cannot be read is logged and skipped, so the others still recover. */
    List<JobGraph> recover() throws IOException;
}
