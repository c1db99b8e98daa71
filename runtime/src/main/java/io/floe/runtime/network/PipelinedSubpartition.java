package io.floe.runtime.network;

import io.floe.runtime.types.ResultPartitionId;
import io.netty.buffer.ByteBuf;
import java.io.IOException;
import java.util.ArrayDeque;

/**
 * One consumer's share of a {@link ResultPartition}: a bounded queue of finished buffers, followed
 * by end-of-partition, or cut short by a failure.
 *
 * <p>Threads: the writer side ({@link #add}, {@link #awaitCapacity}, {@link #finish}) is used by the
 * producing task's thread and its output flusher; the read side ({@link #poll}, {@link #isAvailable})
 * by exactly one {@link SubpartitionReader}, on the consuming task's thread for a local channel or on
 * a Netty event loop for a remote one. All state is guarded by this object's monitor, which is taken
 * once per buffer, never per record.
 *
 * <p>Backpressure: {@link #add} never blocks (the flusher must not), but after queuing a buffer the
 * writer calls {@link #awaitCapacity}, which blocks while {@code maxBuffers} buffers are queued and
 * then until the reader has drained the queue to half, so producer and consumer do not ping-pong
 * over every single buffer. A flush can put at most one buffer beyond the bound.
 */
final class PipelinedSubpartition {

    private final ResultPartitionId partitionId;
    private final int index;
    private final int maxBuffers;
    private final int resumeThreshold;

    private final ArrayDeque<ByteBuf> buffers = new ArrayDeque<>();
    private boolean finished;
    private Throwable failureCause;
    private boolean released;
    private boolean producerWaiting;
    private boolean readerCreated;
    private BufferAvailabilityListener listener;

    PipelinedSubpartition(ResultPartitionId partitionId, int index, int maxBuffers) {
        this.partitionId = partitionId;
        this.index = index;
        this.maxBuffers = maxBuffers;
        this.resumeThreshold = maxBuffers / 2;
    }

    /** Queues a finished buffer; never blocks. Releases it and throws if the partition is gone. */
    void add(ByteBuf buffer) {
        BufferAvailabilityListener toNotify;
        synchronized (this) {
            if (released || failureCause != null || finished) {
                buffer.release();
                throw new IllegalStateException("Cannot write to " + this + ": it was "
                        + (released ? "released" : failureCause != null ? "failed" : "finished"));
            }
            buffers.add(buffer);
            toNotify = buffers.size() == 1 ? listener : null;
        }
        if (toNotify != null) {
            toNotify.notifyDataAvailable();
        }
    }

    /** Blocks the writer while the queue is full. Throws if the partition is released meanwhile. */
    void awaitCapacity() throws InterruptedException {
        synchronized (this) {
            if (buffers.size() < maxBuffers) {
                return;
            }
            producerWaiting = true;
            try {
                while (buffers.size() > resumeThreshold && !released && failureCause == null) {
                    wait();
                }
            } finally {
                producerWaiting = false;
            }
            if (released || failureCause != null) {
                throw new IllegalStateException("Cannot write to " + this + ": it was "
                        + (released ? "released" : "failed") + " while the writer waited for space");
            }
        }
    }

    /** Appends end-of-partition; no-op after a failure or release. */
    void finish() {
        BufferAvailabilityListener toNotify;
        synchronized (this) {
            if (finished || released || failureCause != null) {
                return;
            }
            finished = true;
            toNotify = listener;
        }
        if (toNotify != null) {
            toNotify.notifyDataAvailable();
        }
    }

    /** Drops queued data; the reader's next poll throws an IOException naming {@code cause}. */
    void fail(Throwable cause) {
        BufferAvailabilityListener toNotify;
        synchronized (this) {
            if (released || failureCause != null) {
                return;
            }
            failureCause = cause;
            releaseQueuedBuffers();
            toNotify = listener;
        }
        if (toNotify != null) {
            toNotify.notifyDataAvailable();
        }
    }

    /** Frees queued buffers and wakes everybody; both sides fail from now on. */
    void release() {
        BufferAvailabilityListener toNotify;
        synchronized (this) {
            if (released) {
                return;
            }
            released = true;
            releaseQueuedBuffers();
            toNotify = listener;
        }
        if (toNotify != null) {
            toNotify.notifyDataAvailable();
        }
    }

    /**
     * Attaches the one reader this subpartition ever gets. It is not notified of what is already
     * queued: the caller polls once after storing the reader.
     */
    synchronized SubpartitionReader createReader(BufferAvailabilityListener availabilityListener) {
        if (released) {
            throw new IllegalStateException(this + " was already released");
        }
        if (readerCreated) {
            throw new IllegalStateException(
                    this + " is already being consumed; a pipelined subpartition" + " can be read only once");
        }
        readerCreated = true;
        listener = availabilityListener;
        return new SubpartitionReader(this);
    }

    synchronized void detachReader() {
        listener = null;
    }

    /**
     * Takes the next buffer ({@code allowBuffer} false means the reader has no credit), or the
     * end-of-partition marker once the queue is drained; null if there is nothing to take.
     */
    synchronized BufferAndBacklog poll(boolean allowBuffer) throws IOException {
        checkReadable();
        if (!buffers.isEmpty()) {
            if (!allowBuffer) {
                return null;
            }
            ByteBuf buffer = buffers.poll();
            int backlog = buffers.size();
            if (producerWaiting && backlog <= resumeThreshold) {
                notifyAll();
            }
            return new BufferAndBacklog(buffer, backlog, backlog > 0 || finished);
        }
        return finished ? BufferAndBacklog.END_OF_PARTITION : null;
    }

    /** Whether {@link #poll} would return something or throw. */
    synchronized boolean isAvailable(boolean allowBuffer) {
        if (released || failureCause != null) {
            return true;
        }
        return buffers.isEmpty() ? finished : allowBuffer;
    }

    synchronized int getNumberOfQueuedBuffers() {
        return buffers.size();
    }

    private void checkReadable() throws IOException {
        if (failureCause != null) {
            throw new IOException(
                    "Producer of partition " + partitionId + " failed: "
                            + failureCause.getClass().getName() + ": " + failureCause.getMessage(),
                    failureCause);
        }
        if (released) {
            throw new IOException(
                    "Partition " + partitionId + " was released before subpartition " + index + " was fully consumed");
        }
    }

    private void releaseQueuedBuffers() {
        ByteBuf buffer;
        while ((buffer = buffers.poll()) != null) {
            buffer.release();
        }
        notifyAll();
    }

    @Override
    public String toString() {
        return "subpartition " + index + " of partition " + partitionId;
    }
}
