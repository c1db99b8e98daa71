package io.floe.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.api.eventtime.WatermarkStrategy;
import io.floe.api.functions.AggregateFunction;
import io.floe.api.functions.OpenContext;
import io.floe.api.functions.ReduceFunction;
import io.floe.api.functions.RichMapFunction;
import io.floe.api.functions.source.RichParallelSourceFunction;
import io.floe.api.functions.source.SourceFunction;
import io.floe.api.functions.windowing.ProcessAllWindowFunction;
import io.floe.api.functions.windowing.ProcessWindowFunction;
import io.floe.api.functions.windowing.WindowFunction;
import io.floe.api.state.ValueState;
import io.floe.api.state.ValueStateDescriptor;
import io.floe.api.tuple.Tuple2;
import io.floe.api.watermark.Watermark;
import io.floe.api.windowing.assigners.EventTimeSessionWindows;
import io.floe.api.windowing.assigners.SlidingEventTimeWindows;
import io.floe.api.windowing.assigners.TumblingEventTimeWindows;
import io.floe.api.windowing.assigners.TumblingProcessingTimeWindows;
import io.floe.api.windowing.triggers.Trigger;
import io.floe.api.windowing.triggers.TriggerResult;
import io.floe.api.windowing.windows.TimeWindow;
import io.floe.testutils.TestOutput;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The window API end to end on the embedded cluster at parallelism 2: tumbling, sliding and
 * session windows over out-of-order input, in STREAMING and BATCH, each window's count compared
 * with an independent computation over the same events; late data, count windows, windowAll and
 * the errors a wrong window gets.
 */
class WindowITCase {
    private static final int KEYS = 7;
    private static final long SIZE = 1_000;
    private static final long SLIDE = 250;
    private static final long GAP = 200;
    private static final long DISORDER = 100;
    /** Every this many events, event time jumps by {@link #PAUSE}: the sessions of every key end there. */
    private static final long BURST = 1_000;

    private static final long PAUSE = 700;

    private static final OutputTag<Tuple2<String, Long>> LATE = new OutputTag<>("late") {};

    @TempDir
    Path dir;

    /** Event {@code i}: its key, and a timestamp at most {@link #DISORDER} ms out of order. */
    static Tuple2<String, Long> event(long i) {
        long jitter = Math.floorMod(i * 2_654_435_761L, DISORDER);
        return Tuple2.of("k" + (i % KEYS), 10_000 + i * 2 + (i / BURST) * PAUSE + jitter);
    }

    static List<Tuple2<String, Long>> events(long count) {
        List<Tuple2<String, Long>> events = new ArrayList<>();
        for (long i = 0; i < count; i++) {
            events.add(event(i));
        }
        return events;
    }

    static Map<String, Long> expectedTumbling(List<Tuple2<String, Long>> events) {
        Map<String, Long> counts = new TreeMap<>();
        for (Tuple2<String, Long> e : events) {
            long start = e.f1 - e.f1 % SIZE;
            counts.merge(e.f0 + "," + start + "," + (start + SIZE), 1L, Long::sum);
        }
        return counts;
    }

    static Map<String, Long> expectedSliding(List<Tuple2<String, Long>> events) {
        Map<String, Long> counts = new TreeMap<>();
        for (Tuple2<String, Long> e : events) {
            for (long start = e.f1 - e.f1 % SLIDE; start > e.f1 - SIZE; start -= SLIDE) {
                counts.merge(e.f0 + "," + start + "," + (start + SIZE), 1L, Long::sum);
            }
        }
        return counts;
    }

    /** Per key, sorted timestamps: a session goes on while the next event is at most the gap later. */
    static Map<String, Long> expectedSessions(List<Tuple2<String, Long>> events) {
        Map<String, List<Long>> times = new HashMap<>();
        for (Tuple2<String, Long> e : events) {
            times.computeIfAbsent(e.f0, k -> new ArrayList<>()).add(e.f1);
        }
        Map<String, Long> sessions = new TreeMap<>();
        times.forEach((key, list) -> {
            list.sort(null);
            long start = list.get(0);
            long last = start;
            long count = 0;
            for (long t : list) {
                if (t - last > GAP) {
                    sessions.put(key + "," + start + "," + (last + GAP), count);
                    start = t;
                    count = 0;
                }
                last = t;
                count++;
            }
            sessions.put(key + "," + start + "," + (last + GAP), count);
        });
        return sessions;
    }

