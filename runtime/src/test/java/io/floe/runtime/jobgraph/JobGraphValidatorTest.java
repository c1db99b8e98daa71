package io.floe.runtime.jobgraph;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.api.JobId;
import io.floe.runtime.types.JobVertexId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobGraphValidatorTest {
    private static final JobVertexId SOURCE = new JobVertexId("source");
    private static final JobVertexId SINK = new JobVertexId("sink");

    private static JobVertex vertex(JobVertexId id, int parallelism, int outputs) {
        return new JobVertex(
                id,
                id.value(),
                parallelism,
                128,
                id.equals(SOURCE),
                outputs,
                new byte[] {1},
                JobVertex.DEFAULT_SLOT_SHARING_GROUP,
                List.of());
    }

    private static JobGraph graph(List<JobVertex> vertices, List<JobEdge> edges) {
        return new JobGraph(JobId.generate(), "job", false, vertices, edges, List.of(), Map.of());
    }

    private static void assertRefused(JobGraph graph, String field) {
        IllegalArgumentException refused =
                assertThrows(IllegalArgumentException.class, () -> JobGraphValidator.validate(graph));
        assertTrue(refused.getMessage().contains(field), "names " + field + ": " + refused.getMessage());
    }

    @Test
    void acceptsAGraphAsTheGeneratorMakesIt() {
        JobGraphValidator.validate(graph(
                List.of(vertex(SOURCE, 2, 1), vertex(SINK, 2, 0)), List.of(new JobEdge(SOURCE, 0, SINK, "hash"))));
    }

    @Test
    void refusesEachKindOfNonsenseNamingTheField() {
        assertRefused(graph(List.of(), List.of()), "'vertices'");
        assertRefused(graph(List.of(vertex(SOURCE, 0, 0)), List.of()), "vertices[0].parallelism is 0");
        assertRefused(graph(List.of(vertex(SOURCE, -3, 0)), List.of()), "vertices[0].parallelism is -3");
        assertRefused(graph(List.of(vertex(SOURCE, 200, 0)), List.of()), "vertices[0].maxParallelism");
        assertRefused(graph(List.of(vertex(SOURCE, 1, 0), vertex(SOURCE, 1, 0)), List.of()), "vertices[1]");
        assertRefused(
                graph(
                        List.of(vertex(SOURCE, 1, 1)),
                        List.of(new JobEdge(SOURCE, 0, new JobVertexId("no-such-vertex"), "forward"))),
                "edges[0].target no-such-vertex");
        assertRefused(
                graph(
                        List.of(vertex(SOURCE, 1, 1), vertex(SINK, 1, 0)),
                        List.of(new JobEdge(SINK, 0, SOURCE, "forward"))),
                "edges[0].sourceOutputIndex");
        assertRefused(
                new JobGraph(null, "job", false, List.of(vertex(SOURCE, 1, 0)), List.of(), List.of(), Map.of()),
                "'jobId'");
    }
}
