package io.floe.benchmarks;

import io.floe.api.JobExecutionResult;
import io.floe.api.StreamExecutionEnvironment;
import io.floe.api.tuple.Tuple2;
import java.util.Locale;
import java.util.Map;

/**
 * W2, a keyed running reduce: {@code fromSequence(0, n-1)} → {@code (i % keys, 1)} →
 * {@code keyBy(f0)} → {@code reduce} summing f1, emitting every update → a sink that drops
 * everything. At parallelism 2 every record crosses the keyBy shuffle. Records = n.
 *
 * <p>{@code KeyedReduceJob --label W2-p2 --n 20000000 --keys 100000 --parallelism 2}
 */
public final class KeyedReduceJob {
    private KeyedReduceJob() {}

    public static void main(String[] args) throws Exception {
        JobArguments arguments = new JobArguments(args);
        long n = arguments.getLong("n");
        long keys = arguments.getLong("keys");

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(arguments.getInt("parallelism"));
        env.fromSequence(0, n - 1)
                .map(i -> Tuple2.of(i % keys, 1L))
                .keyBy(t -> t.f0)
                .reduce((a, b) -> Tuple2.of(a.f0, a.f1 + b.f1))
                .addSink(v -> {});

        long start = System.nanoTime();
        JobExecutionResult result = env.execute("W2 keyed reduce");
        double wallSeconds = (System.nanoTime() - start) / 1e9;
        System.out.println(ResultLine.of(
                        arguments.get("label"),
                        n,
                        result.getNetRuntime(),
                        Map.of("wall_seconds", String.format(Locale.ROOT, "%.3f", wallSeconds)))
                .format());
    }
}
