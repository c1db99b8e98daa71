package io.floe.runtime.jobgraph;

import io.floe.runtime.types.JobVertexId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a submitted job graph whole, before anything of it is stored or run: a graph from a REST
 * client may be any JSON, and one whose edges name unknown vertices or whose parallelism is 0 would
 * fail inside the JobMaster, or run no task at all. Each refusal is an
 * {@link IllegalArgumentException} whose message names the field. Stateless.
 */
public final class JobGraphValidator {
    private JobGraphValidator() {}

    /** @throws IllegalArgumentException naming the first field that is wrong */
    public static void validate(JobGraph graph) {
        require(graph.jobId() != null, "The job graph has no 'jobId'.");
        require(graph.jobName() != null, "The job graph has no 'jobName'.");
        require(graph.vertices() != null && !graph.vertices().isEmpty(), "The job graph has no vertices ('vertices').");
        require(graph.edges() != null, "The job graph has no 'edges' (an empty list for a job of one vertex).");
        require(
                graph.userJars() != null && graph.jobConfiguration() != null,
                "The job graph needs 'userJars' and 'jobConfiguration' (empty if there are none).");
        Map<JobVertexId, JobVertex> byId = new HashMap<>();
        List<JobVertex> vertices = graph.vertices();
        for (int i = 0; i < vertices.size(); i++) {
            JobVertex vertex = vertices.get(i);
            String field = "vertices[" + i + "]";
            require(vertex != null && vertex.id() != null, "The job graph's " + field + " has no 'id'.");
            require(
                    byId.put(vertex.id(), vertex) == null,
                    "The job graph's " + field + " has the id " + vertex.id()
                            + " of an earlier vertex; vertex ids must be unique.");
            require(
                    vertex.parallelism() >= 1,
                    "The job graph's " + field + ".parallelism is " + vertex.parallelism()
                            + "; it must be at least 1.");
            require(
                    vertex.maxParallelism() >= vertex.parallelism(),
                    "The job graph's " + field + ".maxParallelism is " + vertex.maxParallelism()
                            + ", below its parallelism " + vertex.parallelism() + ".");
            require(vertex.numberOfOutputs() >= 0, "The job graph's " + field + ".numberOfOutputs is negative.");
            require(vertex.serializedChain() != null, "The job graph's " + field + " has no 'serializedChain'.");
        }
        List<JobEdge> edges = graph.edges();
        for (int i = 0; i < edges.size(); i++) {
            JobEdge edge = edges.get(i);
            String field = "edges[" + i + "]";
            require(edge != null, "The job graph's " + field + " is empty.");
            JobVertex source = byId.get(edge.source());
            require(
                    source != null,
                    "The job graph's " + field + ".source " + edge.source() + " is no vertex of the job.");
            require(
                    byId.containsKey(edge.target()),
                    "The job graph's " + field + ".target " + edge.target() + " is no vertex of the job.");
            require(
                    edge.sourceOutputIndex() >= 0 && edge.sourceOutputIndex() < source.numberOfOutputs(),
                    "The job graph's " + field + ".sourceOutputIndex is " + edge.sourceOutputIndex() + "; vertex "
                            + edge.source() + " has " + source.numberOfOutputs() + " output(s).");
            require(edge.shipStrategy() != null, "The job graph's " + field + " has no 'shipStrategy'.");
        }
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
