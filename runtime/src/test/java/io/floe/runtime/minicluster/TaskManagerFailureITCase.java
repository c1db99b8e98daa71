package io.floe.runtime.minicluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.api.JobStatus;
import io.floe.api.RuntimeExecutionMode;
import io.floe.api.StreamExecutionEnvironment;
import io.floe.api.WriteMode;
import io.floe.api.tuple.Tuple2;
import io.floe.configuration.ClusterOptions;
import io.floe.configuration.Configuration;
import io.floe.runtime.deployment.SlotStatus;
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
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A TaskManager stopped mid-job: the job restarts on the remaining slots and its result is exact. */
class TaskManagerFailureITCase {
    static final AtomicLong processed = new AtomicLong();

    @Test
    void jobRestartsAfterATaskManagerStopsAndGivesTheExactResult(@TempDir Path dir) throws Exception {
        // the functions run in this JVM and count through statics: start each run from zero (reruns too)
        processed.set(0);
        Path output = dir.resolve("sums");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment()
                .setParallelism(2)
                .setRuntimeMode(RuntimeExecutionMode.BATCH);
        env.getConfiguration()
                .setString("restart-strategy.type", "fixed-delay")
                .setString("restart-strategy.fixed-delay.attempts", "3")
                .setString("restart-strategy.fixed-delay.delay", "200 ms");
        env.fromSequence(0, 99_999)
                .map(i -> {
                    if (processed.incrementAndGet() % 500 == 0) {
                        LockSupport.parkNanos(5_000_000L); // about 1 s per 100,000 records: time to stop a TaskManager
                    }
                    return Tuple2.of(i % 7, i);
                })
                .keyBy(t -> t.f0)
                .reduce((a, b) -> Tuple2.of(a.f0, a.f1 + b.f1))
                .writeAsText(output.toString(), WriteMode.OVERWRITE);
        JobGraph jobGraph = JobGraphs.of(env, "restart after TaskManager loss");

        Configuration configuration = new Configuration();
        configuration.set(ClusterOptions.HEARTBEAT_INTERVAL, Duration.ofMillis(200));
        configuration.set(ClusterOptions.HEARTBEAT_TIMEOUT, Duration.ofSeconds(3));
        try (MiniCluster cluster = new MiniCluster(new MiniClusterConfiguration(3, 1, configuration))) {
            cluster.start();
            cluster.submitJob(jobGraph).get();
            Deadline.waitUntil(() -> processed.get() > 10_000, Duration.ofSeconds(30), "the job to make progress");

            int busy = -1;
            for (int i = 0; i < cluster.getTaskManagers().size() && busy < 0; i++) {
                for (SlotStatus slot :
                        cluster.requestSlotReport(i).get(10, TimeUnit.SECONDS).slots()) {
                    if (!slot.isFree()) {
                        busy = i;
                    }
                }
            }
            assertTrue(busy >= 0, "some TaskManager runs the job");
            long before = processed.get();
            cluster.stopTaskManager(busy);

            JobResult result = cluster.requestJobResult(jobGraph.jobId()).get(60, TimeUnit.SECONDS);
            assertEquals(JobStatus.FINISHED, result.status(), String.valueOf(result.error()));
            assertTrue(processed.get() >= before + 100_000, "the whole input was processed again after the restart");
        }
        Map<String, Long> expected = new HashMap<>();
        for (long i = 0; i < 100_000; i++) {
            expected.merge(String.valueOf(i % 7), i, Long::sum);
        }
        assertEquals(expected, TestOutput.lastCountPerKey(TestOutput.allLines(output)));
    }
}
