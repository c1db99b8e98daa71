package io.floe.runtime.minicluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.api.JobStatus;
import io.floe.api.StreamExecutionEnvironment;
import io.floe.api.functions.sink.SinkFunction;
import io.floe.api.functions.source.SourceFunction;
import io.floe.configuration.Configuration;
import io.floe.runtime.execution.JobGraphs;
import io.floe.runtime.execution.JobResult;
import io.floe.runtime.jobgraph.JobGraph;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * A source that emits 1 KB records as fast as it can into a sink that takes about a millisecond
 * per record, for 20 seconds, across two TaskManagers (local and remote channels). Without
 * backpressure the source would queue gigabytes; with it, the records in flight and the heap stay
 * small.
 */
class BackpressureITCase {
    static final AtomicLong emitted = new AtomicLong();
    static final AtomicLong consumed = new AtomicLong();

    /** Emits 1 KB strings as fast as the pipeline accepts them. */
    static final class FastSource implements SourceFunction<String> {
        private volatile boolean running = true;

        @Override
        public void run(SourceContext<String> ctx) {
            String payload = "x".repeat(1024);
            long i = 0;
            while (running) {
                ctx.collect(i++ + payload);
                emitted.incrementAndGet();
            }
        }

        @Override
        public void cancel() {
            running = false;
        }
    }

    /** Takes about a millisecond per record: the deliberately slow consumer. */
    static final class SlowSink implements SinkFunction<String> {
        @Override
        public void invoke(String value) {
            LockSupport.parkNanos(1_000_000L);
            consumed.incrementAndGet();
        }
    }

    @Test
    void slowSinkThrottlesAFastSourceWithBoundedMemory() throws Exception {
        // the functions run in this JVM and count through statics: start each run from zero (reruns too)
        emitted.set(0);
        consumed.set(0);
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.getExecutionEnvironment().setParallelism(2);
        env.addSource(new FastSource()).rebalance().addSink(new SlowSink()).setParallelism(2);
        JobGraph jobGraph = JobGraphs.of(env, "backpressure");
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

        try (MiniCluster cluster = new MiniCluster(new MiniClusterConfiguration(2, 1, new Configuration()))) {
            cluster.start();
            System.gc();
            long baseline = memory.getHeapMemoryUsage().getUsed();
            cluster.submitJob(jobGraph).get();

            long maxHeapGrowth = 0;
            long maxInFlight = 0;
            long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (System.nanoTime() < end) {
                LockSupport.parkNanos(Duration.ofSeconds(1).toNanos());
                System.gc();
                maxHeapGrowth =
                        Math.max(maxHeapGrowth, memory.getHeapMemoryUsage().getUsed() - baseline);
                maxInFlight = Math.max(maxInFlight, emitted.get() - consumed.get());
            }
            assertTrue(consumed.get() > 1_000, "the sink made progress: " + consumed.get());
            // records buffered between source and sink: a few 32 KB buffers per channel, not the source's pace
            assertTrue(maxInFlight < 20_000, "records in flight: " + maxInFlight + " (emitted " + emitted.get() + ")");
            assertTrue(maxHeapGrowth < 200L << 20, "heap grew by " + (maxHeapGrowth >> 20) + " MB");

            cluster.getDispatcherGateway().cancelJob(jobGraph.jobId()).get(10, TimeUnit.SECONDS);
            JobResult result = cluster.requestJobResult(jobGraph.jobId()).get(30, TimeUnit.SECONDS);
            assertEquals(JobStatus.CANCELED, result.status());
        }
    }
}