    private static Map<String, Long> fired(Path out) throws Exception {
        return fired(TestOutput.allLines(out));
    }

    /** Lines "key,start,end,count", each window once. */
    static Map<String, Long> fired(List<String> lines) {
        Map<String, Long> fired = new TreeMap<>();
        for (String line : lines) {
            int last = line.lastIndexOf(',');
            Long previous = fired.put(line.substring(0, last), Long.parseLong(line.substring(last + 1)));
            assertEquals(null, previous, "a window fired twice: " + line);
        }
        return fired;
    }

    static WatermarkStrategy<Tuple2<String, Long>> boundedDisorder() {
        return WatermarkStrategy.<Tuple2<String, Long>>forBoundedOutOfOrderness(Duration.ofMillis(DISORDER))
                .withTimestampAssigner((e, previous) -> e.f1);
    }

    /** The three window kinds side by side on one stream, each through another way of computing its windows. */
    private void tumblingSlidingAndSessions(DataStream<Tuple2<String, Long>> timestamped) {
        KeyedStream<Tuple2<String, Long>, String> keyed = timestamped.keyBy(e -> e.f0);
        keyed.window(TumblingEventTimeWindows.of(Duration.ofMillis(SIZE)))
                .aggregate(new CountEvents(), new KeyAndWindow<>())
                .writeAsText(dir.resolve("tumbling").toString());
        keyed.map(new ToOne())
                .keyBy(e -> e.f0)
                .window(SlidingEventTimeWindows.of(Duration.ofMillis(SIZE), Duration.ofMillis(SLIDE)))
                .reduce(new SumOnes(), new KeyAndWindowOfSum())
                .writeAsText(dir.resolve("sliding").toString());
        keyed.window(EventTimeSessionWindows.withGap(Duration.ofMillis(GAP)))
                .process(new CountElements())
                .writeAsText(dir.resolve("sessions").toString());
    }

    private void assertEveryWindowOnce(long count) throws Exception {
        List<Tuple2<String, Long>> events = events(count);
        assertEquals(expectedTumbling(events), fired(dir.resolve("tumbling")), "tumbling windows");
        assertEquals(expectedSliding(events), fired(dir.resolve("sliding")), "sliding windows");
        Map<String, Long> sessions = expectedSessions(events);
        assertTrue(sessions.size() >= KEYS * (count / BURST), "the input has gaps: " + sessions.size() + " sessions");
        assertEquals(sessions, fired(dir.resolve("sessions")), "session windows");
    }

    @Test
    void tumblingSlidingAndSessionWindowsOnOutOfOrderInputCountEveryEventOnce() throws Exception {
        long count = 20_000;
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.getExecutionEnvironment().setParallelism(2);
        env.getConfiguration().setString("pipeline.auto-watermark-interval", "20 ms");
        tumblingSlidingAndSessions(
                env.addSource(new PacedEvents(count)).assignTimestampsAndWatermarks(boundedDisorder()));
        env.execute("windows");

        assertEveryWindowOnce(count);
    }

    @Test
    void inBatchModeTheWindowsAreTheSame() throws Exception {
        long count = 20_000;
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment()
                .setParallelism(2)
                .setRuntimeMode(RuntimeExecutionMode.BATCH);
        tumblingSlidingAndSessions(env.fromSequence(0, count - 1)
                .map(WindowITCase::event)
                .assignTimestampsAndWatermarks(boundedDisorder()));
        env.execute("windows, batch");

        assertEveryWindowOnce(count);
    }

