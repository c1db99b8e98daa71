package io.floe.runtime.operators;

import java.io.Serializable;

/**
 * The head of a source task. {@link #run()} runs on the task's thread and emits into the output
 * until the source is exhausted (bounded) or {@link #cancel()} is called from another thread.
 */
public abstract class SourceOperator<OUT> implements Serializable {
    private static final long serialVersionUID = 1L;

    protected transient OperatorContext context;
    protected transient Output<OUT> output;
    protected transient volatile boolean running;

    /** What the task does when a source reaches a record boundary with a checkpoint requested. */
    public interface CheckpointHook {
        /** Takes the requested checkpoints now: snapshot the chain, send the barriers. Source thread. */
        void takeRequestedCheckpoints() throws Exception;
    }

    private transient volatile boolean checkpointRequested;
    private transient CheckpointHook checkpointHook;

    public void setup(OperatorContext context, Output<OUT> output) {
        this.context = context;
        this.output = output;
        this.running = true;
    }

    /** Before {@link #open}: the source's state (its read position), restored from a checkpoint or empty. */
    public void initializeState(OperatorStateContext context) throws Exception {}

    public void open() throws Exception {}

    public abstract void run() throws Exception;

    /** A checkpoint is taken at this source, between two records: put the read position into state. */
    public void snapshotState(long checkpointId, long timestamp) throws Exception {}

    public void notifyCheckpointComplete(long checkpointId) throws Exception {}

    public void notifyCheckpointAborted(long checkpointId) throws Exception {}

    public final void setCheckpointHook(CheckpointHook hook) {
        this.checkpointHook = hook;
    }

    /** Any thread: asks the source to take a checkpoint at its next record boundary. */
    public final void requestCheckpoint() {
        checkpointRequested = true;
    }

    /**
     * Called by sources between records (built-in sources at least every few thousand records),
     * where their read position in state is exact: takes a requested checkpoint. One volatile read
     * when none is requested.
     */
    protected final void checkpointIfRequested() throws Exception {
        if (checkpointRequested) {
            checkpointRequested = false;
            if (checkpointHook != null) {
                checkpointHook.takeRequestedCheckpoints();
            }
        }
    }

    /** Asks {@link #run()} to return soon; called from a thread other than the task's. */
    public void cancel() {
        running = false;
    }

    public void close() throws Exception {}

    /** Whether the source ends by itself; BATCH mode needs every source bounded. */
    public abstract boolean isBounded();

    /** A short description for error messages, such as {@code socketTextStream(localhost:9999)}. */
    public abstract String describe();
}
