package io.floe.runtime.operators.source;

import io.floe.api.functions.DefaultOpenContext;
import io.floe.api.functions.RichFunction;
import io.floe.api.functions.source.ParallelSourceFunction;
import io.floe.api.functions.source.SourceFunction;
import io.floe.api.watermark.Watermark;
import io.floe.runtime.operators.OperatorContext;
import io.floe.runtime.operators.OperatorStateContext;
import io.floe.runtime.operators.Output;
import io.floe.runtime.operators.SourceOperator;
import io.floe.runtime.operators.StreamingRuntimeContext;
import io.floe.runtime.operators.UserFunctionCheckpoints;

/**
 * {@code addSource(fn)}: runs a user's {@link SourceFunction}, treated as unbounded as in Flink;
 * one subtask unless it is a {@link ParallelSourceFunction}. A rich source gets its runtime
 * context and {@code open}/{@code close}.
 */
public final class SourceFunctionSource<T> extends SourceOperator<T> {
    private static final long serialVersionUID = 1L;
    private final SourceFunction<T> function;

    public SourceFunctionSource(SourceFunction<T> function) {
        this.function = function;
    }

    public boolean isParallel() {
        return function instanceof ParallelSourceFunction;
    }

    @Override
    public void setup(OperatorContext context, Output<T> output) {
        super.setup(context, output);
        if (function instanceof RichFunction rich) {
            rich.setRuntimeContext(new StreamingRuntimeContext(context, null));
        }
    }

    @Override
    public void initializeState(OperatorStateContext context) throws Exception {
        UserFunctionCheckpoints.initializeState(function, context);
    }

    @Override
    public void snapshotState(long checkpointId, long timestamp) throws Exception {
        UserFunctionCheckpoints.snapshotState(function, checkpointId, timestamp);
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) throws Exception {
        UserFunctionCheckpoints.notifyCheckpointComplete(function, checkpointId);
    }

    @Override
    public void notifyCheckpointAborted(long checkpointId) throws Exception {
        UserFunctionCheckpoints.notifyCheckpointAborted(function, checkpointId);
    }

    @Override
    public void open() throws Exception {
        if (function instanceof RichFunction rich) {
            rich.open(DefaultOpenContext.INSTANCE);
        }
    }

    @Override
    public void run() throws Exception {
        Object lock = checkpointLock();
        function.run(new SourceFunction.SourceContext<T>() {
            @Override
            public void collect(T element) {
                synchronized (lock) { // as in Flink: an element and a checkpoint never interleave
                    output.collect(element);
                }
            }

            @Override
            public void collectWithTimestamp(T element, long timestamp) {
                synchronized (lock) {
                    SourceFunctionSource.this.collectWithTimestamp(element, timestamp);
                }
            }

            @Override
            public void emitWatermark(Watermark mark) {
                synchronized (lock) {
                    SourceFunctionSource.this.emitWatermark(mark.getTimestamp());
                }
            }

            @Override
            public void markAsTemporarilyIdle() {
                synchronized (lock) {
                    SourceFunctionSource.this.markIdle();
                }
            }

            @Override
            public Object getCheckpointLock() {
                return lock;
            }
        });
    }

    @Override
    public void cancel() {
        super.cancel();
        function.cancel();
    }

    @Override
    public void close() throws Exception {
        if (function instanceof RichFunction rich) {
            rich.close();
        }
    }

    @Override
    public boolean isBounded() {
        return false;
    }

    @Override
    public String describe() {
        return "addSource(" + function.getClass().getName() + ")";
    }
}
