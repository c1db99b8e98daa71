package io.floe.runtime.network;

import io.netty.buffer.ByteBuf;
import java.io.IOException;

/**
 * One producer subpartition as seen by an {@link InputGate}.
 *
 * <p>Threads: {@link #pollNext}, {@link #onBufferConsumed} and {@link #close} run on the consuming
 * task's thread. Whatever thread learns that the channel has something new (producer, Netty event
 * loop, retry timer) calls {@link #notifyChannelNonEmpty()}, which queues the channel in its gate.
 */
abstract class InputChannel {

    final InputGate gate;
    final int channelIndex;
    final InputChannelDescriptor descriptor;
    final PartitionRequestBackoff backoff;

    /** Guarded by the gate's lock: whether the channel sits in the gate's queue. */
    boolean queuedInGate;
    /** Consuming thread only. */
    boolean endOfPartitionReached;
    /** Consuming thread only: the gate does not read this channel until consumption resumes. */
    boolean blocked;
    /** Guarded by the gate's lock: taken out of the gate's queue while blocked, to go back on resume. */
    boolean parked;

    InputChannel(InputGate gate, int channelIndex, InputChannelDescriptor descriptor, PartitionRequestBackoff backoff) {
        this.gate = gate;
        this.channelIndex = channelIndex;
        this.descriptor = descriptor;
        this.backoff = backoff;
    }

    /** Starts asking the producer for the subpartition; does not block. Failures surface in pollNext. */
    abstract void requestSubpartition();

    /**
     * The next buffer or end-of-partition, or null if there is nothing yet.
     *
     * @throws IOException if the producer failed, the partition was not found or the connection broke
     */
    abstract BufferAndBacklog pollNext() throws IOException;

    /** The gate has read {@code recordsRead} records out of {@code buffer} and gives it back. */
    abstract void onBufferConsumed(ByteBuf buffer, int recordsRead);

    /** Buffers received but not yet taken by the gate (always 0 for a local channel). */
    abstract int getNumberOfBufferedBuffers();

    abstract boolean isRemote();

    /** Stops the channel and frees what it holds; idempotent. */
    abstract void close();

    final void notifyChannelNonEmpty() {
        gate.notifyChannelNonEmpty(this);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "{" + channelIndex + ": " + descriptor + "}";
    }
}
