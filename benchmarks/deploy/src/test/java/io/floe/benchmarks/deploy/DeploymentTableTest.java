package io.floe.benchmarks.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DeploymentTableTest {
    @Test
    void takesTheMedianOfEachEngineAndMapsTheAnchorsLabels() {
        DeploymentTable table = new DeploymentTable();
        table.addLines(List.of(
                "RESULT D1 seconds=3.000 round=1 engine=floe run=1",
                "RESULT D1 seconds=5.000 round=1 engine=floe run=2",
                "RESULT D1 seconds=4.000 round=1 engine=floe run=3",
                "RESULT B1 seconds=12.000 round=1 engine=flink run=1",
                "RESULT B1 seconds=10.000 round=1 engine=flink run=2",
                "[   3.0s] progress lines are ignored",
                "ROUND engine=floe run=1 ok=1 foreign_cpu_s=0.4"));
        String text = table.format();
        String d1 = text.lines().filter(l -> l.startsWith("D1 ")).findFirst().orElseThrow();
        assertTrue(d1.matches(".*\\b4\\.000\\s+3\\s+11\\.000\\s+2\\s+0\\.36\\s+11\\.520\\s+0\\.35$"), d1);
        assertTrue(text.contains("engine=floe run=1 ok=1 foreign_cpu_s=0.4"), text);
        String d3 = text.lines().filter(l -> l.startsWith("D3 ")).findFirst().orElseThrow();
        assertTrue(d3.contains(" - "), "no runs, no figure: " + d3);
    }

    @Test
    void withoutFlinkRunsComparesWithTheAnchorsPublishedMedians() {
        DeploymentTable table = new DeploymentTable();
        table.addLines(List.of("RESULT D3 seconds=7.901 round=1"));
        String d3 = table.format()
                .lines()
                .filter(l -> l.startsWith("D3 "))
                .findFirst()
                .orElseThrow();
        assertTrue(d3.matches(".*7\\.901\\s+1\\s+23\\.701\\s+0\\.33$"), d3);
    }

    @Test
    void medianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        assertEquals(2.5, DeploymentTable.median(List.of(4.0, 1.0, 2.0, 3.0)));
        assertTrue(Double.isNaN(DeploymentTable.median(List.of())));
    }

    @Test
    void aResultLineSurvivesFormattingAndParsing() {
        ScenarioResult result = ScenarioResult.parse("RESULT D2-warm seconds=0.412 round=2 success=true");
        assertEquals("D2-warm", result.scenario());
        assertEquals(0.412, result.seconds());
        assertEquals("RESULT D2-warm seconds=0.412 round=2 success=true", result.format());
    }
}
