package io.floe.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The suite's output: per workload the records, the median job time over the runs, the records
 * per second that gives, Flink 1.20's reference throughput, Floe's ratio to it and the median heap
 * of the runs (peak / highest after a GC, from {@link GcLogHeapPeaks}). With
 * {@code --compare-flink}, also Flink's median measured in the same session, that ratio and
 * Flink's heap.
 */
final class ResultTable {
    private static final String HEAP_HEADER = "heap MB peak/after GC";
    private final boolean withFlink;
    private final List<String[]> rows = new ArrayList<>();

    ResultTable(boolean withFlink) {
        this.withFlink = withFlink;
    }

    /** Adds a workload's row from its runs (failed runs are passed as null). */
    void add(Workload workload, List<ResultLine> floeRuns, List<ResultLine> flinkRuns) {
        List<String> row = new ArrayList<>();
        row.add(workload.label());
        row.add(workload.description());
        row.add(String.format(Locale.ROOT, "%,d", workload.records()));
        List<Double> seconds = successfulSeconds(floeRuns);
        row.add(seconds.size() + "/" + floeRuns.size());
        double floeMedian = median(seconds);
        double floeRate = workload.records() / floeMedian;
        row.add(seconds.isEmpty() ? "FAILED" : String.format(Locale.ROOT, "%.3f", floeMedian));
        row.add(seconds.isEmpty() ? "-" : rate(floeRate));
        row.add(rate(workload.flinkRecordsPerSecond()));
        row.add(
                seconds.isEmpty()
                        ? "-"
                        : String.format(Locale.ROOT, "%.2f", floeRate / workload.flinkRecordsPerSecond()));
        row.add(heap(floeRuns));
        if (withFlink) {
            List<Double> flinkSeconds = successfulSeconds(flinkRuns);
            double flinkMedian = median(flinkSeconds);
            row.add(flinkSeconds.isEmpty() ? "FAILED" : String.format(Locale.ROOT, "%.3f", flinkMedian));
            row.add(flinkSeconds.isEmpty() ? "-" : rate(workload.records() / flinkMedian));
            row.add(
                    seconds.isEmpty() || flinkSeconds.isEmpty()
                            ? "-"
                            : String.format(Locale.ROOT, "%.2f", flinkMedian / floeMedian));
            row.add(heap(flinkRuns));
        }
        rows.add(row.toArray(new String[0]));
    }

    String format() {
        List<String[]> all = new ArrayList<>();
        all.add(
                withFlink
                        ? new String[] {
                            "workload",
                            "description",
                            "records",
                            "ok runs",
                            "median s",
                            "records/s",
                            "Flink 1.20 ref",
                            "vs ref",
                            HEAP_HEADER,
                            "Flink median s",
                            "Flink records/s",
                            "vs Flink",
                            "Flink " + HEAP_HEADER
                        }
                        : new String[] {
                            "workload",
                            "description",
                            "records",
                            "ok runs",
                            "median s",
                            "records/s",
                            "Flink 1.20 ref",
                            "vs ref",
                            HEAP_HEADER
                        });
        all.addAll(rows);
        int[] widths = new int[all.get(0).length];
        for (String[] row : all) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (int r = 0; r < all.size(); r++) {
            String[] row = all.get(r);
            for (int i = 0; i < row.length; i++) {
                boolean leftAligned = i < 2;
                String cell = leftAligned ? pad(row[i], widths[i], false) : pad(row[i], widths[i], true);
                out.append(i == 0 ? "" : "  ").append(cell);
            }
            out.append('\n');
            if (r == 0) {
                out.append("-".repeat(out.length() - 1)).append('\n');
            }
        }
        return out.toString();
    }

    /** The median of the values; NaN for none. */
    static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    /** Records per second in millions: "10.29 M/s". */
    static String rate(double recordsPerSecond) {
        return String.format(Locale.ROOT, "%.2f M/s", recordsPerSecond / 1e6);
    }

    private static List<Double> successfulSeconds(List<ResultLine> runs) {
        return runs.stream()
                .filter(r -> r != null && r.correct())
                .map(ResultLine::seconds)
                .toList();
    }

    /** "1843/212": the medians of the successful runs' heap peaks, "-" when none reported them. */
    private static String heap(List<ResultLine> runs) {
        List<Double> peaks = successfulField(runs, "heap_peak_mb");
        List<Double> afterGc = successfulField(runs, "heap_after_gc_mb");
        if (peaks.isEmpty() || afterGc.isEmpty()) {
            return "-";
        }
        return Math.round(median(peaks)) + "/" + Math.round(median(afterGc));
    }

    private static List<Double> successfulField(List<ResultLine> runs, String key) {
        return runs.stream()
                .filter(r -> r != null && r.correct())
                .flatMap(r -> r.longField(key).stream())
                .map(Long::doubleValue)
                .toList();
    }

    private static String pad(String text, int width, boolean right) {
        String fill = " ".repeat(width - text.length());
        return right ? fill + text : text + fill;
    }
}
