package io.floe.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchmarkSuiteTest {

    @Test
    void selectsWorkloadsByLabelInTableOrder() {
        BenchmarkSuite suite = new BenchmarkSuite();
        suite.parse(new String[] {"--runs", "5", "--only", "W3-batch,W1-p1"});
        assertEquals(
                List.of("W1-p1", "W3-batch"),
                suite.selectedWorkloads(Path.of("/a")).stream()
                        .map(Workload::label)
                        .toList());
    }

    @Test
    void allWorkloadsByDefault() {
        BenchmarkSuite suite = new BenchmarkSuite();
        suite.parse(new String[] {});
        assertEquals(
                List.of(
                        "W1-p1",
                        "W1-p2",
                        "W2-p2",
                        "W3-streaming",
                        "W3-batch",
                        "W4-chk",
                        "W4-nochk",
                        "W5-tumbling",
                        "W6-sliding"),
                suite.selectedWorkloads(Path.of("/a")).stream()
                        .map(Workload::label)
                        .toList());
    }

    @Test
    void rejectsUnknownLabelsFlagsAndBadCounts() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> new BenchmarkSuite().parse(new String[] {"--only", "W9"}));
        assertTrue(e.getMessage().startsWith("Unknown workload 'W9'; known: W1-p1,"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new BenchmarkSuite().parse(new String[] {"--fast"}));
        assertThrows(IllegalArgumentException.class, () -> new BenchmarkSuite().parse(new String[] {"--runs", "0"}));
    }

    @Test
    void measuredJvmsGetThePomsOpens() {
        List<String> opens = WorkloadLauncher.floeJvmOpens();
        assertTrue(opens.contains("--add-opens=java.base/java.lang=ALL-UNNAMED"), String.valueOf(opens));
        assertTrue(opens.stream().allMatch(o -> o.startsWith("--add-opens=")), String.valueOf(opens));
    }

    @Test
    void windowWorkloadsRunTheSameEventsOnBothEngines() {
        Workload w6 = Workload.all(Path.of("/a"), Path.of("/b")).stream()
                .filter(w -> w.label().equals("W6-sliding"))
                .findFirst()
                .orElseThrow();
        assertEquals(EventTimeWindowJob.class, w6.jobClass());
        assertEquals("anchors.flink.parta.W5EventTimeWindows", w6.flinkClass());
        assertEquals(
                List.of(
                        "--n=20000000",
                        "--keys=1000",
                        "--parallelism=2",
                        "--window=sliding",
                        "--perMs=10",
                        "--disorder=100"),
                w6.flinkArguments());
        String floe = String.join(" ", w6.jobArguments());
        assertTrue(
                floe.contains("--n 20000000 --keys 1000 --parallelism 2 --window sliding --per-ms 10 --disorder 100"),
                floe);
    }

    @Test
    void w3UsesTheGivenFilesPerEngine() {
        Workload w3 = Workload.all(Path.of("/floe.txt"), Path.of("/flink.txt")).get(3);
        assertTrue(w3.jobArguments().contains("/floe.txt"));
        assertTrue(w3.flinkArguments().contains("--input=/flink.txt"));
    }
}
