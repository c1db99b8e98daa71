package io.floe.runtime.minicluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.api.JobStatus;
import io.floe.api.RuntimeExecutionMode;
import io.floe.api.StreamExecutionEnvironment;
import io.floe.api.tuple.Tuple2;
import io.floe.configuration.ClusterOptions;
import io.floe.configuration.Configuration;
import io.floe.runtime.execution.JobGraphs;
import io.floe.runtime.execution.JobResult;
import io.floe.runtime.jobgraph.JobGraph;
import io.floe.testutils.Deadline;
import io.floe.testutils.TestOutput;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** keyBy at parallelism 2 on 2 TaskManagers x 1 slot: exact sums, and records really crossed the network. */
class KeyByAcrossTaskManagersITCase {

    @Test
    void keyedSumsAreExactAndRecordsCrossTheNetwork(@TempDir Path dir) throws Exception {
        Path output = dir.resolve("sums");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment()
                .setParallelism(2)
                .setRuntimeMode(RuntimeExecutionMode.BATCH);
        env.fromSequence(0, 199_999)
                .map(i -> Tuple2.of(i % 101, i))
                .keyBy(t -> t.f0)
                .reduce((a, b) -> Tuple2.of(a.f0, a.f1 + b.f1))
                .writeAsText(output.toString());
        JobGraph jobGraph = JobGraphs.of(env, "keyed sums");

        Map<String, Long> expected = new HashMap<>();
        for (long i = 0; i < 200_000; i++) {
            expected.merge(String.valueOf(i % 101), i, Long::sum);
        }

        try (MiniCluster cluster = new MiniCluster(new MiniClusterConfiguration(2, 1, new Configuration()))) {
            cluster.start();
            cluster.submitJob(jobGraph).get();
            JobResult result = cluster.requestJobResult(jobGraph.jobId()).get(60, TimeUnit.SECONDS);
            assertEquals(JobStatus.FINISHED, result.status(), String.valueOf(result.error()));

            long remoteRecords = 0;
            for (TaskManagerRunner tm : cluster.getTaskManagers()) {
                long received = tm.getNetwork().getMetrics().getRemoteRecordsReceived();
                assertTrue(received > 0, "each TaskManager received keyed records from the other one");
                remoteRecords += received;
            }
            // about half of the 200,000 records belong to keys owned by the other TaskManager
            assertTrue(remoteRecords > 50_000 && remoteRecords < 150_000, "remote records: " + remoteRecords);
        }
        assertEquals(expected, TestOutput.lastCountPerKey(TestOutput.allLines(output)));
    }

    @Test
    void clusterReportsItsTaskManagersAndSlots() throws Exception {
        Configuration configuration = new Configuration();
        configuration.set(ClusterOptions.HEARTBEAT_INTERVAL, Duration.ofMillis(200));
        try (MiniCluster cluster = new MiniCluster(new MiniClusterConfiguration(2, 3, configuration))) {
            cluster.start();
            Deadline.waitUntil(
                    () -> cluster.getDispatcherGateway()
                                    .requestResourceOverview()
                                    .join()
                                    .numberOfSlots()
                            == 6,
                    Duration.ofSeconds(20),
                    "2 TaskManagers with 3 slots each");
            assertEquals(
                    2,
                    cluster.getDispatcherGateway()
                            .requestResourceOverview()
                            .join()
                            .numberOfTaskManagers());
        }
    }
}
