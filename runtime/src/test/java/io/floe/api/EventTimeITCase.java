package io.floe.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.api.eventtime.WatermarkStrategy;
import io.floe.api.functions.KeyedProcessFunction;
import io.floe.api.functions.OpenContext;
import io.floe.api.functions.source.RichParallelSourceFunction;
import io.floe.api.state.MapState;
import io.floe.api.state.MapStateDescriptor;
import io.floe.api.state.ValueState;
import io.floe.api.state.ValueStateDescriptor;
import io.floe.api.tuple.Tuple2;
import io.floe.api.watermark.Watermark;
import io.floe.testutils.Deadline;
import io.floe.testutils.TestOutput;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Event time end to end on the embedded cluster at parallelism 2: timestamps, watermarks through
 * chains and channels, event- and processing-time timers. Windows are built here from MapState and
 * timers, the way a user writes them without the window API; the expected counts come from an
 * independent computation over the same events.
 */
class EventTimeITCase {
    private static final int KEYS = 7;
    private static final long WINDOW = 1_000;
    private static final long DISORDER = 100;
    private static final OutputTag<String> LATE = new OutputTag<>("late") {};

    /** Firings, over the JVM, whose watermark was below the end of event time (progress mid-stream). */
    private static final AtomicInteger FIRED_BEFORE_THE_END = new AtomicInteger();

    private static final AtomicInteger PROCESSING_TIME_FIRINGS = new AtomicInteger();

    @TempDir
    Path dir;

    /** Event {@code i}: its key, and a timestamp at most {@link #DISORDER} ms out of order within its subtask. */
    static Tuple2<String, Long> event(long i) {
        long jitter = Math.floorMod(i * 2_654_435_761L, DISORDER);
        return Tuple2.of("k" + (i % KEYS), 10_000 + i * 2 + jitter);
    }

    /** The independent computation: events per key and window start. */
    private static Map<String, Long> expectedCounts(long events) {
        Map<String, Long> counts = new TreeMap<>();
        for (long i = 0; i < events; i++) {
            Tuple2<String, Long> e = event(i);
            counts.merge(e.f0 + "," + (e.f1 - e.f1 % WINDOW), 1L, Long::sum);
        }
        return counts;
    }

    private static Map<String, Long> firedCounts(List<String> lines) {
        Map<String, Long> fired = new TreeMap<>();
        for (String line : lines) {
            int last = line.lastIndexOf(',');
            Long previous = fired.put(line.substring(0, last), Long.parseLong(line.substring(last + 1)));
            assertEquals(null, previous, "a window fired twice: " + line);
        }
        return fired;
    }

    @Test
    void timerBucketsEqualTumblingWindowsWhileWatermarksAdvanceMidStream() throws Exception {
        long events = 60_000;
        Path out = dir.resolve("windows");
        Path late = dir.resolve("late");
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.getExecutionEnvironment().setParallelism(2);
        env.getConfiguration().setString("pipeline.auto-watermark-interval", "20 ms");
        SingleOutputStreamOperator<String> windows = env.addSource(new PacedEvents(events))
                .assignTimestampsAndWatermarks(
                        WatermarkStrategy.<Tuple2<String, Long>>forBoundedOutOfOrderness(Duration.ofMillis(DISORDER))
                                .withTimestampAssigner((e, previous) -> e.f1))
                .keyBy(e -> e.f0)
                .process(new TumblingCounts());
        windows.writeAsText(out.toString());
        windows.getSideOutput(LATE).writeAsText(late.toString());
        FIRED_BEFORE_THE_END.set(0);
        env.execute("timer windows");

        List<String> lateEvents = TestOutput.allLines(late);
        assertEquals(
                0,
                lateEvents.size(),
                () -> "no event is late with a bound of its disorder, but: "
                        + lateEvents.subList(0, Math.min(5, lateEvents.size())));
        assertEquals(expectedCounts(events), firedCounts(TestOutput.allLines(out)));
        assertTrue(
                FIRED_BEFORE_THE_END.get() > 0,
                "windows fired before the end of the input: watermarks advanced mid-stream");
    }

    @Test
    void inBatchModeTheSameProgramGivesTheSameWindows() throws Exception {
        long events = 30_000;
        Path out = dir.resolve("batch");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment()
                .setParallelism(2)
                .setRuntimeMode(RuntimeExecutionMode.BATCH);
        env.fromSequence(0, events - 1)
                .map(EventTimeITCase::event)
                .assignTimestampsAndWatermarks(
                        WatermarkStrategy.<Tuple2<String, Long>>forBoundedOutOfOrderness(Duration.ofMillis(DISORDER))
                                .withTimestampAssigner((e, previous) -> e.f1))
                .keyBy(e -> e.f0)
                .process(new TumblingCounts())
                .writeAsText(out.toString());
        env.execute("timer windows, batch");

        assertEquals(expectedCounts(events), firedCounts(TestOutput.allLines(out)));
    }

    @Test
    void sourceTimestampsAndWatermarksReachTheTimersWithoutAnAssigner() throws Exception {
        long events = 20_000;
        Path out = dir.resolve("source-time");
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.getExecutionEnvironment().setParallelism(2);
        env.addSource(new TimestampingEvents(events))
                .map(e -> e) // chained: the timestamp goes along without the record changing
                .keyBy(e -> e.f0)
                .process(new TumblingCounts())
                .writeAsText(out.toString());
        env.execute("source event time");

        assertEquals(expectedCounts(events), firedCounts(TestOutput.allLines(out)));
    }

