package io.floe.runtime.task;

import io.floe.api.OutputTag;
import io.floe.runtime.checkpoint.StateFiles;
import io.floe.runtime.checkpoint.TaskRestore;
import io.floe.runtime.jobgraph.ChainedOperatorSpec;
import io.floe.runtime.network.RecordWriter;
import io.floe.runtime.network.serialization.TaggedRecordSerializer;
import io.floe.runtime.operators.BroadcastingOutput;
import io.floe.runtime.operators.ChainingOutput;
import io.floe.runtime.operators.OperatorContext;
import io.floe.runtime.operators.Output;
import io.floe.runtime.operators.SideOutputRouter;
import io.floe.runtime.operators.SourceOperator;
import io.floe.runtime.operators.StreamOperator;
import io.floe.runtime.operators.partitioner.StreamPartitioner;
import io.floe.runtime.state.HeapKeyedStateBackend;
import io.floe.runtime.state.HeapOperatorStateBackend;
import io.floe.runtime.state.KeyGroupRangeAssignment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The live operators of one subtask, wired from a {@link ChainedOperatorSpec}: chained operators
 * call each other directly, network outputs go to record writers. Lifecycle calls go parent before
 * child ({@link #endInput}, {@link #close}) or child before parent ({@link #open}), so an operator
 * emitting at end of input still reaches open operators downstream. Used on the task's thread.
 */
final class OperatorChain {
    private final SourceOperator<Object> source;
    private final StreamOperator<Object, Object> head;
    /** Every operator in parent-before-child order; the source, if any, is not in it. */
    private final List<StreamOperator<?, ?>> operators = new ArrayList<>();

    /** Every operator with its state, the source first: what checkpoints snapshot and restore. */
    private final List<ChainedOperatorState> states = new ArrayList<>();

    private final OperatorContext context;
    private final TaggedRecordSerializer stateSerializer;

    @SuppressWarnings("unchecked")
    OperatorChain(
            ChainedOperatorSpec spec,
            OperatorContext context,
            List<RecordWriter> writers,
            List<Integer> channelsPerOutput) {
        this.context = context;
        this.stateSerializer = new TaggedRecordSerializer(context.userClassLoader());
        Object headOperator = spec.operator();
        if (headOperator instanceof SourceOperator<?> sourceOperator) {
            source = (SourceOperator<Object>) sourceOperator;
            head = null;
            states.add(new ChainedOperatorState(
                    spec.operatorId(), source, null, new HeapOperatorStateBackend(stateSerializer)));
            source.setup(context, buildOutput(spec, context, writers, channelsPerOutput));
        } else {
            source = null;
            head = (StreamOperator<Object, Object>) headOperator;
            setUp(head, spec, context, writers, channelsPerOutput);
        }
    }

    private void setUp(
            StreamOperator<Object, Object> operator,
            ChainedOperatorSpec spec,
            OperatorContext context,
            List<RecordWriter> writers,
            List<Integer> channelsPerOutput) {
        operators.add(operator);
        HeapKeyedStateBackend<?> keyedState = null;
        if (operator.isKeyed()) {
            keyedState = new HeapKeyedStateBackend<>(
                    KeyGroupRangeAssignment.computeKeyGroupRangeForOperatorIndex(
                            context.maxParallelism(), context.parallelism(), context.subtaskIndex()),
                    context.maxParallelism(),
                    System::currentTimeMillis,
                    stateSerializer);
        }
        states.add(new ChainedOperatorState(
                spec.operatorId(), operator, keyedState, new HeapOperatorStateBackend(stateSerializer)));
        operator.setup(context, buildOutput(spec, context, writers, channelsPerOutput), keyedState);
    }

    /** The output of {@code spec}'s operator: its chained operators and network outputs, by side output. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private Output<Object> buildOutput(
            ChainedOperatorSpec spec,
            OperatorContext context,
            List<RecordWriter> writers,
            List<Integer> channelsPerOutput) {
        Map<OutputTag<?>, List<Output<Object>>> outputsByTag = new LinkedHashMap<>();
        for (ChainedOperatorSpec child : spec.chainedOutputs()) {
            StreamOperator<Object, Object> operator = (StreamOperator<Object, Object>) child.operator();
            setUp(operator, child, context, writers, channelsPerOutput);
            outputsByTag
                    .computeIfAbsent(child.inputTag(), tag -> new ArrayList<>())
                    .add(ChainingOutput.to(operator));
        }
        for (ChainedOperatorSpec.NetworkOutputSpec network : spec.networkOutputs()) {
            StreamPartitioner partitioner = network.partitioner();
            partitioner.setup(
                    context.subtaskIndex(), context.parallelism(), channelsPerOutput.get(network.outputIndex()));
            outputsByTag
                    .computeIfAbsent(network.tag(), tag -> new ArrayList<>())
                    .add(new RecordWriterOutput<>(
                            writers.get(network.outputIndex()), partitioner, context.timestamp()));
        }
        Output<Object> main = combine(outputsByTag.remove(null));
        if (outputsByTag.isEmpty()) {
            return main;
        }
        Map<OutputTag<?>, Output<Object>> sideOutputs = new LinkedHashMap<>();
        outputsByTag.forEach((tag, outputs) -> sideOutputs.put(tag, combine(outputs)));
        return new SideOutputRouter<>(main, sideOutputs);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Output<Object> combine(List<Output<Object>> outputs) {
        if (outputs == null || outputs.isEmpty()) {
            return record -> {};
        }
        return outputs.size() == 1 ? outputs.get(0) : new BroadcastingOutput(outputs);
    }

    boolean isSource() {
        return source != null;
    }

    SourceOperator<Object> source() {
        return source;
    }

    StreamOperator<Object, Object> head() {
        return head;
    }

    /**
     * Hands every operator its state before {@link #open}: restored from {@code restore} (null: a
     * fresh start), through {@code files}.
     */
    void initializeState(TaskRestore restore, StateFiles files) throws Exception {
        for (ChainedOperatorState state : states) {
            state.initialize(context, restore, files);
        }
    }

    /** A checkpoint reached the chain: every operator snapshots, source first. Task thread. */
    List<ChainedOperatorState.Frozen> snapshotState(long checkpointId, long timestamp) throws Exception {
        List<ChainedOperatorState.Frozen> frozen = new ArrayList<>(states.size());
        for (ChainedOperatorState state : states) {
            frozen.add(state.snapshot(checkpointId, timestamp));
        }
        return frozen;
    }

    void notifyCheckpointComplete(long checkpointId) throws Exception {
        for (ChainedOperatorState state : states) {
            state.notifyCheckpointComplete(checkpointId);
        }
    }

    void notifyCheckpointAborted(long checkpointId) throws Exception {
        for (ChainedOperatorState state : states) {
            state.notifyCheckpointAborted(checkpointId);
        }
    }

    void open() throws Exception {
        for (int i = operators.size() - 1; i >= 0; i--) {
            operators.get(i).open();
        }
        if (source != null) {
            source.open();
        }
    }

    void endInput() throws Exception {
        for (StreamOperator<?, ?> operator : operators) {
            operator.endInput();
        }
    }

    void close() throws Exception {
        Exception first = null;
        if (source != null) {
            try {
                source.close();
            } catch (Exception e) {
                first = e;
            }
        }
        for (StreamOperator<?, ?> operator : operators) {
            try {
                operator.close();
            } catch (Exception e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        for (ChainedOperatorState state : states) {
            if (state.keyed() != null) {
                state.keyed().dispose();
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
