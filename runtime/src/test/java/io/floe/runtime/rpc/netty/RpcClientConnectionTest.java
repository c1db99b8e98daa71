package io.floe.runtime.rpc.netty;

import static io.floe.runtime.rpc.TestingRpc.awaitFailure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.databind.type.TypeFactory;
import io.floe.runtime.rpc.RpcConnectionException;
import io.floe.runtime.rpc.TestingRpc;
import io.floe.runtime.rpc.netty.RpcMessage.SuccessResponse;
import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** {@link RpcClientConnection} against an {@link EmbeddedChannel}: no socket involved. */
class RpcClientConnectionTest {

    private final RpcClientConnection connection = new RpcClientConnection("remote:1", new RpcMessageCodec(4096));

    private static byte[] frame(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String readFrame(EmbeddedChannel channel) {
        ByteBuf written = channel.readOutbound();
        try {
            return written.toString(StandardCharsets.UTF_8);
        } finally {
            written.release();
        }
    }

    @Test
    void framesSentWhileConnectingAreWrittenInOrderOnceConnected() {
        EmbeddedChannel channel = new EmbeddedChannel();
        connection.tell(frame("first"), "tell 1");
        connection.ask(
                1,
                frame("second"),
                new CompletableFuture<>(),
                TypeFactory.defaultInstance().constructType(String.class),
                "ask 1");
        connection.tell(frame("third"), "tell 2");

        connection.onConnected(channel);
        connection.tell(frame("fourth"), "tell 3");

        assertEquals("first", readFrame(channel));
        assertEquals("second", readFrame(channel));
        assertEquals("third", readFrame(channel));
        assertEquals("fourth", readFrame(channel));
        assertNull(channel.readOutbound());
    }

    @Test
    void answerCompletesTheMatchingAsk() throws Exception {
        connection.onConnected(new EmbeddedChannel());
        CompletableFuture<Object> first = new CompletableFuture<>();
        CompletableFuture<Object> second = new CompletableFuture<>();
        connection.ask(1, frame("a"), first, TypeFactory.defaultInstance().constructType(String.class), "ask 1");
        connection.ask(2, frame("b"), second, TypeFactory.defaultInstance().constructType(String.class), "ask 2");

        connection.onSuccess(new SuccessResponse(2, TextNode.valueOf("two")));

        assertEquals("two", TestingRpc.await(second));
        assertEquals(false, first.isDone());
    }

    @Test
    void lostConnectionFailsPendingAsks() {
        connection.onConnected(new EmbeddedChannel());
        CompletableFuture<Object> pending = new CompletableFuture<>();
        connection.ask(1, frame("a"), pending, TypeFactory.defaultInstance().constructType(String.class), "ask 1");

        connection.onClosed(null);

        awaitFailure(RpcConnectionException.class, pending);
    }

    @Test
    void failedConnectFailsQueuedAsksAndLaterOnes() {
        CompletableFuture<Object> queued = new CompletableFuture<>();
        connection.ask(1, frame("a"), queued, TypeFactory.defaultInstance().constructType(String.class), "ask 1");

        connection.onClosed(new ConnectException("refused"));
        CompletableFuture<Object> later = new CompletableFuture<>();
        connection.ask(2, frame("b"), later, TypeFactory.defaultInstance().constructType(String.class), "ask 2");

        assertEquals(
                ConnectException.class,
                awaitFailure(RpcConnectionException.class, queued).getCause().getClass());
        awaitFailure(RpcConnectionException.class, later);
    }
}
