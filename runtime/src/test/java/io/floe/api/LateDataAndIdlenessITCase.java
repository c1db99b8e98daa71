package io.floe.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.api.eventtime.WatermarkStrategy;
import io.floe.api.functions.OpenContext;
import io.floe.api.functions.source.RichParallelSourceFunction;
import io.floe.api.functions.source.SourceFunction;
import io.floe.api.functions.windowing.ProcessWindowFunction;
import io.floe.api.tuple.Tuple2;
import io.floe.api.watermark.Watermark;
import io.floe.api.windowing.assigners.TumblingEventTimeWindows;
import io.floe.api.windowing.windows.TimeWindow;
import io.floe.testutils.TestOutput;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Late data accounted for (window results and the late side output together hold every input
 * element once), and idleness: a source subtask without data does not hold back event time once
 * its idle timeout has passed.
 */
class LateDataAndIdlenessITCase {
    private static final int KEYS = 7;
    private static final long SIZE = 1_000;
    private static final long DISORDER = 100;
    private static final long LATENESS = 500;
    private static final OutputTag<Tuple2<String, Long>> LATE = new OutputTag<>("late") {};

    @TempDir
    Path dir;

    /**
     * Event {@code i}: in order, except every 50th, 3 s behind (later than the allowed lateness:
     * late) and every 50th from 25, 0.6 s behind (within it: its window fires again if it has fired).
     */
    static Tuple2<String, Long> event(long i) {
        long time = 10_000 + i * 2;
        if (i > 1_000 && i % 50 == 0) {
            time -= 3_000;
        } else if (i > 1_000 && i % 50 == 25) {
            time -= 600;
        }
        return Tuple2.of("k" + (i % KEYS), time);
    }

    static boolean beyondTheLateness(long i) {
        return i > 1_000 && i % 50 == 0;
    }

    @Test
    void windowResultsAndLateElementsAccountForEveryInput() throws Exception {
        long count = 20_000;
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.getExecutionEnvironment().setParallelism(2);
        SingleOutputStreamOperator<String> windows = env.addSource(new EventsWithWatermarks(count))
                .keyBy(e -> e.f0)
                .window(TumblingEventTimeWindows.of(Duration.ofMillis(SIZE)))
                .allowedLateness(Duration.ofMillis(LATENESS))
                .sideOutputLateData(LATE)
                .process(new CountPerWindow());
        windows.writeAsText(dir.resolve("windows").toString());
        windows.getSideOutput(LATE).writeAsText(dir.resolve("late").toString());
        env.execute("late data accounted for");

        // the last firing of each window holds all its elements; earlier ones fewer
        Map<String, Long> lastFiring = new TreeMap<>();
        int firings = 0;
        for (String line : TestOutput.allLines(dir.resolve("windows"))) {
            int last = line.lastIndexOf(',');
            lastFiring.merge(line.substring(0, last), Long.parseLong(line.substring(last + 1)), Math::max);
            firings++;
        }
        List<String> late = TestOutput.allLines(dir.resolve("late"));
        long inWindows = lastFiring.values().stream().mapToLong(Long::longValue).sum();
        assertEquals(count, inWindows + late.size(), "every element in a window result or on the side output");

        Map<String, Long> expected = new TreeMap<>();
        long expectedLate = 0;
        for (long i = 0; i < count; i++) {
            Tuple2<String, Long> e = event(i);
            if (beyondTheLateness(i)) {
                expectedLate++;
            } else {
                long start = e.f1 - e.f1 % SIZE;
                expected.merge(e.f0 + "," + start + "," + (start + SIZE), 1L, Long::sum);
            }
        }
        assertEquals(expectedLate, late.size(), "the elements beyond the allowed lateness, on the side output");
        assertEquals(expected, lastFiring, "each window's last firing counts its elements");
        assertTrue(firings > lastFiring.size(), "windows fired again with elements within the lateness");
    }

    /** Each element with its timestamp, and after it the watermark its disorder bound allows: deterministic. */
    static final class EventsWithWatermarks implements SourceFunction<Tuple2<String, Long>> {
        private final long count;

        EventsWithWatermarks(long count) {
            this.count = count;
        }

