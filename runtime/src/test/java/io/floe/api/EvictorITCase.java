package io.floe.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.api.functions.windowing.AllWindowFunction;
import io.floe.api.functions.windowing.ProcessWindowFunction;
import io.floe.api.tuple.Tuple2;
import io.floe.api.windowing.assigners.EventTimeSessionWindows;
import io.floe.api.windowing.assigners.GlobalWindows;
import io.floe.api.windowing.assigners.TumblingEventTimeWindows;
import io.floe.api.windowing.evictors.CountEvictor;
import io.floe.api.windowing.evictors.DeltaEvictor;
import io.floe.api.windowing.evictors.TimeEvictor;
import io.floe.api.windowing.triggers.CountTrigger;
import io.floe.api.windowing.windows.GlobalWindow;
import io.floe.api.windowing.windows.Window;
import io.floe.testutils.TestOutput;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Evictors and sliding count windows end to end on the embedded cluster: each result compared with
 * an independent simulation of the same input, through reduce ({@code sum}), aggregate and window
 * functions, on global, tumbling and session windows.
 */
class EvictorITCase {
    private static final int KEYS = 3;
    static final long TIME_KEPT = 300;

    @TempDir
    Path dir;

    /** Lines grouped by the part before the first comma, each group in output order. */
    private static Map<String, List<String>> byKey(List<String> lines) {
        Map<String, List<String>> grouped = new TreeMap<>();
        for (String line : lines) {
            int comma = line.indexOf(',');
            grouped.computeIfAbsent(line.substring(0, comma), k -> new ArrayList<>())
                    .add(line.substring(comma + 1));
        }
        return grouped;
    }

    /** "(key,sum)" lines of a Tuple2 sum, as "key,sum". */
    private static List<String> unwrapped(List<String> tuples) {
        List<String> lines = new ArrayList<>();
        for (String tuple : tuples) {
            lines.add(tuple.substring(1, tuple.length() - 1));
        }
        return lines;
    }

    @Test
    void slidingCountWindowsSumTheLastSizeRecordsEverySlide() throws Exception {
        long count = 3 * 41;
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.getExecutionEnvironment().setParallelism(2);
        env.fromSequence(0, count - 1)
                .setParallelism(1) // each key's elements in the order of i
                .map(i -> Tuple2.of("k" + (i % KEYS), i * i))
                .setParallelism(1)
                .keyBy(e -> e.f0)
                .countWindow(4, 3)
                .sum(1)
                .writeAsText(dir.resolve("sums").toString());
        env.execute("sliding count windows");

        Map<String, List<String>> expected = new TreeMap<>();
        Map<String, List<Long>> seen = new HashMap<>();
        for (long i = 0; i < count; i++) {
            String key = "k" + (i % KEYS);
            List<Long> values = seen.computeIfAbsent(key, k -> new ArrayList<>());
            values.add(i * i);
            if (values.size() % 3 == 0) {
                long sum = 0;
                for (long v : values.subList(Math.max(0, values.size() - 4), values.size())) {
                    sum += v;
                }
                expected.computeIfAbsent(key, k -> new ArrayList<>()).add(String.valueOf(sum));
            }
        }
        assertEquals(expected, byKey(unwrapped(TestOutput.allLines(dir.resolve("sums")))));
        assertEquals(13, expected.get("k0").size());
    }

    @Test
    void slidingCountWindowsOfTheWholeStream() throws Exception {
        long count = 50;
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.fromSequence(1, count)
                .setParallelism(1)
                .map(i -> Tuple2.of("all", i))
                .setParallelism(1)
                .countWindowAll(5, 3)
                .sum(1)
                .writeAsText(dir.resolve("sums").toString());
        env.execute("sliding count windows of the stream");

        List<String> expected = new ArrayList<>();
        for (long c = 3; c <= count; c += 3) {
            long sum = 0;
            for (long i = Math.max(1, c - 4); i <= c; i++) {
                sum += i;
            }
            expected.add("all," + sum);
        }
        assertEquals(expected, unwrapped(TestOutput.allLines(dir.resolve("sums"))));
    }

