package io.floe.runtime.network;

import io.netty.buffer.ByteBuf;
import java.io.IOException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a subpartition of the same {@link NetworkEnvironment}: buffers move from the producer's
 * queue to the consumer without copy or socket, and the consumer releases them after reading.
 *
 * <p>If the partition is not registered yet, the request is retried on {@code retryScheduler} with
 * {@link PartitionRequestBackoff}. The subpartition notifies this channel (on the producer's thread)
 * when data arrives.
 */
final class LocalInputChannel extends InputChannel implements BufferAvailabilityListener {

    private static final Logger LOG = LoggerFactory.getLogger(LocalInputChannel.class);

    private final ResultPartitionManager partitionManager;
    private final ScheduledExecutorService retryScheduler;

    private volatile SubpartitionReader reader;
    private volatile IOException failure;
    private volatile boolean closed;

    LocalInputChannel(
            InputGate gate,
            int channelIndex,
            InputChannelDescriptor descriptor,
            ResultPartitionManager partitionManager,
            ScheduledExecutorService retryScheduler,
            PartitionRequestBackoff backoff) {
        super(gate, channelIndex, descriptor, backoff);
        this.partitionManager = partitionManager;
        this.retryScheduler = retryScheduler;
    }

    @Override
    void requestSubpartition() {
        if (closed) {
            return;
        }
        SubpartitionReader created;
        try {
            created = partitionManager.createReader(descriptor.partitionId(), descriptor.subpartitionIndex(), this);
        } catch (RuntimeException e) {
            fail(new IOException("Cannot read " + descriptor + ": " + e.getMessage(), e));
            return;
        }
        if (created != null) {
            reader = created;
            if (closed) {
                created.release();
            }
            // whatever the producer queued before the reader was stored
            notifyChannelNonEmpty();
            return;
        }
        long delay = backoff.nextDelayMillis();
        if (delay < 0) {
            fail(new IOException("Partition " + descriptor.partitionId() + " not found in the local environment "
                    + backoff.describe() + " (channel " + descriptor + ")"));
        } else {
            LOG.debug("Partition {} not registered yet; retrying in {} ms", descriptor.partitionId(), delay);
            try {
                retryScheduler.schedule(this::requestSubpartition, delay, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                fail(new IOException(
                        "Cannot retry the request for " + descriptor + ": the network environment is shutting down",
                        e));
            }
        }
    }

    @Override
    public void notifyDataAvailable() {
        notifyChannelNonEmpty();
    }

    @Override
    BufferAndBacklog pollNext() throws IOException {
        IOException failed = failure;
        if (failed != null) {
            throw failed;
        }
        SubpartitionReader current = reader;
        return current == null ? null : current.poll(true);
    }

    @Override
    void onBufferConsumed(ByteBuf buffer, int recordsRead) {
        buffer.release();
    }

    @Override
    int getNumberOfBufferedBuffers() {
        return 0;
    }

    @Override
    boolean isRemote() {
        return false;
    }

    @Override
    void close() {
        closed = true;
        SubpartitionReader current = reader;
        if (current != null) {
            current.release();
        }
    }

    private void fail(IOException cause) {
        failure = cause;
        notifyChannelNonEmpty();
    }
}
