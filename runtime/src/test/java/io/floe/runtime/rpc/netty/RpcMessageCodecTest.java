package io.floe.runtime.rpc.netty;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.type.TypeFactory;
import io.floe.runtime.rpc.RpcException;
import io.floe.runtime.rpc.netty.RpcMessage.FailureKind;
import io.floe.runtime.rpc.netty.RpcMessage.FailureResponse;
import io.floe.runtime.rpc.netty.RpcMessage.InvocationRequest;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.CorruptedFrameException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Encoding and type-driven decoding, without a socket. */
class RpcMessageCodecTest {

    private final RpcMessageCodec codec = new RpcMessageCodec(4096);
    private final TypeFactory types = TypeFactory.defaultInstance();

    private Object roundTrip(Object value, JavaType type) {
        return codec.decodeValue(codec.encodeValue(value), type);
    }

    @Test
    void durationsAndOptionalsRoundTripByDeclaredType() {
        JavaType optionalDuration = types.constructParametricType(Optional.class, Duration.class);
        JavaType mapOfOptionals =
                types.constructMapType(Map.class, types.constructType(String.class), optionalDuration);

        assertEquals(
                Duration.ofNanos(1_500_000_123L),
                roundTrip(Duration.ofNanos(1_500_000_123L), types.constructType(Duration.class)));
        assertEquals(
                Optional.of(Duration.ofSeconds(3)), roundTrip(Optional.of(Duration.ofSeconds(3)), optionalDuration));
        assertEquals(Optional.empty(), roundTrip(Optional.empty(), optionalDuration));
        assertEquals(
                Map.of("a", Optional.of(Duration.ZERO)),
                roundTrip(Map.of("a", Optional.of(Duration.ZERO)), mapOfOptionals));
    }

    @Test
    void messagesRoundTrip() {
        InvocationRequest request = new InvocationRequest(
                7, "echo", "token", "record", codec.encodeArguments(new Object[] {"hello", new byte[] {1, 2}}), false);

        InvocationRequest decoded = (InvocationRequest) codec.decode(Unpooled.wrappedBuffer(codec.encode(request)));

        assertEquals(
                List.of(7L, "echo", "token", "record", false),
                List.of(
                        decoded.requestId(),
                        decoded.targetEndpointId(),
                        decoded.fencingToken(),
                        decoded.methodName(),
                        decoded.expectsResponse()));
        assertEquals("hello", codec.decodeValue(decoded.arguments().get(0), types.constructType(String.class)));
        assertArrayEquals(new byte[] {1, 2}, (byte[])
                codec.decodeValue(decoded.arguments().get(1), types.constructType(byte[].class)));
        FailureResponse failure = FailureResponse.refusal(9, FailureKind.FENCING, "stale");
        assertEquals(failure, codec.decode(Unpooled.wrappedBuffer(codec.encode(failure))));
    }

    @Test
    void incompleteMessageIsCorrupt() {
        String json = "{\"type\":\"invoke\",\"body\":{\"requestId\":7,\"arguments\":[]}}";

        assertThrows(
                CorruptedFrameException.class,
                () -> codec.decode(Unpooled.wrappedBuffer(json.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void trailingContentIsCorrupt() {
        String json = "{\"type\":\"success\",\"body\":{\"requestId\":7,\"value\":1}} {}";

        assertThrows(
                CorruptedFrameException.class,
                () -> codec.decode(Unpooled.wrappedBuffer(json.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void messageLargerThanTheFrameCapIsNotEncoded() {
        InvocationRequest request = new InvocationRequest(
                7, "echo", null, "reverse", codec.encodeArguments(new Object[] {new byte[8192]}), true);

        assertThrows(RpcException.class, () -> codec.encode(request));
    }

    @Test
    void valueOfTheWrongShapeIsRejected() {
        IllegalArgumentException failure = assertThrows(
                IllegalArgumentException.class,
                () -> codec.decodeValue(codec.encodeValue(List.of("a")), types.constructType(Integer.class)));
        assertInstanceOf(IllegalArgumentException.class, failure);
    }
}
