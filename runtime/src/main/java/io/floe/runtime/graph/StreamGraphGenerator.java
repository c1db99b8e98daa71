package io.floe.runtime.graph;

import io.floe.api.OutputTag;
import io.floe.api.RuntimeExecutionMode;
import io.floe.configuration.Configuration;
import io.floe.configuration.CoreOptions;
import io.floe.configuration.StateBackendOptions;
import io.floe.runtime.operators.SourceOperator;
import io.floe.runtime.operators.partitioner.ForwardPartitioner;
import io.floe.runtime.operators.partitioner.KeyGroupStreamPartitioner;
import io.floe.runtime.operators.partitioner.RebalancePartitioner;
import io.floe.runtime.operators.partitioner.StreamPartitioner;
import io.floe.runtime.state.KeyGroupRangeAssignment;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns the transformations reachable from the program's sinks into a {@link StreamGraph}:
 * resolves parallelism and max parallelism, turns keyBy, the partitioners and union into edges (an edge with
 * no partitioner is FORWARD between equal parallelisms, else REBALANCE, as in Flink; an explicit
 * {@code forward()} between unequal parallelisms is refused) and checks
 * that BATCH mode only reads bounded sources.
 */
public final class StreamGraphGenerator {
    private final Configuration configuration;
    private final Map<Integer, StreamNode> nodes = new TreeMap<>();
    private final Map<Integer, List<Upstream>> translated = new HashMap<>();

    public StreamGraphGenerator(Configuration configuration) {
        this.configuration = configuration;
    }

    /**
     * An operator that feeds the next one, the partitioner a keyBy/rebalance put in between, and the
     * side output it feeds from (null for the main output).
     */
    private record Upstream(StreamNode node, StreamPartitioner partitioner, OutputTag<?> tag) {}

    public StreamGraph generate(String jobName, List<Transformation> transformations) {
        StateBackendOptions.checkSupported(configuration);
        List<Transformation> sinks = transformations.stream()
                .filter(t -> t instanceof OneInputTransformation && ((OneInputTransformation) t).isSink())
                .toList();
        if (sinks.isEmpty()) {
            throw new IllegalStateException(
                    "The program defines no sink (print, writeAsText or addSink), so there is nothing to execute.");
        }
        for (Transformation sink : sinks) {
            translate(sink);
        }
        return new StreamGraph(jobName, isBatch(), nodes);
    }

    private boolean isBatch() {
        RuntimeExecutionMode mode = configuration.get(CoreOptions.RUNTIME_MODE);
        List<Object> unbounded = new ArrayList<>();
        for (StreamNode node : nodes.values()) {
            if (node.source && !((SourceOperator<?>) node.operator).isBounded()) {
                unbounded.add(null);
                if (mode == RuntimeExecutionMode.BATCH) {
                    throw new IllegalStateException("BATCH mode needs bounded sources, but "
                            + ((SourceOperator<?>) node.operator).describe()
                            + " is unbounded; run the job in STREAMING mode.");
                }
            }
        }
        return mode == RuntimeExecutionMode.BATCH || (mode == RuntimeExecutionMode.AUTOMATIC && unbounded.isEmpty());
    }

