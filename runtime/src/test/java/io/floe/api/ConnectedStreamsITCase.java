package io.floe.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.api.eventtime.WatermarkStrategy;
import io.floe.api.functions.CoGroupFunction;
import io.floe.api.functions.OpenContext;
import io.floe.api.functions.co.CoMapFunction;
import io.floe.api.functions.co.KeyedCoProcessFunction;
import io.floe.api.functions.co.ProcessJoinFunction;
import io.floe.api.functions.source.RichParallelSourceFunction;
import io.floe.api.state.ListState;
import io.floe.api.state.ListStateDescriptor;
import io.floe.api.state.ValueState;
import io.floe.api.state.ValueStateDescriptor;
import io.floe.api.tuple.Tuple3;
import io.floe.api.windowing.assigners.TumblingEventTimeWindows;
import io.floe.testutils.TestOutput;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two inputs end to end at parallelism 2: connected streams with a {@link KeyedCoProcessFunction}
 * (keyed state shared by both inputs, event-time timers), a {@link CoMapFunction} over two types,
 * and an interval join, each against the pairs an independent computation finds in the same two
 * generated streams.
 */
class ConnectedStreamsITCase {
    private static final int KEYS = 5;
    private static final long DISORDER = 50;
    private static final long LOWER = -50;
    private static final long UPPER = 100;
    private static final long JOIN_WINDOW = 500;

    @TempDir
    Path dir;

    /** Element {@code i} of stream {@code stream} (0 or 1): key, id and a timestamp up to the disorder out of order. */
    static Tuple3<String, Long, Long> element(int stream, long i) {
        long jitter = Math.floorMod(i * (stream == 0 ? 2_654_435_761L : 40_503L), DISORDER);
        long spacing = stream == 0 ? 3 : 4;
        return Tuple3.of("k" + (i % KEYS), i, 1_000 + i * spacing + jitter);
    }

    private static List<Tuple3<String, Long, Long>> elements(int stream, long count) {
        List<Tuple3<String, Long, Long>> all = new ArrayList<>();
        for (long i = 0; i < count; i++) {
            all.add(element(stream, i));
        }
        return all;
    }

    static WatermarkStrategy<Tuple3<String, Long, Long>> boundedDisorder() {
        return WatermarkStrategy.<Tuple3<String, Long, Long>>forBoundedOutOfOrderness(Duration.ofMillis(DISORDER))
                .withTimestampAssigner((e, previous) -> e.f2);
    }

    private static DataStream<Tuple3<String, Long, Long>> generated(
            StreamExecutionEnvironment env, int stream, long count) {
        return env.addSource(new Generated(stream, count)).assignTimestampsAndWatermarks(boundedDisorder());
    }

    private static List<String> sorted(List<String> lines) {
        List<String> copy = new ArrayList<>(lines);
        copy.sort(null);
        return copy;
    }

    @Test
    void aKeyedCoProcessFunctionSeesBothInputsOfAKeyWithSharedStateAndTimers() throws Exception {
        long lefts = 600;
        long rights = 450;
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.getExecutionEnvironment().setParallelism(2);
        env.getConfiguration().setString("pipeline.auto-watermark-interval", "20 ms");
        SingleOutputStreamOperator<String> pairs = generated(env, 0, lefts)
                .connect(generated(env, 1, rights))
                .keyBy(e -> e.f0, e -> e.f0)
                .process(new PairsPerKey());
        pairs.writeAsText(dir.resolve("pairs").toString());
        env.execute("keyed co-process");

        List<String> expected = new ArrayList<>();
        List<Tuple3<String, Long, Long>> left = elements(0, lefts);
        List<Tuple3<String, Long, Long>> right = elements(1, rights);
        for (Tuple3<String, Long, Long> l : left) {
            for (Tuple3<String, Long, Long> r : right) {
                if (l.f0.equals(r.f0)) {
                    expected.add(l.f0 + "," + l.f1 + "," + r.f1);
                }
            }
        }
        for (int k = 0; k < KEYS; k++) {
            String key = "k" + k;
            long l = left.stream().filter(e -> e.f0.equals(key)).count();
            long r = right.stream().filter(e -> e.f0.equals(key)).count();
            expected.add("timer " + key + " " + l + " " + r);
        }
        assertEquals(sorted(expected), sorted(TestOutput.allLines(dir.resolve("pairs"))));
    }

    @Test
    void coMapTurnsTwoTypesIntoOne() throws Exception {
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.getExecutionEnvironment().setParallelism(2);
        env.fromSequence(1, 100)
                .connect(env.fromSequence(1, 50).map(i -> "s" + i))
                .map(new Describe())
                .writeAsText(dir.resolve("co-map").toString());
        env.execute("co-map");

        List<String> expected = new ArrayList<>();
        for (long i = 1; i <= 100; i++) {
            expected.add("long " + i);
        }
        for (long i = 1; i <= 50; i++) {
            expected.add("string s" + i);
        }
        assertEquals(sorted(expected), sorted(TestOutput.allLines(dir.resolve("co-map"))));
    }

