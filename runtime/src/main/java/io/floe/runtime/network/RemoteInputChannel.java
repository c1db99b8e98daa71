package io.floe.runtime.network;

import io.floe.runtime.network.netty.PartitionRequestClient;
import io.netty.buffer.ByteBuf;
import java.io.IOException;
import java.util.ArrayDeque;

/**
 * Reads a subpartition of another {@link NetworkEnvironment} over the connection that all channels
 * to that environment share, under credit-based flow control: the producer sends a buffer only
 * against a credit, and this channel returns one credit for each buffer the gate has finished
 * reading. At most {@code initialCredit} buffers are therefore ever held here or in flight, and a
 * slow consumer never stops the shared connection.
 *
 * <p>Threads: the {@code on*} callbacks run on the connection's Netty event loop; {@link #pollNext},
 * {@link #onBufferConsumed} and {@link #close} on the consuming task's thread. The received queue is
 * guarded by this object's monitor (taken once per buffer).
 */
public final class RemoteInputChannel extends InputChannel {

    private final PartitionRequestClient client;
    private final int receiverId;
    private final int initialCredit;
    private final NetworkMetrics metrics;

    private final ArrayDeque<ByteBuf> received = new ArrayDeque<>();
    private boolean endOfPartition;
    private IOException failure;
    private boolean closed;
    private int senderBacklog;

    RemoteInputChannel(
            InputGate gate,
            int channelIndex,
            InputChannelDescriptor descriptor,
            PartitionRequestClient client,
            int initialCredit,
            PartitionRequestBackoff backoff,
            NetworkMetrics metrics) {
        super(gate, channelIndex, descriptor, backoff);
        this.client = client;
        this.receiverId = client.nextReceiverId();
        this.initialCredit = initialCredit;
        this.metrics = metrics;
    }

    /** Which subpartition of which producer this channel reads. */
    public InputChannelDescriptor descriptor() {
        return descriptor;
    }

    public int getReceiverId() {
        return receiverId;
    }

    public int getInitialCredit() {
        return initialCredit;
    }

    @Override
    void requestSubpartition() {
        client.requestSubpartition(this);
    }

    public void onBuffer(ByteBuf buffer, int backlog) {
        boolean wasEmpty;
        synchronized (this) {
            if (closed || failure != null) {
                buffer.release();
                return;
            }
            wasEmpty = received.isEmpty();
            received.add(buffer);
            senderBacklog = backlog;
        }
        if (wasEmpty) {
            notifyChannelNonEmpty();
        }
    }

    public void onEndOfPartition() {
        synchronized (this) {
            endOfPartition = true;
        }
        notifyChannelNonEmpty();
    }

    public void onError(IOException cause) {
        synchronized (this) {
            if (endOfPartition || closed || failure != null) {
                return;
            }
            failure = cause;
        }
        notifyChannelNonEmpty();
    }

    /** The producer has no such partition yet: ask again later, or give up. */
    public void onPartitionNotFound() {
        long delay = backoff.nextDelayMillis();
        if (delay < 0) {
            client.cancelRequest(this);
            onError(new IOException("Partition " + descriptor.partitionId() + " not found at "
                    + descriptor.producerHost() + ":" + descriptor.producerDataPort() + " " + backoff.describe()
                    + " (channel " + descriptor + ")"));
        } else {
            client.retryRequest(this, delay);
        }
    }

    @Override
    BufferAndBacklog pollNext() throws IOException {
        synchronized (this) {
            if (failure != null) {
                throw failure;
            }
            ByteBuf buffer = received.poll();
            if (buffer != null) {
                return new BufferAndBacklog(buffer, senderBacklog, !received.isEmpty() || endOfPartition);
            }
            return endOfPartition ? BufferAndBacklog.END_OF_PARTITION : null;
        }
    }

    @Override
    void onBufferConsumed(ByteBuf buffer, int recordsRead) {
        buffer.release();
        metrics.onRemoteRecordsRead(recordsRead);
        boolean returnCredit;
        synchronized (this) {
            returnCredit = !closed && !endOfPartition && failure == null;
        }
        if (returnCredit) {
            client.sendAddCredit(receiverId, 1);
        }
    }

    @Override
    synchronized int getNumberOfBufferedBuffers() {
        return received.size();
    }

    /** Buffers the producer reported still queued when it sent the last one. */
    synchronized int getSenderBacklog() {
        return senderBacklog;
    }

    @Override
    boolean isRemote() {
        return true;
    }

    @Override
    void close() {
        boolean cancel;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            cancel = !endOfPartition;
            ByteBuf buffer;
            while ((buffer = received.poll()) != null) {
                buffer.release();
            }
        }
        if (cancel) {
            client.cancelRequest(this);
        }
    }
}
