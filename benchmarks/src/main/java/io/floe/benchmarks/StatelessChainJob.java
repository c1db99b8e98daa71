package io.floe.benchmarks;

import io.floe.api.JobExecutionResult;
import io.floe.api.StreamExecutionEnvironment;
import java.util.Locale;
import java.util.Map;

/**
 * W1, a stateless chain: {@code fromSequence(0, n-1)} → {@code map(x -> x*2)} →
 * {@code filter(x % 3 != 0)} → a sink that drops everything. All operators have the same
 * parallelism, so they chain into one task per slot. Records = n (the input).
 *
 * <p>{@code StatelessChainJob --label W1-p1 --n 50000000 --parallelism 1}
 */
public final class StatelessChainJob {
    private StatelessChainJob() {}

    public static void main(String[] args) throws Exception {
        JobArguments arguments = new JobArguments(args);
        long n = arguments.getLong("n");

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(arguments.getInt("parallelism"));
        env.fromSequence(0, n - 1).map(x -> x * 2).filter(x -> x % 3 != 0).addSink(v -> {});

        long start = System.nanoTime();
        JobExecutionResult result = env.execute("W1 stateless chain");
        double wallSeconds = (System.nanoTime() - start) / 1e9;
        System.out.println(ResultLine.of(
                        arguments.get("label"),
                        n,
                        result.getNetRuntime(),
                        Map.of("wall_seconds", String.format(Locale.ROOT, "%.3f", wallSeconds)))
                .format());
    }
}