    @Test
    void anIntervalJoinFindsEveryPairWithinItsBounds() throws Exception {
        long lefts = 3_000;
        long rights = 2_250;
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.getExecutionEnvironment().setParallelism(2);
        env.getConfiguration().setString("pipeline.auto-watermark-interval", "20 ms");
        generated(env, 0, lefts)
                .keyBy(e -> e.f0)
                .intervalJoin(generated(env, 1, rights).keyBy(e -> e.f0))
                .between(Duration.ofMillis(LOWER), Duration.ofMillis(UPPER))
                .process(new PairIds())
                .writeAsText(dir.resolve("joined").toString());
        env.execute("interval join");

        List<String> expected = new ArrayList<>();
        for (Tuple3<String, Long, Long> l : elements(0, lefts)) {
            for (Tuple3<String, Long, Long> r : elements(1, rights)) {
                if (l.f0.equals(r.f0) && r.f2 >= l.f2 + LOWER && r.f2 <= l.f2 + UPPER) {
                    expected.add(l.f1 + "," + r.f1 + "@" + Math.max(l.f2, r.f2));
                }
            }
        }
        assertTrue(expected.size() > lefts, "the bounds hold several partners per element: " + expected.size());
        assertEquals(sorted(expected), sorted(TestOutput.allLines(dir.resolve("joined"))));
    }

    @Test
    void aWindowJoinPairsTheElementsOfEachKeyAndWindowAndCoGroupSeesBothSides() throws Exception {
        long lefts = 3_000;
        long rights = 2_250;
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.getExecutionEnvironment().setParallelism(2);
        env.getConfiguration().setString("pipeline.auto-watermark-interval", "20 ms");
        DataStream<Tuple3<String, Long, Long>> left = generated(env, 0, lefts);
        DataStream<Tuple3<String, Long, Long>> right = generated(env, 1, rights);
        left.join(right)
                .where(e -> e.f0)
                .equalTo(e -> e.f0)
                .window(TumblingEventTimeWindows.of(Duration.ofMillis(JOIN_WINDOW)))
                .apply((l, r) -> l.f1 + "," + r.f1)
                .writeAsText(dir.resolve("window-join").toString());
        left.coGroup(right)
                .where(e -> e.f0)
                .equalTo(e -> e.f0)
                .window(TumblingEventTimeWindows.of(Duration.ofMillis(JOIN_WINDOW)))
                .apply(new CountBothSides())
                .writeAsText(dir.resolve("co-group").toString());
        env.execute("window join");

        List<String> pairs = new ArrayList<>();
        java.util.Map<String, long[]> sides = new java.util.TreeMap<>();
        List<Tuple3<String, Long, Long>> rightElements = elements(1, rights);
        for (Tuple3<String, Long, Long> l : elements(0, lefts)) {
            sides.computeIfAbsent(l.f0 + "@" + l.f2 / JOIN_WINDOW, k -> new long[2])[0]++;
            for (Tuple3<String, Long, Long> r : rightElements) {
                if (l.f0.equals(r.f0) && l.f2 / JOIN_WINDOW == r.f2 / JOIN_WINDOW) {
                    pairs.add(l.f1 + "," + r.f1);
                }
            }
        }
        for (Tuple3<String, Long, Long> r : rightElements) {
            sides.computeIfAbsent(r.f0 + "@" + r.f2 / JOIN_WINDOW, k -> new long[2])[1]++;
        }
        assertEquals(sorted(pairs), sorted(TestOutput.allLines(dir.resolve("window-join"))));
        List<String> counts = new ArrayList<>();
        sides.forEach((keyAndWindow, n) ->
                counts.add(keyAndWindow.substring(0, keyAndWindow.indexOf('@')) + " " + n[0] + " " + n[1]));
        assertEquals(sorted(counts), sorted(TestOutput.allLines(dir.resolve("co-group"))));
    }

    /** "key left right": how many of each side a key's window holds. */
    static final class CountBothSides
            implements CoGroupFunction<Tuple3<String, Long, Long>, Tuple3<String, Long, Long>, String> {
        @Override
        public void coGroup(
                Iterable<Tuple3<String, Long, Long>> first,
                Iterable<Tuple3<String, Long, Long>> second,
                Collector<String> out) {
            String key = null;
            long l = 0;
            long r = 0;
            for (Tuple3<String, Long, Long> e : first) {
                key = e.f0;
                l++;
            }
            for (Tuple3<String, Long, Long> e : second) {
                key = e.f0;
                r++;
            }
            out.collect(key + " " + l + " " + r);
        }
    }

