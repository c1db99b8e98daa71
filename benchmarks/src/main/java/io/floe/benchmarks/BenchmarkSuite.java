package io.floe.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Floe's throughput suite: runs W1–W6 (see {@link Workload}), each {@code --runs} times in a fresh
 * JVM, and prints one table with the median job time (Floe's {@code JobExecutionResult.getNetRuntime()}),
 * records per second, the ratio to Apache Flink 1.20 on this machine and the runs' heap (from
 * their GC logs).
 *
 * <pre>
 * BenchmarkSuite [--runs 3] [--only W1-p1,W5-tumbling,...] [--timeout-seconds 600] [--words /tmp/floe-words.txt]
 *                [--compare-flink] [--flink-anchor /work/shared/anchors/flink]
 * </pre>
 *
 * <p>{@code --compare-flink} also runs the Flink anchor's version of each workload, alternating
 * Floe and Flink run by run (the host drifts over minutes, so only interleaved runs compare).
 * Each run's RESULT line is echoed as it finishes; the table comes at the end.
 */
public final class BenchmarkSuite {
    private int runs = 3;
    private Set<String> only = Set.of();
    private Duration timeout = Duration.ofSeconds(600);
    private Path words = Path.of(WordFileGenerator.DEFAULT_PATH);
    private boolean compareFlink;
    private Path flinkAnchorDirectory = Path.of("/work/shared/anchors/flink");

    public static void main(String[] args) throws Exception {
        BenchmarkSuite suite = new BenchmarkSuite();
        FlinkAnchor flink;
        try {
            suite.parse(args);
            flink = suite.compareFlink ? FlinkAnchor.open(suite.flinkAnchorDirectory) : null;
        } catch (IllegalArgumentException | IOException e) {
            System.err.println(e.getMessage());
            System.err.println("Usage: BenchmarkSuite [--runs n] [--only "
                    + String.join(
                            ",",
                            Workload.all(suite.words, FlinkAnchor.ANCHOR_WORDS).stream()
                                    .map(Workload::label)
                                    .toList())
                    + "] [--timeout-seconds s] [--words path] [--compare-flink] [--flink-anchor dir]");
            System.exit(1);
            return;
        }
        System.exit(suite.run(flink) ? 0 : 2);
    }

    void parse(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (flag.equals("--compare-flink")) {
                compareFlink = true;
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("Unknown flag or missing value: " + flag);
            }
            String value = args[++i];
            switch (flag) {
                case "--runs" -> runs = positive(flag, value);
                case "--only" -> only = new LinkedHashSet<>(Arrays.asList(value.split(",")));
                case "--timeout-seconds" -> timeout = Duration.ofSeconds(positive(flag, value));
                case "--words" -> words = Path.of(value);
                case "--flink-anchor" -> flinkAnchorDirectory = Path.of(value);
                default -> throw new IllegalArgumentException("Unknown flag: " + flag);
            }
        }
        selectedWorkloads(FlinkAnchor.ANCHOR_WORDS);
    }

    /** Selected workloads, in table order; unknown labels are an error naming the known ones (checked by parse). */
    List<Workload> selectedWorkloads(Path flinkWords) {
        List<Workload> all = Workload.all(words, flinkWords);
        List<String> labels = all.stream().map(Workload::label).toList();
        for (String label : only) {
            if (!labels.contains(label)) {
                throw new IllegalArgumentException(
                        "Unknown workload '" + label + "'; known: " + String.join(",", labels));
            }
        }
        return all.stream()
                .filter(w -> only.isEmpty() || only.contains(w.label()))
                .toList();
    }

    /**
     * Runs everything and prints the table; false when any run failed or was incorrect.
     *
     * @param flink the anchor to interleave runs with, or null
     */
    boolean run(FlinkAnchor flink) throws IOException, InterruptedException {
        Path java = WorkloadLauncher.currentJava();
        WorkloadLauncher launcher = new WorkloadLauncher(java, timeout);
        List<Workload> workloads = selectedWorkloads(FlinkAnchor.ANCHOR_WORDS);
        if (workloads.stream().anyMatch(Workload::readsWordFile)) {
            System.out.println("# W3 input: " + words + " (generated and checked against sha256 "
                    + WordFileGenerator.EXPECTED_SHA256.substring(0, 12) + "... if missing)");
            WordFileGenerator.ensureAnchorFile(words);
            if (flink != null) {
                flink.prepareWordFile(java);
            }
        }
        System.out.println("# " + LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME) + ", "
                + Runtime.getRuntime().availableProcessors() + " cores, java " + System.getProperty("java.version")
                + ", load average " + loadAverage() + ", " + runs + " fresh-JVM runs per workload"
                + (flink != null ? ", interleaved with Flink" : ""));

        ResultTable table = new ResultTable(flink != null);
        boolean allGood = true;
        for (Workload workload : workloads) {
            List<ResultLine> floeRuns = new ArrayList<>();
            List<ResultLine> flinkRuns = new ArrayList<>();
            for (int run = 1; run <= runs; run++) {
                ResultLine floe = measure("floe", run, () -> launcher.runFloe(workload));
                floeRuns.add(floe);
                allGood &= floe != null && floe.correct();
                if (flink != null) {
                    flinkRuns.add(measure(
                            "flink",
                            run,
                            () -> launcher.run(flink.command(java, workload), workload.label() + "-flink")));
                }
            }
            table.add(workload, floeRuns, flinkRuns);
        }
        System.out.println();
        System.out.println("Median of " + runs + " runs; seconds = job net runtime (JobExecutionResult.getNetRuntime);"
                + " Flink 1.20 ref = Flink 1.20.5 on this machine (anchors/flink/README.md).");
        System.out.print(table.format());
        return allGood;
    }

    private interface Run {
        ResultLine call() throws IOException, InterruptedException;
    }

    /** One run, echoed as it finishes; null when it failed. */
    private static ResultLine measure(String engine, int run, Run body) throws InterruptedException {
        try {
            ResultLine result = body.call();
            System.out.println(
                    engine + " run " + run + ": " + result.format() + (result.correct() ? "" : "  <-- INCORRECT"));
            return result;
        } catch (IOException e) {
            System.out.println(engine + " run " + run + ": FAILED " + e.getMessage());
            return null;
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static int positive(String flag, String value) {
        try {
            int number = Integer.parseInt(value);
            if (number > 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(flag + " needs a positive integer, not '" + value + "'");
    }
}
