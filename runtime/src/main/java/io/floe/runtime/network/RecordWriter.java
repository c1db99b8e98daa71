package io.floe.runtime.network;

import io.floe.runtime.network.serialization.RecordSerializer;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.Objects;

/**
 * The one writer of a {@link ResultPartition}: serializes records into the open buffer of the
 * target subpartition.
 *
 * <p>Threads: {@link #emit}, {@link #broadcast} and {@link #close} are called by the producing
 * task's thread only. {@link #flushAll} may also be called concurrently by the {@link OutputFlusher}.
 * Per record the writer takes one normally uncontended monitor (the subpartition's
 * {@link BufferBuilder}) and does no volatile write; the record count is published with an opaque
 * store, which is a plain store on x86.
 */
public final class RecordWriter implements AutoCloseable {

    private static final VarHandle RECORDS_WRITTEN;

    static {
        try {
            RECORDS_WRITTEN = MethodHandles.lookup().findVarHandle(RecordWriter.class, "recordsWritten", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final ResultPartition partition;
    private final BufferBuilder[] builders;
    private final RecordSerializer serializer;
    private final boolean flushEveryRecord;
    private final OutputFlusher flusher;

    /** Written by the task thread only, through RECORDS_WRITTEN; read by others the same way. */
    private long recordsWritten;

    private boolean closed;

    RecordWriter(
            ResultPartition partition, BufferBuilder[] builders, RecordSerializer serializer, Duration flushInterval) {
        this.partition = partition;
        this.builders = builders;
        this.serializer = Objects.requireNonNull(serializer, "serializer");
        this.flushEveryRecord = flushInterval != null && flushInterval.isZero();
        if (flushInterval != null && flushInterval.isNegative()) {
            throw new IllegalArgumentException("flushInterval must not be negative, got " + flushInterval);
        }
        this.flusher = flushInterval != null && !flushInterval.isZero()
                ? new OutputFlusher(partition.getId(), this, flushInterval)
                : null;
        if (flusher != null) {
            flusher.start();
        }
    }

    /**
     * Writes {@code record} to one subpartition. When that subpartition already queues
     * {@code maxBuffersPerSubpartition} finished buffers, blocks until its reader has taken half of
     * them (backpressure).
     *
     * @throws InterruptedException if the thread is interrupted while blocked; the record was written
     * @throws IllegalStateException if the partition was released or failed
     */
    public void emit(Object record, int subpartition) throws InterruptedException {
        Objects.checkIndex(subpartition, builders.length);
        boolean bufferQueued = builders[subpartition].append(record, serializer, flushEveryRecord);
        RECORDS_WRITTEN.setOpaque(this, recordsWritten + 1);
        if (bufferQueued) {
            partition.getSubpartition(subpartition).awaitCapacity();
        }
    }

    /** Writes {@code record} to every subpartition; blocks as {@link #emit} does. */
    public void broadcast(Object record) throws InterruptedException {
        for (int i = 0; i < builders.length; i++) {
            if (builders[i].append(record, serializer, flushEveryRecord)) {
                partition.getSubpartition(i).awaitCapacity();
            }
        }
        RECORDS_WRITTEN.setOpaque(this, recordsWritten + 1);
    }

    /**
     * Writes {@code event} (a watermark) to every subpartition, in order with the records and in
     * the same buffers: it leaves with them, at the next flush. Does not count as a record.
     */
    public void broadcastInBand(Object event) throws InterruptedException {
        for (int i = 0; i < builders.length; i++) {
            if (builders[i].append(event, serializer, flushEveryRecord)) {
                partition.getSubpartition(i).awaitCapacity();
            }
        }
    }

    /**
     * Writes {@code event} (a checkpoint barrier) to every subpartition after everything written
     * before, each in a buffer of its own, so that a consumer can block the channel right after
     * reading it ({@link InputGate#blockChannel}). Blocks as {@link #broadcast} does. Does not count
     * as a record.
     */
    public void broadcastEvent(Object event) throws InterruptedException {
        for (int i = 0; i < builders.length; i++) {
            if (builders[i].appendAlone(event, serializer)) {
                partition.getSubpartition(i).awaitCapacity();
            }
        }
    }

    /** Queues every non-empty open buffer. Never blocks; safe from the flusher thread. */
    public void flushAll() {
        for (BufferBuilder builder : builders) {
            builder.flush();
        }
    }

    /** Records emitted or broadcast so far; readable from any thread. */
    public long getRecordsWritten() {
        return (long) RECORDS_WRITTEN.getOpaque(this);
    }

    /**
     * Stops the flusher, flushes everything and appends end-of-partition to every subpartition.
     * Does not wait for consumers. A no-op for a failed or released partition, and when repeated.
     *
     * @throws InterruptedException if interrupted while waiting for the flusher to stop
     */
    @Override
    public void close() throws InterruptedException {
        if (closed) {
            return;
        }
        closed = true;
        if (flusher != null) {
            flusher.shutdown();
        }
        if (partition.isReleasedOrFailed()) {
            releaseBuffers();
            return;
        }
        flushAll();
        partition.finishSubpartitions();
        releaseBuffers();
    }

    void releaseBuffers() {
        for (BufferBuilder builder : builders) {
            builder.release();
        }
    }
}