    @Test
    void aCountEvictorAfterTheFunctionKeepsTheLatestElementsForTheNextFiring() throws Exception {
        long count = 3 * 20;
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.getExecutionEnvironment().setParallelism(2);
        env.fromSequence(0, count - 1)
                .setParallelism(1)
                .map(i -> Tuple2.of("k" + (i % KEYS), i))
                .setParallelism(1)
                .keyBy(e -> e.f0)
                .window(GlobalWindows.create())
                .trigger(CountTrigger.of(3))
                .evictor(CountEvictor.of(2, true))
                .process(new ListValues<>())
                .writeAsText(dir.resolve("fired").toString());
        env.execute("count evictor after");

        Map<String, List<String>> expected = new TreeMap<>();
        Map<String, List<Long>> kept = new HashMap<>();
        Map<String, Integer> arrivals = new HashMap<>();
        for (long i = 0; i < count; i++) {
            String key = "k" + (i % KEYS);
            List<Long> window = kept.computeIfAbsent(key, k -> new ArrayList<>());
            window.add(i);
            if (arrivals.merge(key, 1, Integer::sum) % 3 == 0) {
                expected.computeIfAbsent(key, k -> new ArrayList<>()).add(window.toString());
                kept.put(key, new ArrayList<>(window.subList(window.size() - 2, window.size())));
            }
        }
        assertEquals(expected, byKey(TestOutput.allLines(dir.resolve("fired"))));
        assertEquals("[0, 3, 6]", expected.get("k0").get(0));
        assertEquals("[3, 6, 9, 12, 15]", expected.get("k0").get(1));
    }

    @Test
    void aDeltaEvictorKeepsTheElementsCloseToTheLastOne() throws Exception {
        long count = 2 * 40;
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.fromSequence(0, count - 1)
                .setParallelism(1)
                .map(i -> Tuple2.of("k" + (i % 2), (i * 37) % 50))
                .setParallelism(1)
                .keyBy(e -> e.f0)
                .window(GlobalWindows.create())
                .trigger(CountTrigger.of(4))
                .evictor(DeltaEvictor.<Tuple2<String, Long>, GlobalWindow>of(10.0, (a, b) -> Math.abs(a.f1 - b.f1)))
                .process(new ListValues<>())
                .writeAsText(dir.resolve("fired").toString());
        env.execute("delta evictor");

        Map<String, List<String>> expected = new TreeMap<>();
        Map<String, List<Long>> kept = new HashMap<>();
        Map<String, Integer> arrivals = new HashMap<>();
        for (long i = 0; i < count; i++) {
            String key = "k" + (i % 2);
            List<Long> window = kept.computeIfAbsent(key, k -> new ArrayList<>());
            window.add((i * 37) % 50);
            if (arrivals.merge(key, 1, Integer::sum) % 4 == 0) {
                long last = window.get(window.size() - 1);
                window.removeIf(v -> Math.abs(v - last) >= 10);
                expected.computeIfAbsent(key, k -> new ArrayList<>()).add(window.toString());
            }
        }
        assertEquals(expected, byKey(TestOutput.allLines(dir.resolve("fired"))));
    }

    /** Tumbling windows that count only the last {@link #TIME_KEPT} ms of their elements, as an aggregate. */
    private void timeEvicted(RuntimeExecutionMode mode, long count) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment()
                .setParallelism(2)
                .setRuntimeMode(mode);
        env.getConfiguration().setString("pipeline.auto-watermark-interval", "20 ms");
        env.fromSequence(0, count - 1)
                .map(WindowITCase::event)
                .assignTimestampsAndWatermarks(WindowITCase.boundedDisorder())
                .keyBy(e -> e.f0)
                .window(TumblingEventTimeWindows.of(Duration.ofSeconds(1)))
                .evictor(TimeEvictor.of(Duration.ofMillis(TIME_KEPT)))
                .aggregate(new WindowITCase.CountEvents(), new WindowITCase.KeyAndWindow<>())
                .writeAsText(dir.resolve("counts-" + mode).toString());
        env.execute("time evictor, " + mode);

