package io.floe.runtime.network;

import io.floe.runtime.network.serialization.RecordSerializer;
import io.floe.runtime.types.ResultPartitionId;
import io.netty.buffer.ByteBufAllocator;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The output of one producing subtask: one {@link PipelinedSubpartition} per consuming subtask,
 * written by one {@link RecordWriter} and readable once registered with the
 * {@link NetworkEnvironment} that created it.
 *
 * <p>Threads: {@link #createRecordWriter} is called once by the producing task; {@link #fail} and
 * {@link #release} may be called from any thread.
 */
public final class ResultPartition {

    private static final Logger LOG = LoggerFactory.getLogger(ResultPartition.class);

    private final ResultPartitionId id;
    private final PipelinedSubpartition[] subpartitions;
    private final ByteBufAllocator allocator;
    private final int bufferSizeBytes;
    private final ResultPartitionManager manager;

    private RecordWriter writer;
    private volatile boolean releasedOrFailed;

    ResultPartition(
            ResultPartitionId id,
            int numberOfSubpartitions,
            NetworkConfig config,
            ByteBufAllocator allocator,
            ResultPartitionManager manager) {
        if (numberOfSubpartitions < 1) {
            throw new IllegalArgumentException(
                    "numberOfSubpartitions must be >= 1, got " + numberOfSubpartitions + " for partition " + id);
        }
        this.id = id;
        this.allocator = allocator;
        this.bufferSizeBytes = config.bufferSizeBytes();
        this.manager = manager;
        this.subpartitions = new PipelinedSubpartition[numberOfSubpartitions];
        for (int i = 0; i < numberOfSubpartitions; i++) {
            subpartitions[i] = new PipelinedSubpartition(id, i, config.maxBuffersPerSubpartition());
        }
    }

    public ResultPartitionId getId() {
        return id;
    }

    public int getNumberOfSubpartitions() {
        return subpartitions.length;
    }

    /**
     * The one writer of this partition; used by the producing task's thread.
     *
     * @param flushInterval {@link Duration#ZERO} flushes after every record; null sends only full
     *     buffers (and everything on close); otherwise a daemon flusher calls
     *     {@link RecordWriter#flushAll()} at that interval
     * @throws IllegalStateException when called a second time
     */
    public synchronized RecordWriter createRecordWriter(RecordSerializer serializer, Duration flushInterval) {
        if (writer != null) {
            throw new IllegalStateException("Partition " + id + " already has a record writer");
        }
        BufferBuilder[] builders = new BufferBuilder[subpartitions.length];
        for (int i = 0; i < builders.length; i++) {
            builders[i] = new BufferBuilder(subpartitions[i], allocator, bufferSizeBytes);
        }
        writer = new RecordWriter(this, builders, serializer, flushInterval);
        return writer;
    }

    /**
     * Fails the partition: queued data is dropped and every consumer's next read throws an
     * IOException carrying the cause's class and message. Further writes fail.
     */
    public void fail(Throwable cause) {
        LOG.info("Partition {} failed: {}", id, cause.toString());
        releasedOrFailed = true;
        for (PipelinedSubpartition subpartition : subpartitions) {
            subpartition.fail(cause);
        }
        releaseWriterBuffers();
    }

    /** Frees queued buffers and unregisters the partition. Idempotent. */
    public void release() {
        manager.unregister(this);
        releasedOrFailed = true;
        for (PipelinedSubpartition subpartition : subpartitions) {
            subpartition.release();
        }
        releaseWriterBuffers();
        LOG.debug("Released partition {}", id);
    }

    /** Finished buffers waiting in one subpartition: a backpressure gauge. */
    public int getNumberOfQueuedBuffers(int subpartition) {
        return getSubpartition(subpartition).getNumberOfQueuedBuffers();
    }

    PipelinedSubpartition getSubpartition(int index) {
        if (index < 0 || index >= subpartitions.length) {
            throw new IllegalArgumentException(
                    "Partition " + id + " has subpartitions 0.." + (subpartitions.length - 1) + ", not " + index);
        }
        return subpartitions[index];
    }

    boolean isReleasedOrFailed() {
        return releasedOrFailed;
    }

    void finishSubpartitions() {
        for (PipelinedSubpartition subpartition : subpartitions) {
            subpartition.finish();
        }
    }

    private void releaseWriterBuffers() {
        RecordWriter current;
        synchronized (this) {
            current = writer;
        }
        if (current != null) {
            current.releaseBuffers();
        }
    }

    @Override
    public String toString() {
        return "ResultPartition{" + id + ", " + subpartitions.length + " subpartitions}";
    }
}
