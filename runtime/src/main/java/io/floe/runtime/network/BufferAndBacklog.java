package io.floe.runtime.network;

import io.netty.buffer.ByteBuf;

/**
 * What a reader takes out of a subpartition or input channel: one finished data buffer (ownership
 * passes to the taker, who releases it), or the end-of-partition marker.
 *
 * @param buffer the data, or null for {@link #END_OF_PARTITION}
 * @param backlog data buffers still queued behind this one
 * @param moreAvailable whether polling again right away yields something (a buffer, the
 *     end-of-partition marker or a failure)
 */
public record BufferAndBacklog(ByteBuf buffer, int backlog, boolean moreAvailable) {

    static final BufferAndBacklog END_OF_PARTITION = new BufferAndBacklog(null, 0, false);

    public boolean isEndOfPartition() {
        return buffer == null;
    }
}
