package io.floe.runtime.operators;

import io.floe.api.OutputTag;
import java.io.Serializable;

/**
 * The head of a source task. {@link #run()} runs on the task's thread and emits into the output
 * until the source is exhausted (bounded) or {@link #cancel()} is called from another thread.
 *
 * <p>Checkpoints: a source emits, and moves its read position, only while it holds {@link
 * #checkpointLock()}; the task takes a checkpoint (or tells the operators one completed) while
 * holding it too, from another thread if the source is idle. Sources that never block long also
 * call {@link #checkpointIfRequested()} between batches, so a busy source cannot starve that thread.
 */
public abstract class SourceOperator<OUT> implements Serializable {
    private static final long serialVersionUID = 1L;

    protected transient OperatorContext context;
    protected transient Output<OUT> output;
    protected transient volatile boolean running;

    /** What the task does when a source reaches a record boundary with checkpoint work requested. */
    public interface CheckpointHook {
        /** Runs the requested checkpoint work now (triggers, notifications). Source thread, lock not held. */
        void takeRequestedCheckpoints() throws Exception;
    }

    private transient volatile boolean checkpointRequested;
    /** Set, still under the lock, when emitting threw: the read position may lag what was emitted. */
    private transient volatile boolean failed;

    private transient CheckpointHook checkpointHook;
    private transient Object checkpointLock;
    /** Idle since markIdle, until the next record or watermark. Under the lock. */
    private transient boolean idle;

    public void setup(OperatorContext context, Output<OUT> output) {
        this.context = context;
        this.output = new FailureMarkingOutput(output, context.timestamp());
        this.running = true;
        this.checkpointLock = new Object();
    }

    /** Held while emitting and while a checkpoint is taken; Flink's {@code getCheckpointLock()}. */
    public final Object checkpointLock() {
        return checkpointLock;
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

    /**
     * Whether emitting a record threw (a chained operator or the network failed). The exception
     * leaves the source's lock before the task sees it, and the source may not have moved its read
     * position past the records of the batch it emitted so far: a checkpoint taken now would restore
     * to before records its barrier follows, so none may be taken (read under the lock).
     */
    public final boolean hasFailed() {
        return failed;
    }

    /** Any thread: asks the source to take a checkpoint at its next record boundary. */
    public final void requestCheckpoint() {
        checkpointRequested = true;
    }

    /**
     * Called by sources between batches, without holding the lock (built-in sources at least every
     * few thousand records): runs requested checkpoint work. One volatile read when none is requested.
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

    /**
     * The job stopped with a savepoint: asks {@link #run()} to return and drops whatever it still
     * emits (a loop may pass its {@code running} check just before), since nothing after the
     * savepoint may reach the job's output. Holding the checkpoint lock, under which sources emit.
     */
    public void stopAfterSavepoint() {
        output = record -> {};
        cancel();
    }

    public void close() throws Exception {}

    /** Emits {@code record} with an event timestamp; under the checkpoint lock. */
    protected final void collectWithTimestamp(OUT record, long timestamp) {
        markActive();
        context.timestamp().set(timestamp);
        output.collect(record);
    }

    /** Emits a watermark from the source itself (a timestamp assigner after it replaces them); under the lock. */
    protected final void emitWatermark(long watermark) {
        markActive();
        output.emitWatermark(watermark);
    }

    /** The source has no data for now; under the lock. */
    protected final void markIdle() {
        if (!idle) {
            idle = true;
            output.emitWatermarkStatus(true);
        }
    }

    private void markActive() {
        if (idle) {
            idle = false;
            output.emitWatermarkStatus(false);
        }
    }

    /**
     * The input ended (not a stop without drain): the end of event time, so every event-time timer
     * and window downstream fires. The task calls it under the lock, before the end of input.
     */
    public final void emitEndOfEventTime() {
        markActive();
        output.emitWatermark(Long.MAX_VALUE);
    }

    /** Passes records on; marks the source failed before an exception leaves the lock it emits under. */
    private final class FailureMarkingOutput implements Output<OUT> {
        private final Output<OUT> target;
        private final ElementTimestamp timestamp;

        FailureMarkingOutput(Output<OUT> target, ElementTimestamp timestamp) {
            this.target = target;
            this.timestamp = timestamp;
        }

        @Override
        public void collect(OUT record) {
            try {
                if (idle) {
                    markActive();
                }
                target.collect(record);
                if (timestamp.isPresent()) { // the next record has none unless collectWithTimestamp gives one
                    timestamp.clear();
                }
            } catch (Throwable t) {
                failed = true;
                throw t;
            }
        }

        @Override
        public <X> void collect(OutputTag<X> tag, X record) {
            try {
                target.collect(tag, record);
            } catch (Throwable t) {
                failed = true;
                throw t;
            }
        }

        @Override
        public void emitWatermark(long watermark) {
            try {
                target.emitWatermark(watermark);
            } catch (Throwable t) {
                failed = true;
                throw t;
            }
        }

        @Override
        public void emitWatermarkStatus(boolean idle) {
            target.emitWatermarkStatus(idle);
        }
    }

    /** Whether the source ends by itself; BATCH mode needs every source bounded. */
    public abstract boolean isBounded();

    /** A short description for error messages, such as {@code socketTextStream(localhost:9999)}. */
    public abstract String describe();
}