    @Test
    void processingTimeTimersFireWithTheirKeyAndDomain() throws Exception {
        Path out = dir.resolve("processing");
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.getExecutionEnvironment().setParallelism(2);
        PROCESSING_TIME_FIRINGS.set(0);
        env.addSource(new PacedEvents(KEYS * 3, true))
                .keyBy(e -> e.f0)
                .process(new OneProcessingTimeTimerPerKey())
                .writeAsText(out.toString());
        env.execute("processing-time timers");

        List<String> fired = new ArrayList<>(TestOutput.allLines(out));
        fired.sort(null);
        List<String> expected = new ArrayList<>();
        for (int k = 0; k < KEYS; k++) {
            expected.add("k" + k + " PROCESSING_TIME null");
        }
        assertEquals(expected, fired, "one timer per key fired, in processing time, without an event timestamp");
    }

    /** Sets one processing-time timer per key, 20 ms ahead, and emits what it sees when it fires. */
    static final class OneProcessingTimeTimerPerKey extends KeyedProcessFunction<String, Tuple2<String, Long>, String> {
        private transient ValueState<Long> timer;

        @Override
        public void open(OpenContext openContext) {
            timer = getRuntimeContext().getState(new ValueStateDescriptor<>("timer", Long.class));
        }

        @Override
        public void processElement(Tuple2<String, Long> e, Context ctx, Collector<String> collector) throws Exception {
            if (timer.value() == null) { // one per key
                long at = ctx.timerService().currentProcessingTime() + 20;
                timer.update(at);
                ctx.timerService().registerProcessingTimeTimer(at);
            }
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> collector) {
            PROCESSING_TIME_FIRINGS.incrementAndGet();
            collector.collect(ctx.getCurrentKey() + " " + ctx.timeDomain() + " " + ctx.timestamp());
        }
    }

    /** Counts events per key and 1 s window in MapState; an event-time timer at the window's end emits and clears. */
    static final class TumblingCounts extends KeyedProcessFunction<String, Tuple2<String, Long>, String> {
        private transient MapState<Long, Long> counts;

        @Override
        public void open(OpenContext openContext) {
            counts = getRuntimeContext().getMapState(new MapStateDescriptor<>("counts", Long.class, Long.class));
        }

        @Override
        public void processElement(Tuple2<String, Long> e, Context ctx, Collector<String> out) throws Exception {
            long timestamp = ctx.timestamp();
            if (timestamp != e.f1) {
                throw new IllegalStateException("The record's timestamp is " + timestamp + ", not " + e.f1);
            }
            if (timestamp <= ctx.timerService().currentWatermark()) {
                ctx.output(LATE, e + " behind " + ctx.timerService().currentWatermark());
                return;
            }
            long start = timestamp - timestamp % WINDOW;
            Long count = counts.get(start);
            counts.put(start, count == null ? 1 : count + 1);
            ctx.timerService().registerEventTimeTimer(start + WINDOW - 1);
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) throws Exception {
            if (ctx.timeDomain() != TimeDomain.EVENT_TIME || ctx.timestamp() != timestamp) {
                throw new IllegalStateException("An event-time timer at " + timestamp + " fired as " + ctx.timeDomain()
                        + " with timestamp " + ctx.timestamp());
            }
            if (ctx.timerService().currentWatermark() < Long.MAX_VALUE) {
                FIRED_BEFORE_THE_END.incrementAndGet();
            }
            long start = timestamp + 1 - WINDOW;
            out.collect(ctx.getCurrentKey() + "," + start + "," + counts.get(start));
            counts.remove(start);
        }
    }

    /** Events split between the subtasks in order of i, with a pause now and then so that time passes. */
    static class PacedEvents extends RichParallelSourceFunction<Tuple2<String, Long>> {
        private final long events;
        private volatile boolean running = true;
        private transient int subtask;
        private transient int subtasks;

        /** Whether the source waits, before it ends, for the processing-time timers to fire. */
        private final boolean awaitProcessingTimers;

        PacedEvents(long events) {
            this(events, false);
        }

        PacedEvents(long events, boolean awaitProcessingTimers) {
            this.events = events;
            this.awaitProcessingTimers = awaitProcessingTimers;
        }

        @Override
        public void open(OpenContext openContext) {
            subtask = getRuntimeContext().getTaskInfo().getIndexOfThisSubtask();
            subtasks = getRuntimeContext().getTaskInfo().getNumberOfParallelSubtasks();
        }

        @Override
        public void run(SourceContext<Tuple2<String, Long>> ctx) throws Exception {
            for (long i = subtask; i < events && running; i += subtasks) {
                emit(ctx, i);
                if (i % 200 < subtasks) {
                    LockSupport.parkNanos(1_000_000); // paces the source: watermarks advance mid-stream
                }
            }
            if (awaitProcessingTimers) { // they fire before the end of the input, not at it
                Deadline.waitUntil(
                        () -> PROCESSING_TIME_FIRINGS.get() == KEYS,
                        Duration.ofSeconds(30),
                        "a processing-time timer per key to fire");
            }
        }

        void emit(SourceContext<Tuple2<String, Long>> ctx, long i) {
            ctx.collect(event(i));
        }

        @Override
        public void cancel() {
            running = false;
        }
    }

    /** The events with their timestamps from the source, and the source's own watermarks. */
    static final class TimestampingEvents extends PacedEvents {
        private transient long highest;

        TimestampingEvents(long events) {
            super(events);
        }

        @Override
        void emit(SourceContext<Tuple2<String, Long>> ctx, long i) {
            Tuple2<String, Long> e = event(i);
            synchronized (ctx.getCheckpointLock()) {
                ctx.collectWithTimestamp(e, e.f1);
                highest = Math.max(highest, e.f1);
                if (i % 100 < 2) {
                    ctx.emitWatermark(new Watermark(highest - DISORDER - 1));
                }
            }
        }
    }
}
