package io.floe.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.api.checkpoint.CheckpointedFunction;
import io.floe.api.connector.file.sink.FileSink;
import io.floe.api.functions.RichMapFunction;
import io.floe.api.functions.sink.filesystem.bucketassigners.BasePathBucketAssigner;
import io.floe.api.functions.sink.filesystem.rollingpolicies.OnCheckpointRollingPolicy;
import io.floe.api.functions.source.SourceFunction;
import io.floe.api.functions.windowing.ProcessWindowFunction;
import io.floe.api.serialization.SimpleStringEncoder;
import io.floe.api.state.CheckpointListener;
import io.floe.api.state.FunctionInitializationContext;
import io.floe.api.state.FunctionSnapshotContext;
import io.floe.api.state.ListState;
import io.floe.api.state.ListStateDescriptor;
import io.floe.api.tuple.Tuple2;
import io.floe.api.windowing.assigners.EventTimeSessionWindows;
import io.floe.api.windowing.assigners.SlidingEventTimeWindows;
import io.floe.api.windowing.assigners.TumblingEventTimeWindows;
import io.floe.api.windowing.evictors.TimeEvictor;
import io.floe.api.windowing.windows.TimeWindow;
import io.floe.testutils.Deadline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Windows and timers across a failure and a rescaling savepoint: their contents, trigger state
 * and timers are keyed state, so a restore from a checkpoint neither loses nor fires twice a
 * window, and a savepoint taken while windows are open fires them in a run at another
 * parallelism. Four outputs, all exactly-once file sinks: tumbling windows (aggregate), tumbling
 * windows with an evictor (every element kept with its timestamp), session windows (every element
 * kept) and windows built from MapState and event-time timers.
 */
class WindowRecoveryITCase {
    private static final long EVENTS = 20_000;
    private static final AtomicInteger FAILURES = new AtomicInteger();
    /** How long the source waits after each event. */
    private static volatile long throttleNanos;
    /** The source's position in its latest snapshot, over the JVM. */
    private static final AtomicLong SNAPSHOT_POSITION = new AtomicLong();

    @TempDir
    Path dir;

    @Test
    void windowsAndTimersSurviveAFailureNeitherLostNorFiredTwice() throws Exception {
        FAILURES.set(0);
        throttleNanos = 40_000;
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.getExecutionEnvironment().setParallelism(2);
        env.enableCheckpointing(100);
        env.getCheckpointConfig()
                .setCheckpointStorage(dir.resolve("checkpoints").toUri().toString());
        env.getConfiguration()
                .setString("pipeline.auto-watermark-interval", "20 ms")
                .setString("restart-strategy.type", "fixed-delay")
                .setString("restart-strategy.fixed-delay.attempts", "3")
                .setString("restart-strategy.fixed-delay.delay", "100 ms");
        pipeline(env, true);
        env.execute("windows with a failure");

        assertEquals(1, FAILURES.get(), "the failure was injected once, after a checkpoint had completed");
        assertEveryWindowOnce();
    }

    @Test
    void aSavepointWithOpenWindowsRestoresAtAnotherParallelism() throws Exception {
        throttleNanos = 300_000;
        StreamExecutionEnvironment first = environment(2);
        pipeline(first, false);
        JobClient running = first.executeAsync("windows, first run");
        Deadline.waitUntil(
                () -> committedLineCount(dir.resolve("tumbling")) > 0,
                Duration.ofSeconds(60),
                "windows fired and committed in the first run");
        String savepoint = running.stopWithSavepoint(
                        false, dir.resolve("savepoints").toUri().toString())
                .get(60, TimeUnit.SECONDS);
        running.getJobExecutionResult().get(60, TimeUnit.SECONDS);
        int firedBeforeTheStop = committedLineCount(dir.resolve("tumbling"));
        int expectedWindows =
                WindowITCase.expectedTumbling(WindowITCase.events(EVENTS)).size();
        assertTrue(
                firedBeforeTheStop < expectedWindows,
                "stopped with windows still to fire: " + firedBeforeTheStop + " of " + expectedWindows);

        throttleNanos = 0;
        StreamExecutionEnvironment second = environment(3);
        second.getConfiguration().setString("execution.savepoint.path", savepoint);
        pipeline(second, false);
        second.execute("windows, second run at parallelism 3");

        assertEveryWindowOnce();
    }

