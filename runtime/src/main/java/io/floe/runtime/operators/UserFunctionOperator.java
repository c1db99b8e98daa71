package io.floe.runtime.operators;

import io.floe.api.functions.DefaultOpenContext;
import io.floe.api.functions.Function;
import io.floe.api.functions.RichFunction;
import io.floe.runtime.state.KeyedStateBackend;
import java.util.Objects;

/**
 * An operator that runs one user function and gives a {@link RichFunction} its life cycle: the
 * runtime context at set-up, {@code open} before the first record, {@code close} at the end
 * (also after a failure), and a {@code CheckpointedFunction} or {@code CheckpointListener} its
 * checkpoint hooks. Subclasses that override {@link #open} or {@link #close} call super.
 */
public abstract class UserFunctionOperator<IN, OUT, F extends Function> extends StreamOperator<IN, OUT> {
    private static final long serialVersionUID = 1L;

    protected final F userFunction;

    protected UserFunctionOperator(F userFunction) {
        this.userFunction = Objects.requireNonNull(userFunction, "user function");
    }

    public F getUserFunction() {
        return userFunction;
    }

    @Override
    public void setup(OperatorContext context, Output<OUT> output, KeyedStateBackend<?> keyedStateBackend) {
        super.setup(context, output, keyedStateBackend);
        if (userFunction instanceof RichFunction rich) {
            rich.setRuntimeContext(new StreamingRuntimeContext(context, keyedStateBackend));
        }
    }

    @Override
    public void initializeState(OperatorStateContext context) throws Exception {
        UserFunctionCheckpoints.initializeState(userFunction, context);
    }

    @Override
    public void snapshotState(long checkpointId, long timestamp) throws Exception {
        UserFunctionCheckpoints.snapshotState(userFunction, checkpointId, timestamp);
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) throws Exception {
        UserFunctionCheckpoints.notifyCheckpointComplete(userFunction, checkpointId);
    }

    @Override
    public void notifyCheckpointAborted(long checkpointId) throws Exception {
        UserFunctionCheckpoints.notifyCheckpointAborted(userFunction, checkpointId);
    }

    @Override
    public void open() throws Exception {
        if (userFunction instanceof RichFunction rich) {
            rich.open(DefaultOpenContext.INSTANCE);
        }
    }

    @Override
    public void close() throws Exception {
        if (userFunction instanceof RichFunction rich) {
            rich.close();
        }
    }
}
