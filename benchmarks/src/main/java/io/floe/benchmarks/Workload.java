package io.floe.benchmarks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One row of the suite: the job class and arguments that measure it on Floe, the same workload
 * in the Flink anchor ({@code /work/shared/anchors/flink}, Part A), and Flink 1.20.5's measured
 * median on this machine (records per second, from the anchor's README).
 *
 * @param label the name used by {@code --only} and in the table
 * @param description what the workload does, for the table
 * @param records how many records the workload counts (the input size)
 * @param flinkRecordsPerSecond Flink 1.20's reference throughput
 * @param jobClass the Floe job that runs it ({@code main} prints a {@link ResultLine})
 * @param flinkClass the anchor's class for the same workload
 */
record Workload(
        String label,
        String description,
        long records,
        double flinkRecordsPerSecond,
        Class<?> jobClass,
        List<String> jobArguments,
        String flinkClass,
        List<String> flinkArguments) {

    static final long W1_RECORDS = 50_000_000L;
    static final long W2_RECORDS = 20_000_000L;
    static final long W2_KEYS = 100_000L;
    static final long W4_RECORDS = 20_000_000L;
    static final long W4_KEYS = 1_000_000L;

    /** Every workload, in the table's order; W3 reads {@code words} on Floe and {@code flinkWords} on Flink. */
    static List<Workload> all(Path words, Path flinkWords) {
        List<Workload> all = new ArrayList<>();
        for (int p : new int[] {1, 2}) {
            all.add(new Workload(
                    "W1-p" + p,
                    "stateless chain, fromSequence, p=" + p,
                    W1_RECORDS,
                    p == 1 ? 10.3e6 : 13.1e6,
                    StatelessChainJob.class,
                    List.of("--label", "W1-p" + p, "--n", "" + W1_RECORDS, "--parallelism", "" + p),
                    "anchors.flink.parta.W1StatelessChain",
                    List.of("--n=" + W1_RECORDS, "--parallelism=" + p, "--source=seq")));
        }
        all.add(new Workload(
                "W2-p2",
                "keyed running reduce, 100k keys, p=2",
                W2_RECORDS,
                1.32e6,
                KeyedReduceJob.class,
                List.of("--label", "W2-p2", "--n", "" + W2_RECORDS, "--keys", "" + W2_KEYS, "--parallelism", "2"),
                "anchors.flink.parta.W2KeyedAggregation",
                List.of("--n=" + W2_RECORDS, "--keys=" + W2_KEYS, "--parallelism=2")));
        for (String mode : new String[] {"streaming", "batch"}) {
            all.add(new Workload(
                    "W3-" + mode,
                    "word count, 100 MB text, " + mode.toUpperCase() + ", p=2",
                    WordFileGenerator.EXPECTED_WORDS,
                    mode.equals("streaming") ? 1.23e6 : 0.55e6,
                    WordCountJob.class,
                    List.of("--label", "W3-" + mode, "--input", words.toString(), "--parallelism", "2", "--mode", mode),
                    "anchors.flink.parta.W3WordCount",
                    List.of("--input=" + flinkWords, "--parallelism=2", "--mode=" + mode)));
        }
        for (long interval : new long[] {1000, 0}) {
            String label = interval > 0 ? "W4-chk" : "W4-nochk";
            all.add(new Workload(
                    label,
                    "keyed ValueState count, 1M keys, p=2, "
                            + (interval > 0 ? "checkpoint every 1 s" : "no checkpoints"),
                    W4_RECORDS,
                    0.57e6, // the anchor's first rough figure (2 M records, 500 ms checkpoints): compare live
                    KeyedStateCheckpointedJob.class,
                    List.of(
                            "--label",
                            label,
                            "--n",
                            "" + W4_RECORDS,
                            "--keys",
                            "" + W4_KEYS,
                            "--parallelism",
                            "2",
                            "--interval",
                            "" + interval,
                            "--dir",
                            "file:///tmp/floe-w4-chk"),
                    "anchors.flink.parta.W4KeyedStateCheckpointed",
                    List.of(
                            "--n=" + W4_RECORDS,
                            "--keys=" + W4_KEYS,
                            "--parallelism=2",
                            "--interval=" + interval,
                            "--dir=file:///tmp/anchor-w4-chk")));
        }
        return all;
    }

    boolean readsWordFile() {
        return jobClass == WordCountJob.class;
    }
}