    @Test
    void aLateElementWithinTheAllowedLatenessFiresTheWindowAgainAndOneBeyondGoesToTheSideOutput() throws Exception {
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.getExecutionEnvironment().setParallelism(1);
        SingleOutputStreamOperator<String> windows = env.addSource(new Scripted())
                .keyBy(e -> e.f0)
                .window(TumblingEventTimeWindows.of(Duration.ofMillis(SIZE)))
                .allowedLateness(Duration.ofMillis(500))
                .sideOutputLateData(LATE)
                .aggregate(new CountEvents(), new KeyAndWindow<>());
        windows.writeAsText(dir.resolve("fired").toString());
        windows.getSideOutput(LATE).writeAsText(dir.resolve("late").toString());
        env.execute("late data");

        assertEquals(
                List.of("a,0,1000,2", "a,0,1000,3", "a,1000,2000,1"),
                TestOutput.allLines(dir.resolve("fired")),
                "fired at the watermark, again with the element within the lateness, not after the cleanup");
        assertEquals(List.of("(a,400)"), TestOutput.allLines(dir.resolve("late")));
    }

    @Test
    void withoutASideOutputLateElementsAreDropped() throws Exception {
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.getExecutionEnvironment().setParallelism(1);
        env.addSource(new Scripted())
                .keyBy(e -> e.f0)
                .window(TumblingEventTimeWindows.of(Duration.ofMillis(SIZE)))
                .aggregate(new CountEvents(), new KeyAndWindow<>())
                .writeAsText(dir.resolve("fired").toString());
        env.execute("late data dropped");

        assertEquals(
                List.of("a,0,1000,2", "a,1000,2000,1"),
                TestOutput.allLines(dir.resolve("fired")),
                "the elements at 300 and 400 came after the window [0, 1000) fired and are dropped");
    }

    @Test
    void countWindowsFireEveryNElementsPerKey() throws Exception {
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.getExecutionEnvironment().setParallelism(2);
        env.fromSequence(0, 3 * 10 - 1)
                .setParallelism(1) // each key's elements in the order of i
                .map(i -> Tuple2.of("k" + (i % 3), i))
                .setParallelism(1)
                .keyBy(e -> e.f0)
                .countWindow(4)
                .sum(1)
                .writeAsText(dir.resolve("counts").toString());
        env.execute("count windows");

        // every key has 10 elements (i = key + 3j): two full windows of 4 fire, the last 2 never do
        List<String> sums = new ArrayList<>(TestOutput.allLines(dir.resolve("counts")));
        sums.sort(null);
        assertEquals(6, sums.size(), sums::toString);
        for (int key = 0; key < 3; key++) {
            long firstFour = 0;
            long nextFour = 0;
            for (int j = 0; j < 4; j++) {
                firstFour += key + 3 * j;
                nextFour += key + 3 * (j + 4);
            }
            String k = "k" + key;
            List<String> ofKey =
                    sums.stream().filter(s -> s.startsWith("(" + k + ",")).toList();
            assertEquals(
                    List.of("(" + k + "," + firstFour + ")", "(" + k + "," + nextFour + ")").stream()
                            .sorted()
                            .toList(),
                    ofKey);
        }
    }

    @Test
    void windowAllCountsEveryKeyInOneWindowPerInterval() throws Exception {
        long count = 10_000;
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.getExecutionEnvironment().setParallelism(2);
        env.fromSequence(0, count - 1)
                .map(WindowITCase::event)
                .assignTimestampsAndWatermarks(boundedDisorder())
                .windowAll(TumblingEventTimeWindows.of(Duration.ofMillis(SIZE)))
                .process(new CountAll())
                .writeAsText(dir.resolve("all").toString());
        env.execute("windowAll");

        Map<String, Long> expected = new TreeMap<>();
        for (Tuple2<String, Long> e : events(count)) {
            long start = e.f1 - e.f1 % SIZE;
            expected.merge(start + "," + (start + SIZE), 1L, Long::sum);
        }
        assertEquals(expected, fired(dir.resolve("all")));
    }

