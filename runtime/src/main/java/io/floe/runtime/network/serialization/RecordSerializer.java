package io.floe.runtime.network.serialization;

import io.netty.buffer.ByteBuf;

/**
 * Turns records into bytes inside a {@link ByteBuf} and back.
 *
 * <p>Implementations must be stateless or confined to one thread: a writer calls {@link #serialize}
 * on the producing task's thread (and its output flusher never serializes), a reader calls
 * {@link #deserialize} on the consuming task's thread.
 *
 * <p>{@link #serialize} appends at {@code target.writerIndex()} and may let the buffer grow past
 * its initial capacity; the record writer moves a record that crossed the buffer size into the next
 * buffer. An exception from {@link #serialize} fails the emit and leaves the buffer as it was.
 */
public interface RecordSerializer {

    /** Appends {@code record} to {@code target}. */
    void serialize(Object record, ByteBuf target);

    /** Reads one record, written by {@link #serialize}, from {@code source}'s reader index. */
    Object deserialize(ByteBuf source);
}
