package io.floe.blob.hdfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.floe.api.JobClient;
import io.floe.api.JobId;
import io.floe.api.JobStatus;
import io.floe.configuration.ClusterOptions;
import io.floe.configuration.Configuration;
import io.floe.runtime.dispatcher.EmbeddedExecutor;
import io.floe.runtime.entrypoint.JobManagerServices;
import io.floe.runtime.jobgraph.JobGraph;
import io.floe.runtime.rest.RestServerFixture;
import io.floe.runtime.security.ClusterSecret;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
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
    void anApplicationsJobThatEndedUnderAnEarlierAttemptIsAnsweredWithoutRunningAgain() throws Exception {
        String storageDir = haDir.toUri().toString();
        Supplier<JobId> firstAttempt = EmbeddedExecutor.idsOf("application_1_0007");
        JobId firstJob = firstAttempt.get();
        JobId secondJob = firstAttempt.get();
        new FileSystemJobResultStore(storageDir).markEnded(firstJob, JobStatus.FINISHED);
        try (JobManagerServices next = JobManagerServices.start(configuration(storageDir), ClusterSecret.generate())) {
            EmbeddedExecutor executor = new EmbeddedExecutor(next, EmbeddedExecutor.idsOf("application_1_0007"));
            JobClient client = executor.execute(
                            RestServerFixture.jobGraph("the program's first job", Map.of()), new Configuration())
                    .get();
            assertEquals(firstJob, client.getJobId(), "the same id as in the first attempt");
            assertEquals(firstJob, client.getJobExecutionResult().get().getJobId());
            assertEquals(List.of(), next.listJobs().get(), "not run again");
            assertNotEquals(firstJob, secondJob, "each job of the program has its own id");
        }
    }

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

        Configuration configuration = configuration(storageDir);
        try (JobManagerServices next = JobManagerServices.start(configuration, ClusterSecret.generate())) {
            List<JobId> recovered = next.recoverJobs();
            assertEquals(List.of(unfinished.jobId()), recovered);
        }
        assertEquals(List.of(unfinished), graphs.recover(), "the ended job's graph is gone");
        assertNull(checkpoints.latest(ended.jobId()), "and so is its checkpoint record");
        assertEquals(JobStatus.FINISHED, results.endedAs(ended.jobId()));
        assertNull(results.endedAs(unfinished.jobId()));
    }

    private static Configuration configuration(String storageDir) {
        Configuration configuration = new Configuration();
        configuration.set(ClusterOptions.HA_STORAGE_DIR, storageDir);
        configuration.set(ClusterOptions.JOB_MANAGER_PORT, 0);
        configuration.set(ClusterOptions.JOB_MANAGER_ADDRESS, "localhost");
        configuration.set(ClusterOptions.BIND_HOST, "localhost");
        configuration.set(ClusterOptions.REST_PORT, 0);
        configuration.set(ClusterOptions.REST_BIND_ADDRESS, "localhost");
        configuration.set(ClusterOptions.REST_ADDRESS, "localhost");
        configuration.set(ClusterOptions.BLOB_SERVER_PORT, "0");
        return configuration;
    }
}
