package io.floe.runtime.task;

import io.floe.runtime.checkpoint.CheckpointBarrier;
import io.floe.runtime.checkpoint.StateFiles;
import io.floe.runtime.checkpoint.TaskStateSnapshot;
import io.floe.runtime.network.EndOfData;
import io.floe.runtime.network.RecordWriter;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A task's part in checkpoints. When a barrier is aligned (or a source is triggered) it freezes
 * the state of every operator of the chain, forwards the barrier on every output, and writes the
 * frozen state on an I/O thread of the task while the records flow on; then it acknowledges the
 * checkpoint with the files it wrote, or declines it. {@link #performCheckpoint} and the
 * notifications run where the operators run (the task's thread, or under the source's lock).
 */
final class TaskCheckpoints implements CheckpointBarrierAligner.Listener {
    private static final Logger LOG = LoggerFactory.getLogger(TaskCheckpoints.class);

    private final Task task;
    private final OperatorChain chain;
    private final List<RecordWriter> writers;
    private final Task.CheckpointResponder responder;
    private final StateFiles files;
    /** Unique per attempt, so the files of all subtasks can share the checkpoint's directory. */
    private final String filePrefix;

    private ExecutorService io;

    /** Set once the chain's input ended: the next checkpoint is the task's final one. */
    private volatile boolean endOfInput;
    /** The first checkpoint taken after the end of input; -1 before. Where the operators run. */
    private long finalCheckpointId = -1;

    /** The newest checkpoint this task took or declined; -1 before. Where the operators run. */
    private long lastCheckpointTaken = -1;

    private volatile boolean finalCheckpointCompleted;
    /** The stop-with-savepoint this task took part in and that has not been aborted; -1 if none. */
    private volatile long stopSavepointId = -1;

    TaskCheckpoints(
            Task task,
            OperatorChain chain,
            List<RecordWriter> writers,
            Task.CheckpointResponder responder,
            StateFiles files) {
        this.task = task;
        this.chain = chain;
        this.writers = writers;
        this.responder = responder;
        this.files = files;
        this.filePrefix = task.getDescriptor().attemptId().toString();
    }

    /** Snapshots the chain, forwards {@code barrier} downstream and writes the snapshot asynchronously. */
    void performCheckpoint(CheckpointBarrier barrier) throws InterruptedException {
        long id = barrier.checkpointId();
        lastCheckpointTaken = Math.max(lastCheckpointTaken, id);
        if (chain.isSource() && chain.source().hasFailed()) {
            responder.decline(task, id, task.getDescriptor().displayName() + " failed", false);
            return;
        }
        List<ChainedOperatorState.Frozen> frozen;
        try {
            frozen = chain.snapshotState(id, barrier.timestamp());
        } catch (Exception e) {
            // the checkpoint fails, not the task (as in Flink); downstream gives the alignment up at the next barrier
            LOG.warn(
                    "{}: the snapshot for checkpoint {} failed",
                    task.getDescriptor().displayName(),
                    id,
                    e);
            responder.decline(
                    task, id, "the snapshot of " + task.getDescriptor().displayName() + " failed: " + e, true);
            return;
        }
        for (RecordWriter writer : writers) {
            writer.broadcastEvent(barrier);
        }
        if (barrier.type().isStop()) {
            stopSavepointId = id; // the task finishes once it completes
            if (finalCheckpointId < 0) {
                finalCheckpointId = id;
            }
        } else if (endOfInput && finalCheckpointId < 0) {
            finalCheckpointId = id;
        }
        ioExecutor().execute(() -> write(barrier, frozen));
    }

    /**
     * The chain's input ended (and {@code endInput} ran): like Flink, the task finishes only once
     * a checkpoint taken from now on completed, so that sinks commit their last output with it.
     */
    void endOfInputReached() {
        if (endOfInput) {
            return;
        }
        endOfInput = true;
        LOG.info(
                "{} reached the end of its input; finishing with the next checkpoint",
                task.getDescriptor().displayName());
        responder.reachedEndOfInput(task, lastCheckpointTaken);
    }

    /**
     * The chain's input ended and it emits nothing more: tells the tasks downstream, so that they
     * end their input too and the next checkpoint, whose barrier follows, is the final one of all.
     * Where the operators run (a source's lock held).
     */
    void endOfData() throws InterruptedException {
        for (RecordWriter writer : writers) {
            writer.broadcastEvent(EndOfData.INSTANCE);
        }
    }

    boolean finalCheckpointCompleted() {
        return finalCheckpointCompleted;
    }

    /** Whether the task must wait for a final checkpoint before it finishes (taken or still to come). */
    boolean awaitsFinalCheckpoint() {
        return finalCheckpointId >= 0 && !finalCheckpointCompleted;
    }

    /** A stop-with-savepoint was taken here and has neither completed nor been aborted. */
    boolean stopPending() {
        return stopSavepointId >= 0 && !finalCheckpointCompleted;
    }

    private void write(CheckpointBarrier barrier, List<ChainedOperatorState.Frozen> frozen) {
        TaskStateSnapshot snapshot;
        try {
            snapshot = SubtaskStateWriter.write(frozen, barrier.directory(), filePrefix, files);
        } catch (Exception e) {
            LOG.warn(
                    "{}: writing the state of checkpoint {} to {} failed",
                    task.getDescriptor().displayName(),
                    barrier.checkpointId(),
                    barrier.directory(),
                    e);
            responder.decline(
                    task,
                    barrier.checkpointId(),
                    "writing the state of " + task.getDescriptor().displayName() + " to " + barrier.directory()
                            + " failed: " + e,
                    true);
            return;
        }
        responder.acknowledge(task, barrier.checkpointId(), snapshot);
    }

    @Override
    public void onAligned(CheckpointBarrier barrier) throws Exception {
        performCheckpoint(barrier);
    }

    @Override
    public void onAborted(long checkpointId, String reason) {
        responder.decline(task, checkpointId, reason, false);
    }

    void notifyCheckpointComplete(long checkpointId) throws Exception {
        chain.notifyCheckpointComplete(checkpointId);
        if (finalCheckpointId >= 0 && checkpointId >= finalCheckpointId) {
            finalCheckpointCompleted = true;
        }
    }

    void notifyCheckpointAborted(long checkpointId) throws Exception {
        chain.notifyCheckpointAborted(checkpointId);
        if (checkpointId == stopSavepointId) {
            // the job goes on: the sources resume, and only the end of input makes the next checkpoint final
            LOG.info(
                    "{}: the savepoint to stop the job failed; running on",
                    task.getDescriptor().displayName());
            stopSavepointId = -1;
            finalCheckpointId = -1;
        }
    }

    private synchronized ExecutorService ioExecutor() {
        if (io == null) {
            String name = task.getDescriptor().displayName() + " checkpoint I/O";
            io = Executors.newSingleThreadExecutor(runnable -> {
                Thread thread = new Thread(runnable, name);
                thread.setDaemon(true);
                return thread;
            });
        }
        return io;
    }

    /** The task ended: writes in progress finish (and acknowledge) unless {@code now}. */
    synchronized void shutdown(boolean now) {
        if (io != null) {
            if (now) {
                io.shutdownNow();
            } else {
                io.shutdown();
            }
        }
    }
}