    @Test
    void processingTimeWindowsInBatchModeFireAtTheEndWithEveryElement() throws Exception {
        long count = 5_000;
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment()
                .setParallelism(2)
                .setRuntimeMode(RuntimeExecutionMode.BATCH);
        env.fromSequence(0, count - 1)
                .map(WindowITCase::event)
                .keyBy(e -> e.f0)
                .window(TumblingProcessingTimeWindows.of(Duration.ofHours(1)))
                .aggregate(new CountEvents(), new KeyAndWindow<>())
                .writeAsText(dir.resolve("processing").toString());
        env.execute("processing-time windows, batch");

        Map<String, Long> perKey = new TreeMap<>();
        for (String line : TestOutput.allLines(dir.resolve("processing"))) {
            String[] fields = line.split(",");
            perKey.merge(fields[0], Long.parseLong(fields[3]), Long::sum);
        }
        Map<String, Long> expected = new TreeMap<>();
        for (Tuple2<String, Long> e : events(count)) {
            expected.merge(e.f0, 1L, Long::sum);
        }
        assertEquals(expected, perKey);
    }

    @Test
    void windowStateIsPerWindowAndGlobalStatePerKey() throws Exception {
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.getExecutionEnvironment().setParallelism(1);
        env.addSource(new Scripted())
                .keyBy(e -> e.f0)
                .window(TumblingEventTimeWindows.of(Duration.ofMillis(SIZE)))
                .allowedLateness(Duration.ofMillis(500))
                .process(new FiringsPerWindowAndKey())
                .writeAsText(dir.resolve("firings").toString());
        env.execute("window state");

        assertEquals(
                List.of(
                        "[0,1000) firing 1 of the window, 1 of the key",
                        "[0,1000) firing 2 of the window, 2 of the key",
                        "[1000,2000) firing 1 of the window, 3 of the key"),
                TestOutput.allLines(dir.resolve("firings")));
    }

    @Test
    void aFailingWindowFunctionFailsTheJobNamingTheOperatorKeyAndWindow() {
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.getExecutionEnvironment().setParallelism(1);
        env.getConfiguration().setString("restart-strategy.type", "none");
        env.addSource(new Scripted())
                .keyBy(e -> e.f0)
                .window(TumblingEventTimeWindows.of(Duration.ofMillis(SIZE)))
                .apply(new Failing())
                .name("failing-window")
                .writeAsText(dir.resolve("never").toString());
        JobExecutionException e = assertThrows(JobExecutionException.class, () -> env.execute("failing window"));
        String messages = messages(e);
        assertTrue(
                messages.contains("The window function of")
                        && messages.contains("failing-window")
                        && messages.contains("TimeWindow{start=0, end=1000} of key a")
                        && messages.contains("no window for you"),
                messages);
    }

    @Test
    void wrongWindowsAreRefusedWhenTheProgramIsBuilt() {
        assertMessage(
                "size must be positive",
                assertThrows(IllegalArgumentException.class, () -> TumblingEventTimeWindows.of(Duration.ofMillis(-1))));
        assertMessage(
                "slide",
                assertThrows(
                        IllegalArgumentException.class,
                        () -> SlidingEventTimeWindows.of(Duration.ofSeconds(1), Duration.ofSeconds(2))));
        assertMessage(
                "gap",
                assertThrows(IllegalArgumentException.class, () -> EventTimeSessionWindows.withGap(Duration.ZERO)));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        KeyedStream<Tuple2<String, Long>, String> keyed =
                env.fromSequence(0, 1).map(WindowITCase::event).keyBy(e -> e.f0);
        assertMessage("cannot be a RichFunction", assertThrows(UnsupportedOperationException.class, () -> keyed.window(
                        TumblingEventTimeWindows.of(Duration.ofSeconds(1)))
                .reduce(new RichSum())));
        assertMessage(
                "does not support merging windows",
                assertThrows(UnsupportedOperationException.class, () -> keyed.window(
                                EventTimeSessionWindows.withGap(Duration.ofSeconds(1)))
                        .trigger(new NonMergingTrigger())));
        assertMessage(
                "allowedLateness must not be negative", assertThrows(IllegalArgumentException.class, () -> keyed.window(
                                TumblingEventTimeWindows.of(Duration.ofSeconds(1)))
                        .allowedLateness(Duration.ofMillis(-5))));
    }

