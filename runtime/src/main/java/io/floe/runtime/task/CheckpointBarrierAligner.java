package io.floe.runtime.task;

import io.floe.runtime.checkpoint.CheckpointBarrier;
import io.floe.runtime.network.InputGate;
import java.util.BitSet;

/**
 * Decides, for a task with several input channels, when a checkpoint's barrier has arrived on
 * all of them, so the task can snapshot its state.
 *
 * <p>EXACTLY_ONCE (aligned): a channel that delivered the barrier is blocked until the barrier
 * has come on every channel still open, so no record after the barrier is processed before the
 * snapshot. AT_LEAST_ONCE: nothing is blocked; the snapshot is taken when the last barrier
 * arrives, and records after the barrier that came on faster channels are in it, to be replayed
 * after a restore.
 *
 * <p>A barrier of a newer checkpoint arriving during an alignment aborts the older one (as in
 * Flink); a channel that ends counts as having delivered every barrier. Used on the task's
 * thread, fed with what {@link InputGate#next} returns.
 */
public final class CheckpointBarrierAligner {

    /** Hears the outcome of each alignment; called on the task's thread. */
    public interface Listener {
        /** Every open channel delivered {@code barrier}: snapshot, then forward it. */
        void onAligned(CheckpointBarrier barrier) throws Exception;

        /** The alignment of {@code checkpointId} was given up, for {@code reason}. */
        void onAborted(long checkpointId, String reason) throws Exception;
    }

    private final InputGate gate;
    private final int channels;
    private final boolean exactlyOnce;
    private final Listener listener;
    private final BitSet arrived;

    private CheckpointBarrier pending;
    private long lastCheckpointId = -1;

    public CheckpointBarrierAligner(InputGate gate, boolean exactlyOnce, Listener listener) {
        this.gate = gate;
        this.channels = gate.getNumberOfChannels();
        this.exactlyOnce = exactlyOnce;
        this.listener = listener;
        this.arrived = new BitSet(channels);
    }

    /** A barrier came on {@code channel}. */
    public void onBarrier(CheckpointBarrier barrier, int channel) throws Exception {
        long id = barrier.checkpointId();
        if (id <= lastCheckpointId && (pending == null || id < pending.checkpointId())) {
            return; // a late barrier of a checkpoint that was aborted or subsumed
        }
        if (pending != null && id > pending.checkpointId()) {
            abort("the barrier of the newer checkpoint " + id + " arrived first");
        }
        if (pending == null) {
            pending = barrier;
            lastCheckpointId = id;
            arrived.clear();
        }
        arrived.set(channel);
        if (exactlyOnce) {
            gate.blockChannel(channel);
        }
        completeIfAligned();
    }

    /** A channel ended (see {@link io.floe.runtime.network.EndOfChannel}). */
    public void onEndOfChannel(int channel) throws Exception {
        if (pending != null) {
            completeIfAligned();
        }
    }

    /** The checkpoint being aligned, or null. */
    public CheckpointBarrier pending() {
        return pending;
    }

    private void completeIfAligned() throws Exception {
        for (int i = 0; i < channels; i++) {
            if (!arrived.get(i) && !gate.isFinished(i)) {
                return;
            }
        }
        CheckpointBarrier aligned = pending;
        pending = null;
        try {
            listener.onAligned(aligned);
        } finally {
            gate.resumeConsumption();
        }
    }

    private void abort(String reason) throws Exception {
        long id = pending.checkpointId();
        pending = null;
        gate.resumeConsumption();
        listener.onAborted(id, reason);
    }
}