        Map<String, Long> expected = expectedTimeEvicted(WindowITCase.events(count));
        long kept = expected.values().stream().mapToLong(Long::longValue).sum();
        assertTrue(kept < count / 2, "the evictor has work to do: " + kept + " of " + count + " kept");
        assertEquals(expected, WindowITCase.fired(TestOutput.allLines(dir.resolve("counts-" + mode))));
    }

    /**
     * "key,start,end" of each tumbling window of a second → how many of its elements are less than
     * {@link #TIME_KEPT} ms before its latest one (what {@code TimeEvictor.of(TIME_KEPT)} keeps).
     */
    static Map<String, Long> expectedTimeEvicted(List<Tuple2<String, Long>> events) {
        Map<String, List<Long>> times = new TreeMap<>();
        for (Tuple2<String, Long> e : events) {
            long start = e.f1 - e.f1 % 1_000;
            times.computeIfAbsent(e.f0 + "," + start + "," + (start + 1_000), w -> new ArrayList<>())
                    .add(e.f1);
        }
        Map<String, Long> expected = new TreeMap<>();
        times.forEach((window, timestamps) -> {
            long latest = timestamps.stream().mapToLong(Long::longValue).max().orElseThrow();
            expected.put(
                    window,
                    timestamps.stream().filter(t -> t > latest - TIME_KEPT).count());
        });
        return expected;
    }

    @Test
    void aTimeEvictorKeepsTheLastPartOfEachWindowInStreamingMode() throws Exception {
        timeEvicted(RuntimeExecutionMode.STREAMING, 10_000);
    }

    @Test
    void aTimeEvictorKeepsTheLastPartOfEachWindowInBatchMode() throws Exception {
        timeEvicted(RuntimeExecutionMode.BATCH, 10_000);
    }

    @Test
    void sessionWindowsWithAnEvictorMergeTheirElements() throws Exception {
        long count = 5_000;
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment()
                .setParallelism(2)
                .setRuntimeMode(RuntimeExecutionMode.STREAMING);
        env.getConfiguration().setString("pipeline.auto-watermark-interval", "20 ms");
        env.fromSequence(0, count - 1)
                .map(WindowITCase::event)
                .assignTimestampsAndWatermarks(WindowITCase.boundedDisorder())
                .keyBy(e -> e.f0)
                .window(EventTimeSessionWindows.withGap(Duration.ofMillis(200)))
                .evictor(CountEvictor.of(3))
                .aggregate(new WindowITCase.CountEvents(), new WindowITCase.KeyAndWindow<>())
                .writeAsText(dir.resolve("sessions").toString());
        env.execute("sessions with an evictor");

        Map<String, Long> expected = new TreeMap<>();
        WindowITCase.expectedSessions(WindowITCase.events(count))
                .forEach((session, elements) -> expected.put(session, Math.min(3, elements)));
        assertTrue(expected.size() >= 5 * KEYS, "the input has gaps: " + expected.size() + " sessions");
        assertEquals(expected, WindowITCase.fired(TestOutput.allLines(dir.resolve("sessions"))));
    }

    @Test
    void anAllWindowWithAnEvictorSeesWhatRemains() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.fromSequence(1, 20)
                .setParallelism(1)
                .windowAll(GlobalWindows.create())
                .trigger(CountTrigger.of(10))
                .evictor(CountEvictor.of(4))
                .apply(new ListAll())
                .writeAsText(dir.resolve("all").toString());
        env.execute("windowAll with an evictor");

        // at 10: the last 4 of 1..10; at 20: the last 4 of those 4 and 11..20
        assertEquals(List.of("[7, 8, 9, 10]", "[17, 18, 19, 20]"), TestOutput.allLines(dir.resolve("all")));
    }

    /** "key,[v1, v2, ...]": the second fields of a window's elements, in the order the function got them. */
    static final class ListValues<W extends Window>
            extends ProcessWindowFunction<Tuple2<String, Long>, String, String, W> {
        @Override
        public void process(
                String key, Context context, Iterable<Tuple2<String, Long>> elements, Collector<String> out) {
            List<Long> values = new ArrayList<>();
            for (Tuple2<String, Long> e : elements) {
                values.add(e.f1);
            }
            out.collect(key + "," + values);
        }
    }

    static final class ListAll implements AllWindowFunction<Long, String, GlobalWindow> {
        @Override
        public void apply(GlobalWindow window, Iterable<Long> values, Collector<String> out) {
            List<Long> all = new ArrayList<>();
            values.forEach(all::add);
            out.collect(all.toString());
        }
    }
}
