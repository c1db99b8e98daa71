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
    static final long W5_RECORDS = 20_000_000L;
    static final long W5_KEYS = 1_000L;
    /** W5's and W6's events: records per ms of event time per subtask, and the most an event is moved back (ms). */
    static final long W5_PER_MS = 10L;

    static final long W5_DISORDER_MS = 100L;

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
        for (String window : new String[] {"tumbling", "sliding"}) {
            boolean tumbling = window.equals("tumbling");
            String label = tumbling ? "W5-tumbling" : "W6-sliding";
            all.add(new Workload(
                    label,
                    "event-time " + (tumbling ? "1 s tumbling" : "10 s/1 s sliding") + " window count, 1k keys, p=2",
                    W5_RECORDS,
                    // the anchor's first rough figures (a single run at 2 M events): compare live
                    tumbling ? 0.31e6 : 0.25e6,
                    EventTimeWindowJob.class,
                    List.of(
                            "--label",
                            label,
                            "--n",
                            "" + W5_RECORDS,
                            "--keys",
                            "" + W5_KEYS,
                            "--parallelism",
                            "2",
                            "--window",
                            window,
                            "--per-ms",
                            "" + W5_PER_MS,
                            "--disorder",
                            "" + W5_DISORDER_MS),
                    "anchors.flink.parta.W5EventTimeWindows",
                    List.of(
                            "--n=" + W5_RECORDS,
                            "--keys=" + W5_KEYS,
                            "--parallelism=2",
                            "--window=" + window,
                            "--perMs=" + W5_PER_MS,
                            "--disorder=" + W5_DISORDER_MS)));
        }
        return all;
    }

    boolean readsWordFile() {
        return jobClass == WordCountJob.class;
    }
}