    private static void assertMessage(String expected, Throwable error) {
        assertTrue(error.getMessage().contains(expected), error.getMessage());
    }

    private static String messages(Throwable error) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = error; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append(" | ");
        }
        return all.toString();
    }

    /**
     * Events and watermarks in a fixed order: two events, the watermark past them, a late one
     * within the lateness, the cleanup, one beyond.
     */
    static final class Scripted implements SourceFunction<Tuple2<String, Long>> {
        @Override
        public void run(SourceContext<Tuple2<String, Long>> ctx) {
            synchronized (ctx.getCheckpointLock()) {
                ctx.collectWithTimestamp(Tuple2.of("a", 100L), 100);
                ctx.collectWithTimestamp(Tuple2.of("a", 200L), 200);
                ctx.emitWatermark(new Watermark(999)); // [0, 1000) fires: 2
                ctx.collectWithTimestamp(Tuple2.of("a", 300L), 300); // within the lateness: fires again, 3
                ctx.collectWithTimestamp(Tuple2.of("a", 1500L), 1500);
                ctx.emitWatermark(new Watermark(1600)); // [0, 1000) cleaned up at 999 + 500
                ctx.collectWithTimestamp(Tuple2.of("a", 400L), 400); // beyond: late
            }
        }

        @Override
        public void cancel() {}
    }

    static final class CountEvents implements AggregateFunction<Tuple2<String, Long>, Long, Long> {
        @Override
        public Long createAccumulator() {
            return 0L;
        }

        @Override
        public Long add(Tuple2<String, Long> value, Long accumulator) {
            return accumulator + 1;
        }

        @Override
        public Long getResult(Long accumulator) {
            return accumulator;
        }

        @Override
        public Long merge(Long a, Long b) {
            return a + b;
        }
    }

    /** "key,start,end,value" for the one value of an incremental window. */
    static final class KeyAndWindow<V> extends ProcessWindowFunction<V, String, String, TimeWindow> {
        @Override
        public void process(String key, Context context, Iterable<V> values, Collector<String> out) {
            TimeWindow window = context.window();
            for (V value : values) {
                out.collect(key + "," + window.getStart() + "," + window.getEnd() + "," + value);
            }
        }
    }

    static final class ToOne extends RichMapFunction<Tuple2<String, Long>, Tuple2<String, Long>> {
        @Override
        public Tuple2<String, Long> map(Tuple2<String, Long> e) {
            return Tuple2.of(e.f0, 1L);
        }
    }

    static final class SumOnes implements ReduceFunction<Tuple2<String, Long>> {
        @Override
        public Tuple2<String, Long> reduce(Tuple2<String, Long> a, Tuple2<String, Long> b) {
            return Tuple2.of(a.f0, a.f1 + b.f1);
        }
    }

    static final class RichSum extends io.floe.api.functions.AbstractRichFunction
            implements ReduceFunction<Tuple2<String, Long>> {
        @Override
        public Tuple2<String, Long> reduce(Tuple2<String, Long> a, Tuple2<String, Long> b) {
            return a;
        }
    }

    static final class KeyAndWindowOfSum implements WindowFunction<Tuple2<String, Long>, String, String, TimeWindow> {
        @Override
        public void apply(String key, TimeWindow window, Iterable<Tuple2<String, Long>> sums, Collector<String> out) {
            for (Tuple2<String, Long> sum : sums) {
                out.collect(key + "," + window.getStart() + "," + window.getEnd() + "," + sum.f1);
            }
        }
    }

    /** A window function alone: it is given every element of the session. */
    static final class CountElements extends ProcessWindowFunction<Tuple2<String, Long>, String, String, TimeWindow> {
        @Override
        public void process(
                String key, Context context, Iterable<Tuple2<String, Long>> elements, Collector<String> out) {
            long count = 0;
            long last = Long.MIN_VALUE;
            for (Tuple2<String, Long> e : elements) {
                if (!e.f0.equals(key) || e.f1 < context.window().getStart()) {
                    throw new IllegalStateException(e + " is not of " + key + " in " + context.window());
                }
                last = Math.max(last, e.f1);
                count++;
            }
            TimeWindow window = context.window();
            if (last + GAP != window.getEnd()) {
                throw new IllegalStateException("The session " + window + " does not end a gap after " + last);
            }
            out.collect(key + "," + window.getStart() + "," + window.getEnd() + "," + count);
        }
    }

    static final class CountAll extends ProcessAllWindowFunction<Tuple2<String, Long>, String, TimeWindow> {
        @Override
        public void process(Context context, Iterable<Tuple2<String, Long>> elements, Collector<String> out) {
            long count = 0;
            for (Tuple2<String, Long> ignored : elements) {
                count++;
            }
            out.collect(context.window().getStart() + "," + context.window().getEnd() + "," + count);
        }
    }

    /** Counts its firings in window state and in global (per key) state. */
    static final class FiringsPerWindowAndKey
            extends ProcessWindowFunction<Tuple2<String, Long>, String, String, TimeWindow> {
        private static final ValueStateDescriptor<Long> FIRINGS = new ValueStateDescriptor<>("firings", Long.class);

        @Override
        public void process(String key, Context context, Iterable<Tuple2<String, Long>> elements, Collector<String> out)
                throws Exception {
            ValueState<Long> ofWindow = context.windowState().getState(FIRINGS);
            ValueState<Long> ofKey = context.globalState().getState(FIRINGS);
            long window = ofWindow.value() == null ? 1 : ofWindow.value() + 1;
            long all = ofKey.value() == null ? 1 : ofKey.value() + 1;
            ofWindow.update(window);
            ofKey.update(all);
            TimeWindow w = context.window();
            out.collect("[" + w.getStart() + "," + w.getEnd() + ") firing " + window + " of the window, " + all
                    + " of the key");
        }
    }

    static final class Failing implements WindowFunction<Tuple2<String, Long>, String, String, TimeWindow> {
        @Override
        public void apply(String key, TimeWindow window, Iterable<Tuple2<String, Long>> input, Collector<String> out) {
            throw new IllegalStateException("no window for you");
        }
    }

    /** A trigger that keeps Trigger's default canMerge() (false). */
    static final class NonMergingTrigger extends Trigger<Object, TimeWindow> {
        @Override
        public TriggerResult onElement(Object element, long timestamp, TimeWindow window, TriggerContext ctx) {
            return TriggerResult.CONTINUE;
        }

        @Override
        public TriggerResult onEventTime(long time, TimeWindow window, TriggerContext ctx) {
            return TriggerResult.FIRE;
        }

        @Override
        public TriggerResult onProcessingTime(long time, TimeWindow window, TriggerContext ctx) {
            return TriggerResult.CONTINUE;
        }

        @Override
        public void clear(TimeWindow window, TriggerContext ctx) {}
    }

    /** Events split between the subtasks in order of i, with a pause now and then so that time passes. */
    static final class PacedEvents extends RichParallelSourceFunction<Tuple2<String, Long>> {
        private final long events;
        private volatile boolean running = true;
        private transient int subtask;
        private transient int subtasks;

        PacedEvents(long events) {
            this.events = events;
        }

        @Override
        public void open(OpenContext openContext) {
            subtask = getRuntimeContext().getTaskInfo().getIndexOfThisSubtask();
            subtasks = getRuntimeContext().getTaskInfo().getNumberOfParallelSubtasks();
        }

        @Override
        public void run(SourceContext<Tuple2<String, Long>> ctx) throws Exception {
            for (long i = subtask; i < events && running; i += subtasks) {
                ctx.collect(event(i));
                if (i % 200 < subtasks) {
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
