package io.floe.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.api.checkpoint.CheckpointedFunction;
import io.floe.api.connector.file.sink.FileSink;
import io.floe.api.functions.OpenContext;
import io.floe.api.functions.co.BroadcastProcessFunction;
import io.floe.api.functions.co.KeyedBroadcastProcessFunction;
import io.floe.api.functions.sink.filesystem.bucketassigners.BasePathBucketAssigner;
import io.floe.api.functions.sink.filesystem.rollingpolicies.OnCheckpointRollingPolicy;
import io.floe.api.functions.source.RichParallelSourceFunction;
import io.floe.api.functions.source.SourceFunction;
import io.floe.api.serialization.SimpleStringEncoder;
import io.floe.api.state.CheckpointListener;
import io.floe.api.state.FunctionInitializationContext;
import io.floe.api.state.FunctionSnapshotContext;
import io.floe.api.state.ListState;
import io.floe.api.state.ListStateDescriptor;
import io.floe.api.state.MapStateDescriptor;
import io.floe.api.state.ValueState;
import io.floe.api.state.ValueStateDescriptor;
import io.floe.api.tuple.Tuple3;
import io.floe.testutils.Deadline;
import io.floe.testutils.TestOutput;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Broadcast state end to end at parallelism 2: thresholds broadcast to every subtask filter a
 * keyed (and a non-keyed) stream, and a last broadcast element visits every key's state with
 * {@code applyToKeyedState}. The sources wait for each other (the test runs in the cluster's JVM)
 * so that the order of the two streams, and so the expected output, is fixed.
 */
class BroadcastStateITCase {
    private static final int PARALLELISM = 2;
    private static final int KEYS = 6;
    private static final long EVENTS = 3_000;
    private static final Map<String, Long> THRESHOLDS = Map.of("a", 10L, "b", 50L, "c", 90L);
    static final MapStateDescriptor<String, Long> RULES = new MapStateDescriptor<>("rules", String.class, Long.class);

    private static final AtomicLong RULES_SEEN = new AtomicLong();
    private static final AtomicLong EVENTS_SEEN = new AtomicLong();

    @TempDir
    Path dir;

    /** Event {@code i}: key, category, value 0..99. */
    static Tuple3<Long, String, Long> event(long i) {
        return Tuple3.of(i % KEYS, List.of("a", "b", "c").get((int) (i % 3)), Math.floorMod(i * 37, 100L));
    }

    private static boolean passes(Tuple3<Long, String, Long> e) {
        return e.f2 >= THRESHOLDS.get(e.f1);
    }

    private static List<String> sorted(List<String> lines) {
        List<String> copy = new ArrayList<>(lines);
        copy.sort(null);
        return copy;
    }

    @Test
    void broadcastRulesFilterAKeyedStreamAndVisitEveryKeysState() throws Exception {
        RULES_SEEN.set(0);
        EVENTS_SEEN.set(0);
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.getExecutionEnvironment().setParallelism(PARALLELISM);
        BroadcastStream<String> rules = env.addSource(new Rules(true)).broadcast(RULES);
        env.addSource(new Events())
                .keyBy(e -> e.f0)
                .connect(rules)
                .process(new KeyedThresholds())
                .writeAsText(dir.resolve("keyed").toString());
        env.execute("keyed broadcast state");

        List<String> expected = new ArrayList<>();
        Map<Long, Long> perKey = new TreeMap<>();
        for (long i = 0; i < EVENTS; i++) {
            Tuple3<Long, String, Long> e = event(i);
            perKey.merge(e.f0, 1L, Long::sum);
            if (passes(e)) {
                expected.add("pass " + e);
            }
        }
        perKey.forEach((key, count) -> expected.add("count " + key + " " + count));
        assertEquals(sorted(expected), sorted(TestOutput.allLines(dir.resolve("keyed"))));
    }

    @Test
    void broadcastRulesFilterAStreamThatIsNotKeyed() throws Exception {
        RULES_SEEN.set(0);
        EVENTS_SEEN.set(0);
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.getExecutionEnvironment().setParallelism(PARALLELISM);
        env.addSource(new Events())
                .connect(env.addSource(new Rules(false)).broadcast(RULES))
                .process(new Thresholds())
                .writeAsText(dir.resolve("plain").toString());
        env.execute("broadcast state");

        List<String> expected = new ArrayList<>();
        for (long i = 0; i < EVENTS; i++) {
            if (passes(event(i))) {
                expected.add("pass " + event(i));
            }
        }
        assertEquals(sorted(expected), sorted(TestOutput.allLines(dir.resolve("plain"))));
    }

    @Test
    void theBroadcastStateComesBackFromTheCheckpointAfterAFailure() throws Exception {
        RULES_SEEN.set(0);
        FAILURES.set(0);
        Path output = dir.resolve("restored");
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.getExecutionEnvironment().setParallelism(PARALLELISM);
        env.enableCheckpointing(100);
        env.getCheckpointConfig()
                .setCheckpointStorage(dir.resolve("checkpoints").toUri().toString());
        env.getConfiguration()
                .setString("restart-strategy.type", "fixed-delay")
                .setString("restart-strategy.fixed-delay.attempts", "3")
                .setString("restart-strategy.fixed-delay.delay", "100 ms");
        env.addSource(new EventsWithPositionInState())
                .keyBy(e -> e.f0)
                .connect(env.addSource(new RulesOnce()).broadcast(RULES))
                .process(new FailingOnceAfterACheckpoint())
                .sinkTo(FileSink.forRowFormat(
                                new io.floe.api.fs.Path(output.toUri().toString()), new SimpleStringEncoder<String>())
                        .withBucketAssigner(new BasePathBucketAssigner<>())
                        .withRollingPolicy(OnCheckpointRollingPolicy.build())
                        .build());
        env.execute("broadcast state across a failure");

        assertEquals(1, FAILURES.get(), "the failure was injected once, after a checkpoint had completed");
        assertEquals(
                (long) THRESHOLDS.size() * PARALLELISM,
                RULES_SEEN.get(),
                "the rules reached each subtask once: after the restore they came from the checkpoint");
        List<String> expected = new ArrayList<>();
        for (long i = 0; i < EVENTS; i++) {
            if (passes(event(i))) {
                expected.add("pass " + event(i));
            }
        }
        assertEquals(
                sorted(expected),
                sorted(CheckpointRecoveryITCase.committedLines(output)),
                "every event filtered by the rules once, also after the restore (the rules were sent only once)");
    }

    private static final AtomicLong FAILURES = new AtomicLong();

    /** The rules once, with their position in operator state: after a restore they are not sent again. */
    static final class RulesOnce implements SourceFunction<String>, CheckpointedFunction {
        private transient ListState<Boolean> sentState;
        private boolean sent;

        @Override
        public void initializeState(FunctionInitializationContext context) throws Exception {
            sentState = context.getOperatorStateStore().getListState(new ListStateDescriptor<>("sent", Boolean.class));
            for (Boolean restored : sentState.get()) {
                sent = restored;
            }
        }

        @Override
        public void run(SourceContext<String> ctx) {
            synchronized (ctx.getCheckpointLock()) {
                if (!sent) {
                    for (Map.Entry<String, Long> rule : new TreeMap<>(THRESHOLDS).entrySet()) {
                        ctx.collect(rule.getKey() + "=" + rule.getValue());
                    }
                    sent = true;
                }
            }
        }

        @Override
        public void snapshotState(FunctionSnapshotContext context) throws Exception {
            sentState.update(List.of(sent));
        }

        @Override
        public void cancel() {}
    }

    /** The events, slowly, once the rules reached every subtask; the next index in operator state. */
    static final class EventsWithPositionInState extends RichParallelSourceFunction<Tuple3<Long, String, Long>>
            implements CheckpointedFunction {
        private transient ListState<Long> position;
        private long next = -1;
        private volatile boolean running = true;

        @Override
        public void initializeState(FunctionInitializationContext context) throws Exception {
            position = context.getOperatorStateStore().getListState(new ListStateDescriptor<>("next", Long.class));
            for (Long restored : position.get()) {
                next = restored;
            }
        }

        @Override
        public void run(SourceContext<Tuple3<Long, String, Long>> ctx) {
            if (next < 0) {
                Deadline.waitUntil(
                        () -> RULES_SEEN.get() == (long) THRESHOLDS.size() * PARALLELISM,
                        Duration.ofSeconds(30),
                        "every subtask to have every rule");
                next = getRuntimeContext().getTaskInfo().getIndexOfThisSubtask();
            }
            while (running && next < EVENTS) {
                synchronized (ctx.getCheckpointLock()) {
                    ctx.collect(event(next));
                    next += PARALLELISM;
                }
                LockSupport.parkNanos(200_000);
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

    /** The keyed thresholds, failing once some events after the first completed checkpoint. */
    static final class FailingOnceAfterACheckpoint
            extends KeyedBroadcastProcessFunction<Long, Tuple3<Long, String, Long>, String, String>
            implements CheckpointListener {
        private boolean checkpointCompleted;
        private int sinceCheckpoint;

        @Override
        public void processElement(Tuple3<Long, String, Long> e, ReadOnlyContext ctx, Collector<String> out)
                throws Exception {
            if (checkpointCompleted && ++sinceCheckpoint == 200 && FAILURES.compareAndSet(0, 1)) {
                throw new IllegalStateException("injected failure");
            }
            Long threshold = ctx.getBroadcastState(RULES).get(e.f1);
            if (threshold == null) {
                throw new IllegalStateException("no rule for " + e.f1 + ": the broadcast state was lost");
            }
            if (e.f2 >= threshold) {
                out.collect("pass " + e);
            }
        }

        @Override
        public void processBroadcastElement(String rule, Context ctx, Collector<String> out) throws Exception {
            String[] parts = rule.split("=");
            ctx.getBroadcastState(RULES).put(parts[0], Long.parseLong(parts[1]));
            RULES_SEEN.incrementAndGet();
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            checkpointCompleted = true;
        }
    }

    @Test
    void wrongBroadcastProgramsAreRefused() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        DataStream<Long> numbers = env.fromSequence(1, 2);
        IllegalArgumentException keyed = assertThrows(
                IllegalArgumentException.class,
                () -> numbers.keyBy(n -> n).connect(numbers.broadcast(RULES)).process(new NumbersThrough()));
        assertTrue(keyed.getMessage().contains("use a KeyedBroadcastProcessFunction"), keyed.getMessage());
        IllegalArgumentException none =
                assertThrows(IllegalArgumentException.class, () -> numbers.broadcast(new MapStateDescriptor<?, ?>[0]));
        assertTrue(none.getMessage().contains("needs at least one MapStateDescriptor"), none.getMessage());
    }

    static final class NumbersThrough extends BroadcastProcessFunction<Long, Long, Long> {
        @Override
        public void processElement(Long value, ReadOnlyContext ctx, Collector<Long> out) {}

        @Override
        public void processBroadcastElement(Long value, Context ctx, Collector<Long> out) {}
    }

    /** "name=threshold" rules, then (keyed) a "report" once every event was processed. */
    static final class Rules implements SourceFunction<String> {
        private final boolean report;

        Rules(boolean report) {
            this.report = report;
        }

        @Override
        public void run(SourceContext<String> ctx) {
            for (Map.Entry<String, Long> rule : new TreeMap<>(THRESHOLDS).entrySet()) {
                synchronized (ctx.getCheckpointLock()) {
                    ctx.collect(rule.getKey() + "=" + rule.getValue());
                }
            }
            if (report) {
                Deadline.waitUntil(
                        () -> EVENTS_SEEN.get() == EVENTS, Duration.ofSeconds(30), "every event to be processed");
                synchronized (ctx.getCheckpointLock()) {
                    ctx.collect("report");
                }
            }
        }

        @Override
        public void cancel() {}
    }

    /** The events, once every subtask has every rule. */
    static final class Events extends RichParallelSourceFunction<Tuple3<Long, String, Long>> {
        private transient int subtask;

        @Override
        public void open(OpenContext openContext) {
            subtask = getRuntimeContext().getTaskInfo().getIndexOfThisSubtask();
        }

        @Override
        public void run(SourceContext<Tuple3<Long, String, Long>> ctx) {
            Deadline.waitUntil(
                    () -> RULES_SEEN.get() == (long) THRESHOLDS.size() * PARALLELISM,
                    Duration.ofSeconds(30),
                    "every subtask to have every rule");
            for (long i = subtask; i < EVENTS; i += PARALLELISM) {
                synchronized (ctx.getCheckpointLock()) {
                    ctx.collect(event(i));
                }
            }
        }

        @Override
        public void cancel() {}
    }

    static final class KeyedThresholds
            extends KeyedBroadcastProcessFunction<Long, Tuple3<Long, String, Long>, String, String> {
        private static final ValueStateDescriptor<Long> COUNT = new ValueStateDescriptor<>("count", Long.class);
        private transient ValueState<Long> count;

        @Override
        public void open(OpenContext openContext) {
            count = getRuntimeContext().getState(COUNT);
        }

        @Override
        public void processElement(Tuple3<Long, String, Long> e, ReadOnlyContext ctx, Collector<String> out)
                throws Exception {
            count.update(count.value() == null ? 1 : count.value() + 1);
            if (!ctx.getCurrentKey().equals(e.f0)) {
                throw new IllegalStateException(e + " under key " + ctx.getCurrentKey());
            }
            if (e.f2 >= ctx.getBroadcastState(RULES).get(e.f1)) {
                out.collect("pass " + e);
            }
            EVENTS_SEEN.incrementAndGet();
        }

        @Override
        public void processBroadcastElement(String rule, Context ctx, Collector<String> out) throws Exception {
            if (rule.equals("report")) {
                ctx.applyToKeyedState(COUNT, (key, state) -> out.collect("count " + key + " " + state.value()));
                return;
            }
            String[] parts = rule.split("=");
            ctx.getBroadcastState(RULES).put(parts[0], Long.parseLong(parts[1]));
            RULES_SEEN.incrementAndGet();
        }
    }

    static final class Thresholds extends BroadcastProcessFunction<Tuple3<Long, String, Long>, String, String> {
        @Override
        public void processElement(Tuple3<Long, String, Long> e, ReadOnlyContext ctx, Collector<String> out)
                throws Exception {
            if (e.f2 >= ctx.getBroadcastState(RULES).get(e.f1)) {
                out.collect("pass " + e);
            }
        }

        @Override
        public void processBroadcastElement(String rule, Context ctx, Collector<String> out) throws Exception {
            String[] parts = rule.split("=");
            ctx.getBroadcastState(RULES).put(parts[0], Long.parseLong(parts[1]));
            RULES_SEEN.incrementAndGet();
        }
    }
}