    private List<Upstream> translate(Transformation t) {
        List<Upstream> done = translated.get(t.getId());
        if (done != null) {
            return done;
        }
        List<Upstream> result;
        if (t instanceof SourceTransformation source) {
            result = List.of(new Upstream(addNode(t, source.getOperator(), true, List.of()), null, null));
        } else if (t instanceof OneInputTransformation op) {
            List<Upstream> inputs = translate(op.getInput());
            StreamNode node = addNode(t, op.getOperator(), false, inputs);
            for (Upstream input : inputs) {
                connect(input, node, 0);
            }
            result = List.of(new Upstream(node, null, null));
        } else if (t instanceof TwoInputTransformation op) {
            List<Upstream> inputs1 = translate(op.getInput1());
            List<Upstream> inputs2 = translate(op.getInput2());
            List<Upstream> all = new ArrayList<>(inputs1);
            all.addAll(inputs2);
            StreamNode node = addNode(t, op.getOperator(), false, all);
            for (Upstream input : inputs1) {
                connect(input, node, 1);
            }
            for (Upstream input : inputs2) {
                connect(input, node, 2);
            }
            result = List.of(new Upstream(node, null, null));
        } else if (t instanceof PartitionTransformation partition) {
            result = new ArrayList<>();
            for (Upstream input : translate(partition.getInput())) {
                result.add(new Upstream(input.node(), partition.getPartitioner(), input.tag()));
            }
        } else if (t instanceof SideOutputTransformation side) {
            result = new ArrayList<>();
            for (Upstream input : translate(side.getInput())) {
                if (input.tag() != null || input.partitioner() != null) {
                    throw new IllegalArgumentException(
                            "getSideOutput(" + side.getTag().getId()
                                    + ") needs the operator that emits it,"
                                    + " not a keyBy, another partitioning or another side output.");
                }
                result.add(new Upstream(input.node(), null, side.getTag()));
            }
        } else if (t instanceof UnionTransformation union) {
            result = new ArrayList<>();
            for (Transformation input : union.getInputs()) {
                result.addAll(translate(input));
            }
        } else {
            throw new IllegalStateException("Unknown transformation " + t);
        }
        translated.put(t.getId(), result);
        return result;
    }

    private StreamNode addNode(Transformation t, Serializable operator, boolean source, List<Upstream> inputs) {
        int parallelism =
                t.getParallelism() > 0 ? t.getParallelism() : configuration.get(CoreOptions.DEFAULT_PARALLELISM);
        if (parallelism < 1) {
            throw new IllegalArgumentException("Parallelism must be at least 1, was " + parallelism + ".");
        }
        int configuredMax = configuration.get(CoreOptions.MAX_PARALLELISM);
        int maxParallelism = t.getMaxParallelism() > 0
                ? t.getMaxParallelism()
                : configuredMax > 0 ? configuredMax : KeyGroupRangeAssignment.computeDefaultMaxParallelism(parallelism);
        if (parallelism > maxParallelism) {
            String where = t.getMaxParallelism() > 0 ? "its setMaxParallelism" : "pipeline.max-parallelism";
            throw new IllegalArgumentException("Operator '" + t.getName() + "' has parallelism " + parallelism
                    + ", above the max parallelism " + maxParallelism + " (" + where
                    + "); raise the max parallelism or lower the parallelism.");
        }
        StreamNode node = new StreamNode(t, operator, parallelism, maxParallelism, source, slotSharingGroup(t, inputs));
        nodes.put(node.id, node);
        return node;
    }

    /** The user's group, else the inputs' group if they all share one, else {@code default} (Flink's rule). */
    private static String slotSharingGroup(Transformation t, List<Upstream> inputs) {
        if (t.getSlotSharingGroup() != null) {
            return t.getSlotSharingGroup();
        }
        Set<String> inputGroups = new HashSet<>();
        for (Upstream input : inputs) {
            inputGroups.add(input.node().slotSharingGroup);
        }
        return inputGroups.size() == 1 ? inputGroups.iterator().next() : StreamNode.DEFAULT_SLOT_SHARING_GROUP;
    }

    /** @param targetInput which input of a two-input target the edge feeds (1 or 2), else 0 */
    private void connect(Upstream input, StreamNode target, int targetInput) {
        StreamPartitioner partitioner = input.partitioner();
        if (partitioner == null) {
            partitioner = input.node().parallelism == target.parallelism
                    ? new ForwardPartitioner()
                    : new RebalancePartitioner();
        } else if (partitioner instanceof KeyGroupStreamPartitioner keyed) {
            partitioner = keyed.withMaxParallelism(target.maxParallelism);
        } else {
            if (partitioner instanceof ForwardPartitioner && input.node().parallelism != target.parallelism) {
                throw new UnsupportedOperationException("forward() keeps records on their subtask, so it needs"
                        + " equal parallelism on both sides, but '"
                        + input.node().getName() + "' has parallelism "
                        + input.node().parallelism + " and '" + target.getName() + "' has parallelism "
                        + target.parallelism + "; use rebalance(), rescale() or shuffle() to change parallelism.");
            }
            partitioner = partitioner.copy();
        }
        StreamEdge edge = new StreamEdge(input.node(), target, partitioner, input.tag(), targetInput);
        input.node().outEdges.add(edge);
        target.inEdges.add(edge);
    }
}
