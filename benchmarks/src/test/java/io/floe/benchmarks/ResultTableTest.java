package io.floe.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResultTableTest {
    private final Workload w1 = Workload.all(Path.of("/w"), Path.of("/a")).get(0);

    @Test
    void medianOfOddAndEvenCounts() {
        assertEquals(2.0, ResultTable.median(List.of(3.0, 1.0, 2.0)));
        assertEquals(2.5, ResultTable.median(List.of(4.0, 1.0, 2.0, 3.0)));
        assertTrue(Double.isNaN(ResultTable.median(List.of())));
    }

    @Test
    void rowShowsMedianThroughputAndRatioToFlink() {
        ResultTable table = new ResultTable(false);
        table.add(w1, Arrays.asList(run(5.0), null, run(4.0), run(6.0)), List.of());
        String text = table.format();
        String row = text.lines().filter(l -> l.startsWith("W1-p1")).findFirst().orElseThrow();
        // median of 4, 5, 6 = 5 s; 50 M records / 5 s = 10.00 M/s; 10.0 / 10.3 = 0.97
        assertTrue(
                row.matches("W1-p1\\s+stateless chain, fromSequence, p=1\\s+50,000,000\\s+3/4\\s+5.000"
                        + "\\s+10.00 M/s\\s+10.30 M/s\\s+0.97\\s+-"),
                row);
    }

    @Test
    void comparesWithFlinkRunsWhenAsked() {
        ResultTable table = new ResultTable(true);
        table.add(w1, List.of(run(5.0)), List.of(run(2.5)));
        String row = table.format()
                .lines()
                .filter(l -> l.startsWith("W1-p1"))
                .findFirst()
                .orElseThrow();
        assertTrue(row.matches(".*0\\.97\\s+-\\s+2\\.500\\s+20\\.00 M/s\\s+0\\.50\\s+-"), row);
    }

    @Test
    void failedWorkloadsSayFailed() {
        ResultTable table = new ResultTable(false);
        table.add(
                w1, Arrays.asList(null, ResultLine.parse("RESULT W1-p1 records=1 seconds=1 correct=false")), List.of());
        assertTrue(
                table.format()
                        .lines()
                        .anyMatch(l -> l.matches("W1-p1 .*\\s0/2\\s+FAILED\\s+-\\s+10\\.30 M/s\\s+-\\s+-")),
                table.format());
    }

    @Test
    void heapIsTheMedianOfTheSuccessfulRunsPeaks() {
        ResultTable table = new ResultTable(true);
        table.add(
                w1,
                List.of(run(5.0, 1800, 200), run(4.0, 1600, 100), run(6.0, 1700, 300)),
                Arrays.asList(run(2.5, 900, 50), null));
        String row = table.format()
                .lines()
                .filter(l -> l.startsWith("W1-p1"))
                .findFirst()
                .orElseThrow();
        assertTrue(row.matches(".*0\\.97\\s+1700/200\\s+2\\.500\\s+20\\.00 M/s\\s+0\\.50\\s+900/50"), row);
        assertTrue(table.format().lines().findFirst().orElseThrow().endsWith("Flink heap MB peak/after GC"));
    }

    private static ResultLine run(double seconds, long peakMb, long afterGcMb) {
        return new ResultLine("W1-p1", 50_000_000L, seconds, new GcLogHeapPeaks(peakMb, afterGcMb, 10).resultFields());
    }

    private static ResultLine run(double seconds) {
        return new ResultLine("W1-p1", 50_000_000L, seconds, Map.of());
    }
}
