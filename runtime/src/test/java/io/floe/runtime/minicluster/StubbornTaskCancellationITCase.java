package io.floe.runtime.minicluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.api.JobStatus;
import io.floe.api.StreamExecutionEnvironment;
import io.floe.api.functions.sink.SinkFunction;
import io.floe.api.functions.source.SourceFunction;
import io.floe.configuration.ClusterOptions;
import io.floe.configuration.Configuration;
import io.floe.runtime.execution.JobGraphs;
import io.floe.runtime.execution.JobResult;
import io.floe.runtime.jobgraph.JobGraph;
import io.floe.testutils.Deadline;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * A task that ignores being cancelled (it swallows interrupts and has no cancel()) does not keep
 * its job CANCELLING: after task.cancellation.timeout the JobMaster gives up on it and the job is
 * CANCELED.
 */
class StubbornTaskCancellationITCase {
    /** Lets the stubborn sources end once the test is over, so the cluster can shut down. */
    static final AtomicBoolean released = new AtomicBoolean();

    static final AtomicBoolean started = new AtomicBoolean();

    /** Runs until the test releases it, whatever the task does to stop it. */
    static final class StubbornSource implements SourceFunction<String> {
        @Override
        public void run(SourceContext<String> ctx) {
            started.set(true);
            while (!released.get()) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
                Thread.interrupted(); // deliberately deaf to cancellation: forgets the interrupt
            }
        }

        @Override
        public void cancel() {
            // deliberately does nothing
        }
    }

    static final class DiscardingSink implements SinkFunction<String> {
        @Override
        public void invoke(String value) {}
    }

    @Test
    void aJobWhoseTaskIgnoresCancellationIsCanceledWithinTheTimeout() throws Exception {
        // the functions run in this JVM and count through statics: start each run from zero (reruns too)
        released.set(false);
        started.set(false);
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.getExecutionEnvironment().setParallelism(1);
        env.addSource(new StubbornSource()).addSink(new DiscardingSink());
        JobGraph jobGraph = JobGraphs.of(env, "stubborn");
        Configuration configuration = new Configuration();
        configuration.set(ClusterOptions.TASK_CANCELLATION_TIMEOUT, Duration.ofSeconds(2));

        try (MiniCluster cluster = new MiniCluster(new MiniClusterConfiguration(1, 1, configuration))) {
            cluster.start();
            try {
                cluster.submitJob(jobGraph).get(10, TimeUnit.SECONDS);
                Deadline.waitUntil(started::get, Duration.ofSeconds(20), "the stubborn source to start");

                long cancelledAt = System.nanoTime();
                cluster.getDispatcherGateway().cancelJob(jobGraph.jobId()).get(10, TimeUnit.SECONDS);
                JobResult result = cluster.requestJobResult(jobGraph.jobId()).get(20, TimeUnit.SECONDS);
                long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - cancelledAt);

                assertEquals(JobStatus.CANCELED, result.status());
                assertTrue(tookMillis >= 2_000, "the JobMaster waited for the task first: " + tookMillis + " ms");
                assertTrue(tookMillis < 12_000, "ended soon after the 2 s timeout: " + tookMillis + " ms");
            } finally {
                released.set(true);
            }
        }
    }
}
