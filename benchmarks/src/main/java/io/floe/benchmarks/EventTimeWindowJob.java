package io.floe.benchmarks;

import io.floe.api.JobExecutionResult;
import io.floe.api.StreamExecutionEnvironment;
import io.floe.api.eventtime.WatermarkStrategy;
import io.floe.api.tuple.Tuple3;
import io.floe.api.windowing.assigners.SlidingEventTimeWindows;
import io.floe.api.windowing.assigners.TumblingEventTimeWindows;
import io.floe.api.windowing.assigners.WindowAssigner;
import io.floe.api.windowing.windows.TimeWindow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * W5 and W6, event-time windows, as the Flink anchor's {@code W5EventTimeWindows}:
 * {@code fromSequence(0, n-1)} → {@link WindowEventGenerator} {@code (i % keys, event time, 1)} →
 * {@code forBoundedOutOfOrderness(disorder ms)} watermarks → {@code keyBy(f0)} → 1 s tumbling windows
 * ({@code --window tumbling}, W5) or 10 s windows every 1 s ({@code --window sliding}, W6: each event
 * is in ten windows) → {@code reduce} counting (and keeping the latest event time) →
 * {@link WindowTotalsSink}. When the job has ended, the sinks' totals are checked against
 * {@link ExpectedWindowTotals}; the RESULT line says {@code correct=true|false}. Records = n (events).
 *
 * <p>{@code EventTimeWindowJob --label W5-tumbling --n 20000000 --keys 1000 --parallelism 2
 * --window tumbling --per-ms 10 --disorder 100}
 */
public final class EventTimeWindowJob {
    private EventTimeWindowJob() {}

    public static void main(String[] args) throws Exception {
        JobArguments arguments = new JobArguments(args);
        long n = arguments.getLong("n");
        long keys = arguments.getLong("keys");
        int parallelism = arguments.getInt("parallelism");
        long perMs = arguments.getLong("per-ms");
        long disorder = arguments.getLong("disorder");
        String window = arguments.get("window");
        Duration size;
        Duration slide;
        WindowAssigner<Object, TimeWindow> assigner;
        switch (window) {
            case "tumbling" -> {
                size = slide = Duration.ofSeconds(1);
                assigner = TumblingEventTimeWindows.of(size);
            }
            case "sliding" -> {
                size = Duration.ofSeconds(10);
                slide = Duration.ofSeconds(1);
                assigner = SlidingEventTimeWindows.of(size, slide);
            }
            default -> throw new IllegalArgumentException("--window must be tumbling or sliding, not '" + window + "'");
        }
        Path totalsDirectory = Files.createTempDirectory("floe-w5-totals-");

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(parallelism);
        env.fromSequence(0, n - 1)
                .map(new WindowEventGenerator(keys, perMs, disorder))
                .name("to (key, event time, 1)")
                .assignTimestampsAndWatermarks(WatermarkStrategy.<Tuple3<Long, Long, Long>>forBoundedOutOfOrderness(
                                Duration.ofMillis(disorder))
                        .withTimestampAssigner((event, previous) -> event.f1))
                .keyBy(event -> event.f0)
                .window(assigner)
                .reduce((a, b) -> Tuple3.of(a.f0, Math.max(a.f1, b.f1), a.f2 + b.f2))
                .name(window + " window count")
                .addSink(new WindowTotalsSink(totalsDirectory.toString()))
                .name("discard, keeping totals");

        long start = System.nanoTime();
        JobExecutionResult result = env.execute("W5 event-time " + window + " windows");
        double wallSeconds = (System.nanoTime() - start) / 1e9;

        WindowTotals totals = WindowTotals.readAll(totalsDirectory);
        deleteDirectory(totalsDirectory);
        WindowTotals expected =
                ExpectedWindowTotals.compute(n, parallelism, keys, perMs, disorder, size.toMillis(), slide.toMillis());
        Map<String, String> extra = new LinkedHashMap<>();
        extra.put("wall_seconds", String.format(Locale.ROOT, "%.3f", wallSeconds));
        extra.put("windows", String.valueOf(totals.windows()));
        extra.put("checksum", String.valueOf(totals.checksum()));
        extra.put("fingerprint", String.valueOf(totals.fingerprint()));
        if (!totals.equals(expected)) {
            extra.put("expected", expected.windows() + "/" + expected.checksum() + "/" + expected.fingerprint());
        }
        extra.put("correct", String.valueOf(totals.equals(expected)));
        System.out.println(ResultLine.of(arguments.get("label"), n, result.getNetRuntime(), extra)
                .format());
    }

    private static void deleteDirectory(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(directory);
    }
}