        @Override
        public void run(SourceContext<Tuple2<String, Long>> ctx) {
            long highest = Long.MIN_VALUE;
            for (long i = 0; i < count; i++) {
                Tuple2<String, Long> e = event(i);
                synchronized (ctx.getCheckpointLock()) {
                    ctx.collectWithTimestamp(e, e.f1);
                    highest = Math.max(highest, e.f1);
                    ctx.emitWatermark(new Watermark(highest - DISORDER - 1));
                }
            }
        }

        @Override
        public void cancel() {}
    }

    static final class CountPerWindow extends ProcessWindowFunction<Tuple2<String, Long>, String, String, TimeWindow> {
        @Override
        public void process(
                String key, Context context, Iterable<Tuple2<String, Long>> elements, Collector<String> out) {
            long n = 0;
            for (Tuple2<String, Long> ignored : elements) {
                n++;
            }
            out.collect(key + "," + context.window().getStart() + ","
                    + context.window().getEnd() + "," + n);
        }
    }

    /** Set when a window fires before the end of event time: the watermark advanced while a subtask was idle. */
    private static final AtomicBoolean FIRED_MID_STREAM = new AtomicBoolean();

    private static volatile CountDownLatch firedMidStream = new CountDownLatch(1);

    /** Set when the idle subtask gave up waiting: whatever fired after that did not need idleness. */
    private static final AtomicBoolean IDLE_SUBTASK_TIMED_OUT = new AtomicBoolean();

    @Test
    void anIdleSourceSubtaskDoesNotHoldBackTheWatermarkOnceItsTimeoutPassed() throws Exception {
        FIRED_MID_STREAM.set(false);
        IDLE_SUBTASK_TIMED_OUT.set(false);
        firedMidStream = new CountDownLatch(1);
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.getExecutionEnvironment().setParallelism(2);
        env.getConfiguration().setString("pipeline.auto-watermark-interval", "20 ms");
        env.addSource(new OneSubtaskIdle())
                .assignTimestampsAndWatermarks(
                        WatermarkStrategy.<Tuple2<String, Long>>forBoundedOutOfOrderness(Duration.ofMillis(DISORDER))
                                .withTimestampAssigner((e, previous) -> e.f1)
                                .withIdleness(Duration.ofMillis(200)))
                .keyBy(e -> e.f0)
                .window(TumblingEventTimeWindows.of(Duration.ofMillis(SIZE)))
                .process(new NotingMidStreamFirings())
                .writeAsText(dir.resolve("idle").toString());
        env.execute("idleness");

        assertTrue(
                FIRED_MID_STREAM.get() && !IDLE_SUBTASK_TIMED_OUT.get(),
                "windows fired while subtask 1 had no data, before the end of the input");
        assertTrue(TestOutput.allLines(dir.resolve("idle")).size() > 0);
    }

    /**
     * Subtask 0 emits events for 10 s of event time, then waits; subtask 1 emits nothing. Both end
     * once a window fired mid-stream, or after 10 s (then the test fails).
     */
    static final class OneSubtaskIdle extends RichParallelSourceFunction<Tuple2<String, Long>> {
        private transient int subtask;
        private volatile boolean running = true;

        @Override
        public void open(OpenContext openContext) {
            subtask = getRuntimeContext().getTaskInfo().getIndexOfThisSubtask();
        }

        @Override
        public void run(SourceContext<Tuple2<String, Long>> ctx) throws Exception {
            if (subtask == 0) {
                for (long i = 0; i < 5_000 && running; i++) {
                    synchronized (ctx.getCheckpointLock()) {
                        ctx.collect(Tuple2.of("k" + (i % KEYS), 10_000 + i * 2));
                    }
                    if (i % 100 == 0) {
                        LockSupport.parkNanos(1_000_000); // paces the source: watermarks advance mid-stream
                    }
                }
            }
            boolean fired = firedMidStream.await(10, TimeUnit.SECONDS);
            if (subtask == 1 && !fired) {
                IDLE_SUBTASK_TIMED_OUT.set(true);
            }
        }

        @Override
        public void cancel() {
            running = false;
        }
    }

    static final class NotingMidStreamFirings
            extends ProcessWindowFunction<Tuple2<String, Long>, String, String, TimeWindow> {
        @Override
        public void process(
                String key, Context context, Iterable<Tuple2<String, Long>> elements, Collector<String> out) {
            if (context.currentWatermark() < Long.MAX_VALUE) {
                FIRED_MID_STREAM.set(true);
                firedMidStream.countDown();
            }
            out.collect(key + "," + context.window().getStart());
        }
    }
}