    @Test
    void aStopWithDrainFiresEveryOpenWindowBeforeTheSavepoint() throws Exception {
        throttleNanos = 300_000;
        SNAPSHOT_POSITION.set(0);
        StreamExecutionEnvironment env = environment(2);
        env.addSource(new EventsWithPositionInState(EVENTS))
                .assignTimestampsAndWatermarks(WindowITCase.boundedDisorder())
                .keyBy(e -> e.f0)
                .window(TumblingEventTimeWindows.of(Duration.ofSeconds(1)))
                .aggregate(new WindowITCase.CountEvents(), new WindowITCase.KeyAndWindow<>())
                .sinkTo(exactlyOnceFiles("drained"));
        JobClient running = env.executeAsync("windows, stopped with --drain");
        Deadline.waitUntil(
                () -> committedLineCount(dir.resolve("drained")) > 0,
                Duration.ofSeconds(60),
                "windows fired and committed before the stop");
        running.stopWithSavepoint(true, dir.resolve("savepoints").toUri().toString())
                .get(60, TimeUnit.SECONDS);
        running.getJobExecutionResult().get(60, TimeUnit.SECONDS);

        long read = SNAPSHOT_POSITION.get(); // the savepoint's: what came before its barrier
        assertTrue(read < EVENTS, "stopped midway: " + read);
        assertEquals(
                WindowITCase.expectedTumbling(WindowITCase.events(read)),
                WindowITCase.fired(CheckpointRecoveryITCase.committedLines(dir.resolve("drained"))),
                "every window of what was read fired, the open ones too, and was committed with the savepoint");
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

    private void pipeline(StreamExecutionEnvironment env, boolean injectFailure) {
        DataStream<Tuple2<String, Long>> events =
                env.addSource(new EventsWithPositionInState(EVENTS)).uid("events");
        if (injectFailure) {
            events = events.map(new FailOnceAfterACheckpoint()).uid("failure");
        }
        KeyedStream<Tuple2<String, Long>, String> keyed = events.assignTimestampsAndWatermarks(
                        WindowITCase.boundedDisorder())
                .uid("timestamps")
                .keyBy(e -> e.f0);
        keyed.window(TumblingEventTimeWindows.of(Duration.ofSeconds(1)))
                .aggregate(new WindowITCase.CountEvents(), new WindowITCase.KeyAndWindow<>())
                .uid("tumbling")
                .sinkTo(exactlyOnceFiles("tumbling"))
                .uid("tumbling-files");
        keyed.window(TumblingEventTimeWindows.of(Duration.ofSeconds(1)))
                .evictor(TimeEvictor.of(Duration.ofMillis(EvictorITCase.TIME_KEPT)))
                .aggregate(new WindowITCase.CountEvents(), new WindowITCase.KeyAndWindow<>())
                .uid("evicting")
                .sinkTo(exactlyOnceFiles("evicting"))
                .uid("evicting-files");
        keyed.window(SlidingEventTimeWindows.of(Duration.ofSeconds(1), Duration.ofMillis(250)))
                .process(new CountInWindow()) // panes of every element
                .uid("sliding")
                .sinkTo(exactlyOnceFiles("sliding"))
                .uid("sliding-files");
        keyed.window(EventTimeSessionWindows.withGap(Duration.ofMillis(200)))
                .process(new WindowITCase.CountElements())
                .uid("sessions")
                .sinkTo(exactlyOnceFiles("sessions"))
                .uid("sessions-files");
        keyed.process(new EventTimeITCase.TumblingCounts())
                .uid("timers")
                .sinkTo(exactlyOnceFiles("timers"))
                .uid("timers-files");
    }

    private FileSink<String> exactlyOnceFiles(String name) {
        return FileSink.forRowFormat(
                        new io.floe.api.fs.Path(dir.resolve(name).toUri().toString()),
                        new SimpleStringEncoder<String>())
                .withBucketAssigner(new BasePathBucketAssigner<>())
                .withRollingPolicy(OnCheckpointRollingPolicy.build())
                .build();
    }

    private void assertEveryWindowOnce() throws IOException {
        List<Tuple2<String, Long>> events = WindowITCase.events(EVENTS);
        Map<String, Long> tumbling = WindowITCase.expectedTumbling(events);
        assertEquals(
                tumbling,
                WindowITCase.fired(CheckpointRecoveryITCase.committedLines(dir.resolve("tumbling"))),
                "tumbling windows");
        assertEquals(
                EvictorITCase.expectedTimeEvicted(events),
                WindowITCase.fired(CheckpointRecoveryITCase.committedLines(dir.resolve("evicting"))),
                "tumbling windows with a time evictor");
        assertEquals(
                WindowITCase.expectedSliding(events),
                WindowITCase.fired(CheckpointRecoveryITCase.committedLines(dir.resolve("sliding"))),
                "sliding windows, kept as panes");
        assertEquals(
                WindowITCase.expectedSessions(events),
                WindowITCase.fired(CheckpointRecoveryITCase.committedLines(dir.resolve("sessions"))),
                "session windows");
        Map<String, Long> byKeyAndStart = new TreeMap<>();
        tumbling.forEach((window, count) -> byKeyAndStart.put(window.substring(0, window.lastIndexOf(',')), count));
        assertEquals(
                byKeyAndStart,
                WindowITCase.fired(CheckpointRecoveryITCase.committedLines(dir.resolve("timers"))),
                "windows from MapState and event-time timers");
    }

    /** "key,start,end,count" of the elements a window holds. */
    static final class CountInWindow extends ProcessWindowFunction<Tuple2<String, Long>, String, String, TimeWindow> {
        @Override
        public void process(
                String key, Context context, Iterable<Tuple2<String, Long>> elements, Collector<String> out) {
            long count = 0;
            for (Tuple2<String, Long> e : elements) {
                if (e.f1 < context.window().getStart()
                        || e.f1 >= context.window().getEnd()) {
                    throw new IllegalStateException(e + " is not in " + context.window());
                }
                count++;
            }
            out.collect(key + "," + context.window().getStart() + ","
                    + context.window().getEnd() + "," + count);
        }
    }

    /** Lines in the committed part files so far (in-progress files are hidden: their names start with a dot). */
    private static int committedLineCount(Path output) {
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

    /** The events in the order of i, the next i in operator state, emitted under the checkpoint lock. */
    static final class EventsWithPositionInState implements SourceFunction<Tuple2<String, Long>>, CheckpointedFunction {
        private final long count;
        private transient ListState<Long> position;
        private long next;
        private volatile boolean running = true;

        EventsWithPositionInState(long count) {
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
        public void run(SourceContext<Tuple2<String, Long>> ctx) {
            while (running && next < count) {
                synchronized (ctx.getCheckpointLock()) {
                    ctx.collect(WindowITCase.event(next));
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
            SNAPSHOT_POSITION.set(next);
        }

        @Override
        public void cancel() {
            running = false;
        }
    }

    /** Fails once, some records after the first completed checkpoint. */
    static final class FailOnceAfterACheckpoint extends RichMapFunction<Tuple2<String, Long>, Tuple2<String, Long>>
            implements CheckpointListener {
        private boolean checkpointCompleted;
        private int recordsSinceCheckpoint;

        @Override
        public Tuple2<String, Long> map(Tuple2<String, Long> value) {
            if (checkpointCompleted && ++recordsSinceCheckpoint == 3_000 && FAILURES.compareAndSet(0, 1)) {
                throw new IllegalStateException("injected failure");
            }
            return value;
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            checkpointCompleted = true;
        }
    }
}
