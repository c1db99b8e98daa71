package io.floe.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ResultLineTest {

    @Test
    void formatsAndParsesItsOwnLines() {
        ResultLine line = ResultLine.of("W3-batch", 13_181_691, 23_810, Map.of("correct", "true"));
        assertEquals(
                "RESULT W3-batch records=13181691 seconds=23.810 records_per_s=553620 correct=true", line.format());
        assertEquals(line, ResultLine.parse(line.format()));
    }

    @Test
    void readsTheFlinkAnchorsLinesAmongOtherOutput() {
        String output = "some log line\nRESULT W1-seq-p1 records=50000000 seconds=4.859 records_per_s=10290183 "
                + "wall_seconds=8.10 own_cpu_s=9.1\nmore\n";
        ResultLine line = ResultLine.find(output).orElseThrow();
        assertEquals("W1-seq-p1", line.label());
        assertEquals(50_000_000L, line.records());
        assertEquals(4.859, line.seconds());
        assertEquals("8.10", line.extra().get("wall_seconds"));
        assertTrue(line.correct());
    }

    @Test
    void addedFieldsFollowTheRunsOwn() {
        ResultLine line = ResultLine.parse("RESULT W5-tumbling records=20 seconds=2.0 correct=true")
                .withExtra(Map.of("heap_peak_mb", "812"));
        assertEquals(
                "RESULT W5-tumbling records=20 seconds=2.000 records_per_s=10 correct=true heap_peak_mb=812",
                line.format());
        assertEquals(812L, line.longField("heap_peak_mb").orElseThrow());
        assertTrue(line.longField("correct").isEmpty());
    }

    @Test
    void incorrectRunsSaySo() {
        assertFalse(ResultLine.parse("RESULT W3-streaming records=1 seconds=1.0 correct=false")
                .correct());
        assertTrue(ResultLine.find("no result here").isEmpty());
    }
}
