package io.floe.runtime.network;

import io.floe.runtime.network.serialization.RecordSerializer;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * Fills the open buffer of one subpartition with length-prefixed records and hands it to the
 * {@link PipelinedSubpartition} when full or flushed.
 *
 * <p>Records are serialized straight into a pooled direct buffer of the configured size. A buffer is
 * finished as soon as it has less room left than the previous record took, so records of similar
 * size never cross its end. One that does anyway (the buffer grows to take it) is moved into a
 * fresh buffer, and the old one is finished without it: a buffer holds whole records only. A record
 * larger than the buffer size ends up alone in a buffer of its own size.
 *
 * <p>Overflow is detected by position, not by catching the buffer's exception, whose type depends
 * on Netty's {@code io.netty.buffer.checkBounds} setting.
 *
 * <p>Threads: the producing task calls {@link #append}, the output flusher {@link #flush}, whoever
 * releases the partition {@link #release}; this object's monitor orders them and is the one
 * (normally uncontended) lock taken per record.
 */
final class BufferBuilder {

    private static final int LENGTH_PREFIX_BYTES = Integer.BYTES;

    private final PipelinedSubpartition target;
    private final ByteBufAllocator allocator;
    private final int bufferSize;

    private ByteBuf open;
    private int lastRecordBytes;
    private boolean released;

    /*
     * Buffers live on the heap: local consumers (the common case) then decode strings straight
     * from the backing array, and a remote send costs Netty one copy per 32 KB buffer.
     */
    BufferBuilder(PipelinedSubpartition target, ByteBufAllocator allocator, int bufferSize) {
        this.target = target;
        this.allocator = allocator;
        this.bufferSize = bufferSize;
    }

    /**
     * Appends one record; with {@code flush} the open buffer is finished right after it.
     *
     * @return whether a buffer was queued, in which case the caller must call
     *     {@link PipelinedSubpartition#awaitCapacity()} (outside this lock)
     * @throws IllegalStateException if the writer was closed or the partition released or failed
     */
    synchronized boolean append(Object record, RecordSerializer serializer, boolean flush) {
        if (released) {
            throw new IllegalStateException(
                    "Cannot write to " + target + ": the writer was closed or the partition was released or failed");
        }
        ByteBuf buffer = open;
        if (buffer == null) {
            buffer = open = allocator.heapBuffer(bufferSize);
        }
        int start = buffer.writerIndex();
        try {
            buffer.writeInt(0);
            serializer.serialize(record, buffer);
        } catch (RuntimeException | Error e) {
            buffer.writerIndex(start); // drop the partial record, keep the ones before it
            throw e;
        }
        int end = buffer.writerIndex();
        buffer.setInt(start, end - start - LENGTH_PREFIX_BYTES);
        lastRecordBytes = end - start;

        boolean queued = false;
        if (end > bufferSize && start > 0) {
            moveLastRecordToFreshBuffer(start, end);
            queued = true;
            buffer = open;
        }
        if (flush || buffer.writerIndex() > bufferSize - lastRecordBytes) {
            finishOpenBuffer();
            queued = true;
        }
        return queued;
    }

    /**
     * Appends an event (a checkpoint barrier) in a buffer of its own: what is open is queued first,
     * and the event's buffer right after it, so a consumer that reads the event has read all of its
     * buffer and can stop reading this channel at that point.
     *
     * @return whether a buffer was queued (always), as {@link #append} reports it
     */
    synchronized boolean appendAlone(Object event, RecordSerializer serializer) {
        if (open != null && open.isReadable() && !released) {
            finishOpenBuffer();
        }
        append(event, serializer, true);
        return true;
    }

    /** Queues the open buffer if it holds anything; never blocks. */
    synchronized void flush() {
        if (open != null && open.isReadable() && !released) {
            finishOpenBuffer();
        }
    }

    /** Drops the open buffer; later appends fail. */
    synchronized void release() {
        released = true;
        if (open != null) {
            open.release();
            open = null;
        }
    }

    private void moveLastRecordToFreshBuffer(int start, int end) {
        ByteBuf full = open;
        ByteBuf fresh = allocator.heapBuffer(Math.max(bufferSize, end - start));
        fresh.writeBytes(full, start, end - start);
        full.writerIndex(start);
        open = fresh;
        target.add(full);
    }

    private void finishOpenBuffer() {
        ByteBuf buffer = open;
        open = null;
        target.add(buffer);
    }
}