    @Test
    void wrongTwoInputProgramsAreRefusedWhenBuilt() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        DataStream<Long> numbers = env.fromSequence(1, 2);
        IllegalStateException notKeyed = assertThrows(IllegalStateException.class, () -> numbers.connect(numbers)
                .process(new KeyedCoProcessFunction<Long, Long, Long, Long>() {
                    @Override
                    public void processElement1(Long value, Context ctx, Collector<Long> out) {}

                    @Override
                    public void processElement2(Long value, Context ctx, Collector<Long> out) {}
                }));
        assertTrue(notKeyed.getMessage().contains("needs both inputs keyed"), notKeyed.getMessage());
        IllegalArgumentException bounds = assertThrows(IllegalArgumentException.class, () -> numbers.keyBy(n -> n)
                .intervalJoin(numbers.keyBy(n -> n))
                .between(Duration.ofMillis(10), Duration.ofMillis(-10)));
        assertTrue(bounds.getMessage().contains("lower bound must not be above the upper bound"), bounds.getMessage());
    }

    /**
     * Keeps both inputs of its key in list state and emits each new pair ("key,leftId,rightId");
     * an event-time timer at the end of event time emits how many of each the key saw.
     */
    static final class PairsPerKey
            extends KeyedCoProcessFunction<String, Tuple3<String, Long, Long>, Tuple3<String, Long, Long>, String> {
        private transient ListState<Long> lefts;
        private transient ListState<Long> rights;
        private transient ValueState<Boolean> timerSet;

        @Override
        public void open(OpenContext openContext) {
            lefts = getRuntimeContext().getListState(new ListStateDescriptor<>("lefts", Long.class));
            rights = getRuntimeContext().getListState(new ListStateDescriptor<>("rights", Long.class));
            timerSet = getRuntimeContext().getState(new ValueStateDescriptor<>("timer", Boolean.class));
        }

        @Override
        public void processElement1(Tuple3<String, Long, Long> left, Context ctx, Collector<String> out)
                throws Exception {
            check(ctx, left);
            for (Long right : rights.get()) {
                out.collect(ctx.getCurrentKey() + "," + left.f1 + "," + right);
            }
            lefts.add(left.f1);
            setTimer(ctx);
        }

        @Override
        public void processElement2(Tuple3<String, Long, Long> right, Context ctx, Collector<String> out)
                throws Exception {
            check(ctx, right);
            for (Long left : lefts.get()) {
                out.collect(ctx.getCurrentKey() + "," + left + "," + right.f1);
            }
            rights.add(right.f1);
            setTimer(ctx);
        }

        private static void check(KeyedCoProcessFunction<?, ?, ?, ?>.Context ctx, Tuple3<String, Long, Long> e) {
            if (!e.f0.equals(ctx.getCurrentKey())
                    || ctx.timestamp() == null
                    || ctx.timestamp().longValue() != e.f2) {
                throw new IllegalStateException(
                        e + " seen with key " + ctx.getCurrentKey() + ", time " + ctx.timestamp());
            }
        }

        private void setTimer(Context ctx) throws Exception {
            if (timerSet.value() == null) {
                timerSet.update(true);
                ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE - 1);
            }
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) throws Exception {
            long l = 0;
            for (Long ignored : lefts.get()) {
                l++;
            }
            long r = 0;
            for (Long ignored : rights.get()) {
                r++;
            }
            out.collect("timer " + ctx.getCurrentKey() + " " + l + " " + r);
        }
    }

    static final class Describe implements CoMapFunction<Long, String, String> {
        @Override
        public String map1(Long value) {
            return "long " + value;
        }

        @Override
        public String map2(String value) {
            return "string " + value;
        }
    }

    static final class PairIds
            extends ProcessJoinFunction<Tuple3<String, Long, Long>, Tuple3<String, Long, Long>, String> {
        @Override
        public void processElement(
                Tuple3<String, Long, Long> left, Tuple3<String, Long, Long> right, Context ctx, Collector<String> out) {
            if (ctx.getLeftTimestamp() != left.f2 || ctx.getRightTimestamp() != right.f2) {
                throw new IllegalStateException("pair " + left + " " + right + " with times " + ctx.getLeftTimestamp()
                        + ", " + ctx.getRightTimestamp());
            }
            out.collect(left.f1 + "," + right.f1 + "@" + ctx.getTimestamp());
        }
    }

    /** Stream {@code stream}'s elements split between the subtasks in order of i, paced now and then. */
    static final class Generated extends RichParallelSourceFunction<Tuple3<String, Long, Long>> {
        private final int stream;
        private final long count;
        private volatile boolean running = true;
        private transient int subtask;
        private transient int subtasks;

        Generated(int stream, long count) {
            this.stream = stream;
            this.count = count;
        }

        @Override
        public void open(OpenContext openContext) {
            subtask = getRuntimeContext().getTaskInfo().getIndexOfThisSubtask();
            subtasks = getRuntimeContext().getTaskInfo().getNumberOfParallelSubtasks();
        }

        @Override
        public void run(SourceContext<Tuple3<String, Long, Long>> ctx) throws Exception {
            for (long i = subtask; i < count && running; i += subtasks) {
                synchronized (ctx.getCheckpointLock()) {
                    ctx.collect(element(stream, i));
                }
                if (i % 100 < subtasks) {
                    LockSupport.parkNanos(1_000_000); // paces the source: watermarks advance mid-stream
                }
            }
        }

        @Override
        public void cancel() {
            running = false;
        }
    }
}
