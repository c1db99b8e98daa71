package io.floe.benchmarks;

import io.floe.api.Collector;
import io.floe.api.JobExecutionResult;
import io.floe.api.StreamExecutionEnvironment;
import io.floe.api.functions.KeyedProcessFunction;
import io.floe.api.functions.OpenContext;
import io.floe.api.state.ValueState;
import io.floe.api.state.ValueStateDescriptor;
import io.floe.api.tuple.Tuple2;
import io.floe.configuration.Configuration;
import io.floe.runtime.checkpoint.CheckpointStats;
import io.floe.runtime.checkpoint.CheckpointStatsSnapshot;
import io.floe.runtime.execution.JobGraphs;
import io.floe.runtime.execution.JobResults;
import io.floe.runtime.jobgraph.JobGraph;
import io.floe.runtime.minicluster.MiniCluster;
import io.floe.runtime.minicluster.MiniClusterConfiguration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * W4, keyed state with checkpoints, as the Flink anchor's {@code W4KeyedStateCheckpointed}:
 * {@code fromSequence(0, n-1)} → {@code keyBy(i % keys)} → a {@code KeyedProcessFunction} counting
 * each key in {@code ValueState<Long>} and emitting {@code (key, count)} → a sink that drops
 * everything; an exactly-once checkpoint every {@code --interval} ms (0: none) to {@code --dir}.
 * It runs on an embedded cluster of its own so that it can report the job's checkpoints: how many
 * completed, and the median duration and state size of the latest ones.
 *
 * <p>{@code KeyedStateCheckpointedJob --label W4-chk --n 20000000 --keys 1000000 --parallelism 2
 * --interval 1000 --dir file:///tmp/floe-w4-chk}
 */
public final class KeyedStateCheckpointedJob {
    private KeyedStateCheckpointedJob() {}

    public static void main(String[] args) throws Exception {
        JobArguments arguments = new JobArguments(args);
        long n = arguments.getLong("n");
        long keys = arguments.getLong("keys");
        int parallelism = arguments.getInt("parallelism");
        long interval = arguments.getLong("interval");

        Configuration configuration = new Configuration();
        configuration.setString("state.backend.type", "hashmap");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(configuration);
        env.setParallelism(parallelism);
        if (interval > 0) {
            env.enableCheckpointing(interval);
            env.getCheckpointConfig().setCheckpointStorage(arguments.get("dir"));
        }
        env.fromSequence(0, n - 1)
                .keyBy(i -> i % keys)
                .process(new CountPerKey())
                .addSink(v -> {});
        JobGraph graph = JobGraphs.of(env, "W4 keyed state, checkpoints every " + interval + " ms");

        Map<String, String> extra = new LinkedHashMap<>();
        long start = System.nanoTime();
        JobExecutionResult result;
        try (MiniCluster cluster =
                new MiniCluster(new MiniClusterConfiguration(1, parallelism, env.getConfiguration()))) {
            cluster.start();
            cluster.submitJob(graph).get();
            result = JobResults.toExecutionResult(
                    cluster.requestJobResult(graph.jobId()).get());
            if (interval > 0) {
                describe(
                        cluster.getDispatcherGateway()
                                .requestCheckpointStats(graph.jobId())
                                .get(),
                        extra);
            }
        }
        extra.put("wall_seconds", String.format(Locale.ROOT, "%.3f", (System.nanoTime() - start) / 1e9));
        System.out.println(ResultLine.of(arguments.get("label"), n, result.getNetRuntime(), extra)
                .format());
    }

    /** Checkpoints completed, and the median duration and state size over the latest ones kept (up to ten). */
    private static void describe(CheckpointStatsSnapshot stats, Map<String, String> extra) {
        List<CheckpointStats> completed = stats.history().stream()
                .filter(s -> s.status().equals("COMPLETED"))
                .toList();
        extra.put("checkpoints_completed", Long.toString(stats.numberOfCompleted()));
        extra.put("checkpoints_failed", Long.toString(stats.numberOfFailed()));
        extra.put(
                "checkpoint_median_ms",
                Long.toString(median(completed.stream()
                        .mapToLong(CheckpointStats::endToEndDurationMillis)
                        .sorted()
                        .toArray())));
        extra.put(
                "checkpoint_median_bytes",
                Long.toString(median(completed.stream()
                        .mapToLong(CheckpointStats::stateSize)
                        .sorted()
                        .toArray())));
    }

    private static long median(long[] sorted) {
        return sorted.length == 0 ? -1 : sorted[sorted.length / 2];
    }

    static final class CountPerKey extends KeyedProcessFunction<Long, Long, Tuple2<Long, Long>> {
        private transient ValueState<Long> count;

        @Override
        public void open(OpenContext context) {
            count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Long.class));
        }

        @Override
        public void processElement(Long i, Context ctx, Collector<Tuple2<Long, Long>> out) throws Exception {
            Long c = count.value();
            long next = c == null ? 1L : c + 1L;
            count.update(next);
            out.collect(Tuple2.of(ctx.getCurrentKey(), next));
        }
    }
}
