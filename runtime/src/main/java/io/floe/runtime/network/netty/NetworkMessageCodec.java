package io.floe.runtime.network.netty;

import io.floe.runtime.network.netty.NetworkMessage.AddCredit;
import io.floe.runtime.network.netty.NetworkMessage.BufferResponse;
import io.floe.runtime.network.netty.NetworkMessage.CancelPartitionRequest;
import io.floe.runtime.network.netty.NetworkMessage.EndOfPartition;
import io.floe.runtime.network.netty.NetworkMessage.ErrorResponse;
import io.floe.runtime.network.netty.NetworkMessage.PartitionNotFound;
import io.floe.runtime.network.netty.NetworkMessage.PartitionRequest;
import io.floe.runtime.types.ResultPartitionId;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.codec.MessageToMessageCodec;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The wire format of {@link NetworkMessage}s. Each frame is
 * {@code int length (of what follows) | byte message id | body}; {@link #newFrameDecoder()} splits
 * the stream into frames and strips the length, this codec turns frames into messages and back.
 *
 * <pre>
 * 0  BufferResponse          int receiverId, int backlog, payload (rest of frame)
 * 1  ErrorResponse           int receiverId, UTF-8 message (rest of frame)
 * 2  PartitionRequest        int receiverId, int subpartition, int credit, UTF-8 partition id (rest)
 * 4  CancelPartitionRequest  int receiverId
 * 6  AddCredit               int receiverId, int credit
 * 12 PartitionNotFound       int receiverId
 * 13 EndOfPartition          int receiverId
 * </pre>
 *
 * <p>A buffer payload is never copied: it is written as a second {@link ByteBuf} after its small
 * header, and read as a retained slice of the received frame. Stateless and {@code @Sharable} in
 * principle, but one instance per pipeline keeps it simple.
 */
final class NetworkMessageCodec extends MessageToMessageCodec<ByteBuf, NetworkMessage> {

    static final byte BUFFER_RESPONSE = 0;
    static final byte ERROR_RESPONSE = 1;
    static final byte PARTITION_REQUEST = 2;
    static final byte CANCEL_PARTITION_REQUEST = 4;
    static final byte ADD_CREDIT = 6;
    static final byte PARTITION_NOT_FOUND = 12;
    static final byte END_OF_PARTITION = 13;

    private static final int LENGTH_FIELD_BYTES = Integer.BYTES;
    private static final int BUFFER_RESPONSE_HEADER_BYTES = LENGTH_FIELD_BYTES + 1 + 2 * Integer.BYTES;

    /** The frame decoder that must precede this codec in the pipeline. */
    static LengthFieldBasedFrameDecoder newFrameDecoder() {
        // a record larger than a buffer travels in one buffer of its own size, so no small limit
        return new LengthFieldBasedFrameDecoder(Integer.MAX_VALUE, 0, LENGTH_FIELD_BYTES, 0, LENGTH_FIELD_BYTES);
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, NetworkMessage message, List<Object> out) {
        if (message instanceof BufferResponse response) {
            ByteBuf payload = response.content();
            ByteBuf header = ctx.alloc().directBuffer(BUFFER_RESPONSE_HEADER_BYTES);
            header.writeInt(BUFFER_RESPONSE_HEADER_BYTES - LENGTH_FIELD_BYTES + payload.readableBytes());
            header.writeByte(BUFFER_RESPONSE);
            header.writeInt(response.receiverId);
            header.writeInt(response.backlog);
            out.add(header);
            out.add(payload.retain()); // the codec releases the message, and with it one reference
        } else if (message instanceof AddCredit credit) {
            out.add(frame(ctx, ADD_CREDIT, 8).writeInt(credit.receiverId()).writeInt(credit.credit()));
        } else if (message instanceof PartitionRequest request) {
            byte[] id = request.partitionId().value().getBytes(StandardCharsets.UTF_8);
            out.add(frame(ctx, PARTITION_REQUEST, 12 + id.length)
                    .writeInt(request.receiverId())
                    .writeInt(request.subpartition())
                    .writeInt(request.credit())
                    .writeBytes(id));
        } else if (message instanceof ErrorResponse error) {
            byte[] text = String.valueOf(error.message()).getBytes(StandardCharsets.UTF_8);
            out.add(frame(ctx, ERROR_RESPONSE, 4 + text.length)
                    .writeInt(error.receiverId())
                    .writeBytes(text));
        } else if (message instanceof CancelPartitionRequest cancel) {
            out.add(frame(ctx, CANCEL_PARTITION_REQUEST, 4).writeInt(cancel.receiverId()));
        } else if (message instanceof PartitionNotFound notFound) {
            out.add(frame(ctx, PARTITION_NOT_FOUND, 4).writeInt(notFound.receiverId()));
        } else if (message instanceof EndOfPartition end) {
            out.add(frame(ctx, END_OF_PARTITION, 4).writeInt(end.receiverId()));
        } else {
            throw new IllegalArgumentException(
                    "Unknown network message " + message.getClass().getName());
        }
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf frame, List<Object> out) {
        byte id = frame.readByte();
        switch (id) {
            case BUFFER_RESPONSE: {
                int receiverId = frame.readInt();
                int backlog = frame.readInt();
                out.add(new BufferResponse(receiverId, backlog, frame.readRetainedSlice(frame.readableBytes())));
                break;
            }
            case ADD_CREDIT:
                out.add(new AddCredit(frame.readInt(), frame.readInt()));
                break;
            case PARTITION_REQUEST: {
                int receiverId = frame.readInt();
                int subpartition = frame.readInt();
                int credit = frame.readInt();
                ResultPartitionId partitionId = new ResultPartitionId(restAsString(frame));
                out.add(new PartitionRequest(partitionId, subpartition, receiverId, credit));
                break;
            }
            case ERROR_RESPONSE: {
                int receiverId = frame.readInt();
                out.add(new ErrorResponse(receiverId, restAsString(frame)));
                break;
            }
            case CANCEL_PARTITION_REQUEST:
                out.add(new CancelPartitionRequest(frame.readInt()));
                break;
            case PARTITION_NOT_FOUND:
                out.add(new PartitionNotFound(frame.readInt()));
                break;
            case END_OF_PARTITION:
                out.add(new EndOfPartition(frame.readInt()));
                break;
            default:
                throw new CorruptedFrameException("Unknown network message id " + id + " from "
                        + ctx.channel().remoteAddress());
        }
    }

    private static ByteBuf frame(ChannelHandlerContext ctx, byte id, int bodyBytes) {
        return ctx.alloc()
                .buffer(LENGTH_FIELD_BYTES + 1 + bodyBytes)
                .writeInt(1 + bodyBytes)
                .writeByte(id);
    }

    private static String restAsString(ByteBuf frame) {
        String text = frame.toString(frame.readerIndex(), frame.readableBytes(), StandardCharsets.UTF_8);
        frame.skipBytes(frame.readableBytes());
        return text;
    }
}
