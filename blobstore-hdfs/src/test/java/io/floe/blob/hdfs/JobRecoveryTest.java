package io.floe.blob.hdfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.floe.api.JobId;
import io.floe.api.JobStatus;
import io.floe.configuration.ClusterOptions;
import io.floe.configuration.Configuration;
import io.floe.runtime.entrypoint.JobManagerServices;
import io.floe.runtime.jobgraph.JobGraph;
import io.floe.runtime.rest.RestServerFixture;
import io.floe.runtime.security.ClusterSecret;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the next JobManager on the same high-availability.storageDir recovers: the jobs that were
 * accepted and had not ended; one that ended (the last JobManager crashed before its cleanup) is
 * not run again, and its graph and checkpoint record go.
 */
class JobRecoveryTest {
    @TempDir
    Path haDir;

    @Test
    void aJobRecordedAsEndedIsCleanedUpAndNotRunAgain() throws Exception {
        String storageDir = haDir.toUri().toString();
        JobGraph ended = RestServerFixture.jobGraph("ended", Map.of());
        JobGraph unfinished = RestServerFixture.jobGraph("unfinished", Map.of());
        FileSystemJobGraphStore graphs = new FileSystemJobGraphStore(storageDir);
        graphs.put(ended);
        graphs.put(unfinished);
        FileSystemCompletedCheckpointStore checkpoints = new FileSystemCompletedCheckpointStore(storageDir);
        checkpoints.add(ended.jobId(), 4, "file:/tmp/no-such/chk-4");
        FileSystemJobResultStore results = new FileSystemJobResultStore(storageDir);
        results.markEnded(ended.jobId(), JobStatus.FINISHED);

        Configuration configuration = new Configuration();
        configuration.set(ClusterOptions.HA_STORAGE_DIR, storageDir);
        configuration.set(ClusterOptions.JOB_MANAGER_PORT, 0);
        configuration.set(ClusterOptions.JOB_MANAGER_ADDRESS, "localhost");
        configuration.set(ClusterOptions.BIND_HOST, "localhost");
        configuration.set(ClusterOptions.REST_PORT, 0);
        configuration.set(ClusterOptions.REST_BIND_ADDRESS, "localhost");
        configuration.set(ClusterOptions.REST_ADDRESS, "localhost");
        configuration.set(ClusterOptions.BLOB_SERVER_PORT, "0");
        try (JobManagerServices next = JobManagerServices.start(configuration, ClusterSecret.generate())) {
            List<JobId> recovered = next.recoverJobs();
            assertEquals(List.of(unfinished.jobId()), recovered);
        }
        assertEquals(List.of(unfinished), graphs.recover(), "the ended job's graph is gone");
        assertNull(checkpoints.latest(ended.jobId()), "and so is its checkpoint record");
        assertEquals(JobStatus.FINISHED, results.endedAs(ended.jobId()));
        assertNull(results.endedAs(unfinished.jobId()));
    }
}
