package io.floe.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.api.checkpoint.CheckpointedFunction;
import io.floe.api.connector.file.sink.FileSink;
import io.floe.api.functions.sink.filesystem.bucketassigners.BasePathBucketAssigner;
import io.floe.api.functions.sink.filesystem.rollingpolicies.OnCheckpointRollingPolicy;
import io.floe.api.functions.source.SourceFunction;
import io.floe.api.serialization.SimpleStringEncoder;
import io.floe.api.state.FunctionInitializationContext;
import io.floe.api.state.FunctionSnapshotContext;
import io.floe.api.state.ListState;
import io.floe.api.state.ListStateDescriptor;
import io.floe.api.tuple.Tuple3;
import io.floe.testutils.Deadline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two-input state across a savepoint restored at another parallelism: an interval join stopped
 * midway (both sides' buffered elements and cleanup timers in keyed state) goes on at parallelism
 * 3 and, over both runs, the exactly-once sink holds every pair once.
 */
class TwoInputRecoveryITCase {
    private static final long LEFTS = 3_000;
    private static final long RIGHTS = 2_250;
    private static final long LOWER = -50;
    private static final long UPPER = 100;
    private static volatile long throttleNanos;

    @TempDir
    Path dir;

    @Test
    void anIntervalJoinStoppedWithASavepointGoesOnAtAnotherParallelism() throws Exception {
        Path output = dir.resolve("joined");
        throttleNanos = 1_000_000;
        StreamExecutionEnvironment first = environment(2);
        pipeline(first, output);
        JobClient running = first.executeAsync("interval join, first run");
        Deadline.waitUntil(
                () -> committedLines(output) > 0, Duration.ofSeconds(60), "pairs committed in the first run");
        String savepoint = running.stopWithSavepoint(
                        false, dir.resolve("savepoints").toUri().toString())
                .get(60, TimeUnit.SECONDS);
        running.getJobExecutionResult().get(60, TimeUnit.SECONDS);

        List<String> expected = expectedPairs();
        int beforeTheStop = committedLines(output);
        assertTrue(beforeTheStop < expected.size(), "stopped midway: " + beforeTheStop + " of " + expected.size());

        throttleNanos = 0;
        StreamExecutionEnvironment second = environment(3);
        second.getConfiguration().setString("execution.savepoint.path", savepoint);
        pipeline(second, output);
        second.execute("interval join, second run at parallelism 3");

        List<String> joined = new ArrayList<>(CheckpointRecoveryITCase.committedLines(output));
        joined.sort(null);
        assertEquals(expected, joined, "every pair once over both runs");
    }

    private static List<String> expectedPairs() {
        List<String> pairs = new ArrayList<>();
        for (long i = 0; i < LEFTS; i++) {
            Tuple3<String, Long, Long> l = ConnectedStreamsITCase.element(0, i);
            for (long j = 0; j < RIGHTS; j++) {
                Tuple3<String, Long, Long> r = ConnectedStreamsITCase.element(1, j);
                if (l.f0.equals(r.f0) && r.f2 >= l.f2 + LOWER && r.f2 <= l.f2 + UPPER) {
                    pairs.add(l.f1 + "," + r.f1 + "@" + Math.max(l.f2, r.f2));
                }
            }
        }
        pairs.sort(null);
        return pairs;
    }

    private static StreamExecutionEnvironment environment(int parallelism) {
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.getExecutionEnvironment().setParallelism(parallelism);
        env.enableCheckpointing(200);
        env.getConfiguration()
                .setString("pipeline.auto-watermark-interval", "20 ms")
                .setString("restart-strategy.type", "none");
        return env;
    }

    private static void pipeline(StreamExecutionEnvironment env, Path output) {
        DataStream<Tuple3<String, Long, Long>> left = env.addSource(new ElementsWithPositionInState(0, LEFTS))
                .uid("left")
                .assignTimestampsAndWatermarks(ConnectedStreamsITCase.boundedDisorder())
                .uid("left-timestamps");
        DataStream<Tuple3<String, Long, Long>> right = env.addSource(new ElementsWithPositionInState(1, RIGHTS))
                .uid("right")
                .assignTimestampsAndWatermarks(ConnectedStreamsITCase.boundedDisorder())
                .uid("right-timestamps");
        left.keyBy(e -> e.f0)
                .intervalJoin(right.keyBy(e -> e.f0))
                .between(Duration.ofMillis(LOWER), Duration.ofMillis(UPPER))
                .process(new ConnectedStreamsITCase.PairIds())
                .uid("join")
                .sinkTo(FileSink.forRowFormat(
                                new io.floe.api.fs.Path(output.toUri().toString()), new SimpleStringEncoder<String>())
                        .withBucketAssigner(new BasePathBucketAssigner<>())
                        .withRollingPolicy(OnCheckpointRollingPolicy.build())
                        .build())
                .uid("files");
    }

    /** Lines in the committed part files so far (in-progress files are hidden: their names start with a dot). */
    private static int committedLines(Path output) {
        if (!Files.exists(output)) {
            return 0;
        }
        try (var files = Files.walk(output)) {
            int lines = 0;
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                if (!file.getFileName().toString().startsWith(".")) {
                    lines += Files.readAllLines(file).size();
                }
            }
            return lines;
        } catch (IOException e) {
            return 0; // a part file renamed while listed: look again
        }
    }

    /** Stream {@code stream}'s elements in the order of i, the next i in operator state. */
    static final class ElementsWithPositionInState
            implements SourceFunction<Tuple3<String, Long, Long>>, CheckpointedFunction {
        private final int stream;
        private final long count;
        private transient ListState<Long> position;
        private long next;
        private volatile boolean running = true;

        ElementsWithPositionInState(int stream, long count) {
            this.stream = stream;
            this.count = count;
        }

        @Override
        public void initializeState(FunctionInitializationContext context) throws Exception {
            position = context.getOperatorStateStore().getListState(new ListStateDescriptor<>("next", Long.class));
            for (Long restored : position.get()) {
                next = restored;
            }
        }

        @Override
        public void run(SourceContext<Tuple3<String, Long, Long>> ctx) {
            while (running && next < count) {
                synchronized (ctx.getCheckpointLock()) {
                    ctx.collect(ConnectedStreamsITCase.element(stream, next));
                    next++;
                }
                if (throttleNanos > 0) {
                    LockSupport.parkNanos(throttleNanos);
                }
            }
        }

        @Override
        public void snapshotState(FunctionSnapshotContext context) throws Exception {
            position.update(List.of(next));
        }

        @Override
        public void cancel() {
            running = false;
        }
    }
}
