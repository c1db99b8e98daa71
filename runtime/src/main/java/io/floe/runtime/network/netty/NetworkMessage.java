package io.floe.runtime.network.netty;

import io.floe.runtime.types.ResultPartitionId;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.DefaultByteBufHolder;

/**
 * Messages between a consumer's {@link PartitionRequestClient} and a producer's data server. Every
 * message but the connection-level {@link ErrorResponse} names the logical channel by the
 * {@code receiverId} the consumer picked, which multiplexes channels over one connection.
 * {@link NetworkMessageCodec} defines the bytes.
 */
sealed interface NetworkMessage {

    /** Server to client: one data buffer, sent against one credit, plus the sender's backlog. */
    final class BufferResponse extends DefaultByteBufHolder implements NetworkMessage {
        final int receiverId;
        final int backlog;

        BufferResponse(int receiverId, int backlog, ByteBuf buffer) {
            super(buffer);
            this.receiverId = receiverId;
            this.backlog = backlog;
        }
    }

    /** Server to client: the channel failed (receiverId {@link #CONNECTION}: the whole connection). */
    record ErrorResponse(int receiverId, String message) implements NetworkMessage {
        static final int CONNECTION = -1;
    }

    /** Client to server: start sending a subpartition, with this many credits. */
    record PartitionRequest(ResultPartitionId partitionId, int subpartition, int receiverId, int credit)
            implements NetworkMessage {}

    /** Client to server: stop sending this channel and drop its reader. */
    record CancelPartitionRequest(int receiverId) implements NetworkMessage {}

    /** Client to server: the consumer has room for {@code credit} more buffers. */
    record AddCredit(int receiverId, int credit) implements NetworkMessage {}

    /** Server to client: no such partition registered (yet); the client retries with backoff. */
    record PartitionNotFound(int receiverId) implements NetworkMessage {}

    /** Server to client: the subpartition is complete; the channel is done. */
    record EndOfPartition(int receiverId) implements NetworkMessage {}
}
