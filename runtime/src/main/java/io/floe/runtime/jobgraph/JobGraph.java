package io.floe.runtime.jobgraph;

import io.floe.api.JobId;
import io.floe.runtime.types.JobVertexId;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a client submits: vertices in topological order, the edges between them, the jars with the
 * job's code and the job's own settings. Plain data; travels over RPC and REST.
 */
public record JobGraph(
        JobId jobId,
        String jobName,
        boolean batch,
        List<JobVertex> vertices,
        List<JobEdge> edges,
        List<String> userJars,
        Map<String, String> jobConfiguration) {

    /** The same job under another id (application mode's ids, which a new application attempt gives again). */
    public JobGraph withJobId(JobId id) {
        return new JobGraph(id, jobName, batch, vertices, edges, userJars, jobConfiguration);
    }

    /** The same job with other jars (such as the BlobServer's keys in place of the client's files). */
    public JobGraph withUserJars(List<String> jars) {
        return new JobGraph(jobId, jobName, batch, vertices, edges, List.copyOf(jars), jobConfiguration);
    }

    /**
     * The job's jars ({@code pipeline.jars}: paths or {@code file:} URIs) as local files; each must
     * exist, since it ships with the job.
     */
    public List<Path> localUserJars() {
        List<Path> paths = new ArrayList<>();
        for (String jar : userJars) {
            Path path = jar.startsWith("file:") ? Path.of(URI.create(jar)) : Path.of(jar);
            if (!Files.isRegularFile(path)) {
                throw new IllegalArgumentException("The job's jar " + jar + " (pipeline.jars) is not a file here.");
            }
            paths.add(path);
        }
        return paths;
    }

    /** Slots the job needs with slot sharing: its highest parallelism. */
    public int maxParallelism() {
        return vertices.stream().mapToInt(JobVertex::parallelism).max().orElse(0);
    }

    /**
     * The slots the job needs: for each slot sharing group the highest parallelism in it, since
     * subtask i of every vertex of a group shares the group's slot i.
     */
    public int requiredSlots() {
        return slotsPerGroup().values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Where the slots of {@code vertex}'s group start among the job's slots (groups in order of first vertex). */
    public int firstSlotOf(JobVertex vertex) {
        int offset = 0;
        for (Map.Entry<String, Integer> group : slotsPerGroup().entrySet()) {
            if (group.getKey().equals(vertex.slotSharingGroup())) {
                return offset;
            }
            offset += group.getValue();
        }
        throw new IllegalArgumentException("No vertex " + vertex.id() + " in job " + jobId);
    }

    private Map<String, Integer> slotsPerGroup() {
        Map<String, Integer> slots = new LinkedHashMap<>();
        for (JobVertex vertex : vertices) {
            slots.merge(vertex.slotSharingGroup(), vertex.parallelism(), Math::max);
        }
        return slots;
    }

    public JobVertex vertex(JobVertexId id) {
        return vertices.stream()
                .filter(v -> v.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No vertex " + id + " in job " + jobId));
    }

    /** The edges into vertex {@code id}, those of a two-input vertex's first input first: its channels' order. */
    public List<JobEdge> inputsOf(JobVertexId id) {
        return edges.stream()
                .filter(e -> e.target().equals(id))
                .sorted(java.util.Comparator.comparingInt(JobEdge::targetInput))
                .toList();
    }

    public List<JobEdge> outputsOf(JobVertexId id) {
        return edges.stream().filter(e -> e.source().equals(id)).toList();
    }
}
