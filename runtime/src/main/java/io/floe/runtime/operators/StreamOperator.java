package io.floe.runtime.operators;

import io.floe.api.functions.KeySelector;
import io.floe.runtime.state.KeyedStateBackend;
import java.io.Serializable;

/**
 * An operator with one input. Created on the client, shipped serialized inside a task's chain,
 * and used on that task's thread only: {@link #setup} → {@link #initializeState} → {@link #open} →
 * ({@link #setKeyContextElement} when keyed, {@link #processElement}, and between records
 * {@link #snapshotState} and the checkpoint notifications)* → {@link #endInput} (only when the
 * input ended, not on cancel) → {@link #close}.
 *
 * <p>An operator of a keyed stream carries the stream's key selector ({@link #setStateKeySelector});
 * the task then gives it a {@link KeyedStateBackend} and sets each record's key on it before the
 * record is processed, so the keyed state its function uses is that key's.
 */
public abstract class StreamOperator<IN, OUT> implements Serializable {
    private static final long serialVersionUID = 1L;

    private KeySelector<IN, ?> stateKeySelector;

    protected transient OperatorContext context;
    protected transient Output<OUT> output;
    /** The keyed state of this subtask; null unless the operator is keyed. */
    protected transient KeyedStateBackend<Object> keyedStateBackend;

    @SuppressWarnings("unchecked")
    public void setup(OperatorContext context, Output<OUT> output, KeyedStateBackend<?> keyedStateBackend) {
        if (isKeyed() && keyedStateBackend == null) {
            throw new IllegalArgumentException("The keyed operator "
                    + getClass().getSimpleName() + " of " + context.taskName() + " needs a keyed state backend");
        }
        this.context = context;
        this.output = output;
        this.keyedStateBackend = (KeyedStateBackend<Object>) keyedStateBackend;
    }

    /** Makes this an operator of a keyed stream; called when the program is built. */
    public final void setStateKeySelector(KeySelector<IN, ?> keySelector) {
        this.stateKeySelector = keySelector;
    }

    public final KeySelector<IN, ?> getStateKeySelector() {
        return stateKeySelector;
    }

    public final boolean isKeyed() {
        return stateKeySelector != null;
    }

    /** Sets the key of {@code record} as the current key of the keyed state; for keyed operators only. */
    public final void setKeyContextElement(IN record) throws Exception {
        keyedStateBackend.setCurrentKey(stateKeySelector.getKey(record));
    }

    /** Before {@link #open}: the operator's state, restored from a checkpoint or empty. */
    public void initializeState(OperatorStateContext context) throws Exception {}

    public void open() throws Exception {}

    public abstract void processElement(IN element) throws Exception;

    /**
     * Event time reached {@code watermark} (the minimum over this task's inputs, or what the
     * operator before it in the chain emitted). Operators with event-time timers fire them first;
     * all pass it on.
     */
    public void processWatermark(long watermark) throws Exception {
        output.emitWatermark(watermark);
    }

    /** The input went idle or became active again; passed on. */
    public void processWatermarkStatus(boolean idle) {
        output.emitWatermarkStatus(idle);
    }

    /**
     * A checkpoint reached this operator (the synchronous part: move what fields hold into state;
     * the task then snapshots the state backends). Task thread.
     */
    public void snapshotState(long checkpointId, long timestamp) throws Exception {}

    /** Checkpoint {@code checkpointId}, which this operator took part in, completed. */
    public void notifyCheckpointComplete(long checkpointId) throws Exception {}

    public void notifyCheckpointAborted(long checkpointId) throws Exception {}

    /** The input has ended for good; emit whatever waited for the end. */
    public void endInput() throws Exception {}

    public void close() throws Exception {}
}
