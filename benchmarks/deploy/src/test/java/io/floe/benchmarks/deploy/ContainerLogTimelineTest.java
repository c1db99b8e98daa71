package io.floe.benchmarks.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ContainerLogTimelineTest {
    @Test
    void picksTheFirstLineAndTheFirstLineOfEachMilestone() {
        List<String> lines = List.of(
                "2026-11-21 03:10:00,100 INFO  [main] io.floe.X - Starting the session ApplicationMaster",
                "2026-11-21 03:10:01,000 INFO  [main] io.floe.Y - Received job abc",
                "java.lang.IllegalStateException: not a log line",
                "2026-11-21 03:10:01,500 INFO  [rm] io.floe.Z - Requested a TaskManager container <memory:1024>",
                "2026-11-21 03:10:01,600 INFO  [rm] io.floe.Z - Requested a TaskManager container again");
        List<String> picked = ContainerLogTimeline.milestoneLines(
                lines, List.of("Requested a TaskManager container", "Received job"));
        assertEquals(List.of(lines.get(0), lines.get(1), lines.get(3)), picked);
        assertEquals("Received job abc", ContainerLogTimeline.message(lines.get(1)));
        assertEquals(
                900, ContainerLogTimeline.wallMillis(lines.get(1)) - ContainerLogTimeline.wallMillis(lines.get(0)));
    }
}
