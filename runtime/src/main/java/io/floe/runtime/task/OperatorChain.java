package io.floe.runtime.task;

import io.floe.runtime.jobgraph.ChainedOperatorSpec;
import io.floe.runtime.network.RecordWriter;
import io.floe.runtime.operators.BroadcastingOutput;
import io.floe.runtime.operators.ChainingOutput;
import io.floe.runtime.operators.OperatorContext;
import io.floe.runtime.operators.Output;
import io.floe.runtime.operators.SourceOperator;
import io.floe.runtime.operators.StreamOperator;
import io.floe.runtime.operators.partitioner.StreamPartitioner;
import java.util.ArrayList;
import java.util.List;

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

    @SuppressWarnings("unchecked")
    OperatorChain(
            ChainedOperatorSpec spec,
            OperatorContext context,
            List<RecordWriter> writers,
            List<Integer> channelsPerOutput) {
        Object headOperator = spec.operator();
        if (headOperator instanceof SourceOperator<?> sourceOperator) {
            source = (SourceOperator<Object>) sourceOperator;
            head = null;
            source.setup(context, buildOutput(spec, context, writers, channelsPerOutput));
        } else {
            source = null;
            head = (StreamOperator<Object, Object>) headOperator;
            operators.add(head);
            head.setup(context, buildOutput(spec, context, writers, channelsPerOutput));
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Output<Object> buildOutput(
            ChainedOperatorSpec spec,
            OperatorContext context,
            List<RecordWriter> writers,
            List<Integer> channelsPerOutput) {
        List<Output<Object>> outputs = new ArrayList<>();
        for (ChainedOperatorSpec child : spec.chainedOutputs()) {
            StreamOperator<Object, Object> operator = (StreamOperator<Object, Object>) child.operator();
            operators.add(operator);
            operator.setup(context, buildOutput(child, context, writers, channelsPerOutput));
            outputs.add(new ChainingOutput<>(operator));
        }
        for (ChainedOperatorSpec.NetworkOutputSpec network : spec.networkOutputs()) {
            StreamPartitioner partitioner = network.partitioner();
            partitioner.setup(context.subtaskIndex(), channelsPerOutput.get(network.outputIndex()));
            outputs.add(new RecordWriterOutput<>(writers.get(network.outputIndex()), partitioner));
        }
        if (outputs.isEmpty()) {
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
        if (first != null) {
            throw first;
        }
    }
}
