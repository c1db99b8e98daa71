package io.floe.runtime.network.netty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.floe.runtime.network.netty.NetworkMessage.AddCredit;
import io.floe.runtime.network.netty.NetworkMessage.BufferResponse;
import io.floe.runtime.network.netty.NetworkMessage.CancelPartitionRequest;
import io.floe.runtime.network.netty.NetworkMessage.EndOfPartition;
import io.floe.runtime.network.netty.NetworkMessage.ErrorResponse;
import io.floe.runtime.network.netty.NetworkMessage.PartitionNotFound;
import io.floe.runtime.network.netty.NetworkMessage.PartitionRequest;
import io.floe.runtime.types.ResultPartitionId;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The codec in a real pipeline, without a socket: what one side writes the other side reads. */
class NetworkMessageCodecTest {

    private final EmbeddedChannel sender = new EmbeddedChannel(new NetworkMessageCodec());
    private final EmbeddedChannel receiver =
            new EmbeddedChannel(NetworkMessageCodec.newFrameDecoder(), new NetworkMessageCodec());

    @AfterEach
    void finish() {
        assertFalse(sender.finishAndReleaseAll());
        assertFalse(receiver.finishAndReleaseAll());
    }

    @Test
    void controlMessagesSurviveTheWire() {
        List<NetworkMessage> messages = List.of(
                new PartitionRequest(new ResultPartitionId("job-1/map-0ü"), 3, 7, 2),
                new AddCredit(7, 1),
                new CancelPartitionRequest(7),
                new PartitionNotFound(8),
                new EndOfPartition(9),
                new ErrorResponse(ErrorResponse.CONNECTION, "java.lang.IllegalStateException: boom"));
        for (NetworkMessage message : messages) {
            assertEquals(message, transfer(message));
        }
    }

    @Test
    void bufferResponseCarriesPayloadAndBacklogWithoutLeaking() {
        ByteBuf payload = Unpooled.directBuffer().writeBytes("records".getBytes(StandardCharsets.UTF_8));
        BufferResponse received = (BufferResponse) transfer(new BufferResponse(5, 4, payload));
        assertEquals(0, payload.refCnt(), "the sender's buffer is released once written");
        assertEquals(5, received.receiverId);
        assertEquals(4, received.backlog);
        assertEquals("records", received.content().toString(StandardCharsets.UTF_8));
        received.release();
    }

    @Test
    void splitsAStreamOfSeveralFramesArrivingInPieces() {
        sender.writeOutbound(
                new AddCredit(1, 1),
                new EndOfPartition(2),
                new BufferResponse(3, 0, Unpooled.wrappedBuffer(new byte[] {1, 2, 3})));
        ByteBuf stream = Unpooled.buffer();
        ByteBuf part;
        while ((part = sender.readOutbound()) != null) {
            stream.writeBytes(part);
            part.release();
        }
        while (stream.isReadable()) {
            receiver.writeInbound(stream.readRetainedSlice(Math.min(3, stream.readableBytes())));
        }
        stream.release();
        assertEquals(new AddCredit(1, 1), receiver.readInbound());
        assertEquals(new EndOfPartition(2), receiver.readInbound());
        BufferResponse buffer = receiver.readInbound();
        assertEquals(3, buffer.content().readableBytes());
        buffer.release();
        assertNull(receiver.readInbound());
    }

    private NetworkMessage transfer(NetworkMessage message) {
        sender.writeOutbound(message);
        ByteBuf part;
        while ((part = sender.readOutbound()) != null) {
            receiver.writeInbound(part);
        }
        return assertInstanceOf(NetworkMessage.class, receiver.readInbound());
    }
}
