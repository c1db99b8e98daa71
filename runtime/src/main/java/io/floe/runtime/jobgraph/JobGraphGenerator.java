package io.floe.runtime.jobgraph;

import io.floe.api.JobId;
import io.floe.api.OutputTag;
import io.floe.configuration.Configuration;
import io.floe.configuration.CoreOptions;
import io.floe.runtime.graph.ChainingStrategy;
import io.floe.runtime.graph.StreamEdge;
import io.floe.runtime.graph.StreamGraph;
import io.floe.runtime.graph.StreamNode;
import io.floe.runtime.types.JobVertexId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Chains operators into vertices, as Flink does: an edge is chained when chaining is enabled, it
 * is FORWARD, both sides have the same parallelism and slot sharing group, the target has no
 * other input and neither side forbids it ({@code disableChaining}, {@code startNewChain} on the
 * target). Each chain becomes one {@link JobVertex}; every other edge becomes a {@link JobEdge}.
 */
public final class JobGraphGenerator {
    private final Configuration configuration;
    private final boolean chaining;
    private final Map<Integer, JobVertexId> vertexOfHead = new HashMap<>();
    private final List<JobVertex> vertices = new ArrayList<>();
    private final List<JobEdge> edges = new ArrayList<>();

    public JobGraphGenerator(Configuration configuration) {
        this.configuration = configuration;
        this.chaining = configuration.get(CoreOptions.OPERATOR_CHAINING);
    }

    public JobGraph generate(StreamGraph graph) {
        checkUniqueOperatorIds(graph);
        for (StreamNode node : graph.getNodes()) {
            if (isChainHead(node)) {
                vertexOfHead.put(node.getId(), new JobVertexId(String.format("%032x", node.getId() + 1)));
            }
        }
        List<PendingEdge> pending = new ArrayList<>();
        for (StreamNode node : graph.getNodes()) {
            if (isChainHead(node)) {
                buildVertex(node, pending);
            }
        }
        for (PendingEdge edge : pending) {
            edges.add(new JobEdge(
                    edge.source,
                    edge.outputIndex,
                    vertexOfHead.get(edge.targetNode.getId()),
                    edge.strategy,
                    edge.targetInput));
        }
        return new JobGraph(
                JobId.generate(),
                graph.jobName(),
                graph.batch(),
                vertices,
                edges,
                configuration.get(CoreOptions.PIPELINE_JARS),
                configuration.toMap());
    }

    private record PendingEdge(
            JobVertexId source, int outputIndex, StreamNode targetNode, String strategy, int targetInput) {}

    private static void checkUniqueOperatorIds(StreamGraph graph) {
        Map<String, StreamNode> byId = new HashMap<>();
        for (StreamNode node : graph.getNodes()) {
            StreamNode other = byId.putIfAbsent(operatorId(node), node);
            if (other != null) {
                throw new IllegalArgumentException("The uid '" + operatorId(node) + "' is set on two operators ('"
                        + other.getName() + "' and '" + node.getName() + "'); each operator needs a uid of its own.");
            }
        }
    }

    /** The user's uid, or one derived from the node's place in the program (stable for an unchanged program). */
    static String operatorId(StreamNode node) {
        return node.getUid() != null ? node.getUid() : String.format("%032x", node.getId() + 1);
    }

    private boolean isChainHead(StreamNode node) {
        return node.getInEdges().isEmpty() || node.getInEdges().stream().noneMatch(this::isChainable);
    }

    private boolean isChainable(StreamEdge edge) {
        return chaining
                && edge.partitioner().isForward()
                && edge.target().getInEdges().size() == 1
                && edge.source().getParallelism() == edge.target().getParallelism()
                && edge.source().getChainingStrategy() != ChainingStrategy.NEVER
                && edge.target().getChainingStrategy() == ChainingStrategy.ALWAYS
                && edge.source().getSlotSharingGroup().equals(edge.target().getSlotSharingGroup());
    }

    private void buildVertex(StreamNode head, List<PendingEdge> pending) {
        JobVertexId id = vertexOfHead.get(head.getId());
        List<String> names = new ArrayList<>();
        int[] outputCounter = {0};
        ChainedOperatorSpec chain = buildChain(head, null, id, names, outputCounter, pending);
        String name = names.stream().collect(Collectors.joining(" -> "));
        byte[] serialized = UserCodeSerializer.serialize(chain, "'" + name + "'");
        vertices.add(new JobVertex(
                id,
                name,
                head.getParallelism(),
                head.getMaxParallelism(),
                head.isSource(),
                outputCounter[0],
                serialized,
                head.getSlotSharingGroup(),
                operatorIdsOf(chain)));
    }

    private static List<String> operatorIdsOf(ChainedOperatorSpec chain) {
        List<String> ids = new ArrayList<>();
        ArrayDeque<ChainedOperatorSpec> toVisit = new ArrayDeque<>(List.of(chain));
        while (!toVisit.isEmpty()) {
            ChainedOperatorSpec spec = toVisit.poll();
            ids.add(spec.operatorId());
            toVisit.addAll(spec.chainedOutputs());
        }
        return ids;
    }

    private ChainedOperatorSpec buildChain(
            StreamNode node,
            OutputTag<?> inputTag,
            JobVertexId vertex,
            List<String> names,
            int[] outputCounter,
            List<PendingEdge> pending) {
        names.add(node.getName());
        List<ChainedOperatorSpec> chained = new ArrayList<>();
        List<ChainedOperatorSpec.NetworkOutputSpec> network = new ArrayList<>();
        for (StreamEdge out : node.getOutEdges()) {
            if (isChainable(out)) {
                chained.add(buildChain(out.target(), out.outputTag(), vertex, names, outputCounter, pending));
            } else {
                int index = outputCounter[0]++;
                network.add(new ChainedOperatorSpec.NetworkOutputSpec(index, out.partitioner(), out.outputTag()));
                pending.add(new PendingEdge(
                        vertex, index, out.target(), out.partitioner().describe(), out.targetInput()));
            }
        }
        return new ChainedOperatorSpec(
                operatorId(node), node.getName(), node.getOperator(), inputTag, chained, network);
    }
}
