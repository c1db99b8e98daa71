package io.floe.runtime.rpc.netty;

import static io.floe.runtime.rpc.TestingRpc.await;
import static io.floe.runtime.rpc.TestingRpc.closeQuietly;
import static io.floe.runtime.rpc.TestingRpc.startService;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.floe.runtime.rpc.EchoEndpoint;
import io.floe.runtime.rpc.EchoGateway;
import io.floe.runtime.rpc.TestingRpc;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A peer that breaks the protocol loses its own connection; the endpoint and every other
 * connection keep working.
 */
class RpcMalformedFrameTest {

    private NettyRpcService serverService;
    private NettyRpcService clientService;
    private EchoEndpoint endpoint;
    private EchoGateway establishedGateway;

    @BeforeEach
    void startEndpoint() throws Exception {
        serverService = startService(Duration.ofSeconds(10));
        clientService = startService(Duration.ofSeconds(10));
        endpoint = new EchoEndpoint(serverService, "echo");
        endpoint.start();
        establishedGateway = await(clientService.connect(endpoint.getAddress(), EchoGateway.class));
        establishedGateway.record("before");
    }

    @AfterEach
    void closeServices() throws Exception {
        closeQuietly(clientService, serverService);
    }

    @Test
    void garbageWithAValidLengthPrefixClosesThatConnection() throws Exception {
        byte[] garbage = {(byte) 0xde, (byte) 0xad, (byte) 0xbe, (byte) 0xef, '{', '{', 0, 1};

        assertServerClosesConnectionAfter(garbage.length, garbage);
        assertEndpointStillServesOtherConnections();
    }

    @Test
    void frameLongerThanTheMaximumClosesThatConnection() throws Exception {
        assertServerClosesConnectionAfter(TestingRpc.MAX_FRAME_SIZE_BYTES + 1, new byte[16]);
        assertEndpointStillServesOtherConnections();
    }

    @Test
    void negativeLengthClosesThatConnection() throws Exception {
        assertServerClosesConnectionAfter(-5, new byte[0]);
        assertEndpointStillServesOtherConnections();
    }

    @Test
    void unknownMessageTypeClosesThatConnection() throws Exception {
        byte[] json = "{\"type\":\"java.lang.Runtime\",\"body\":{}}".getBytes(StandardCharsets.UTF_8);

        assertServerClosesConnectionAfter(json.length, json);
        assertEndpointStillServesOtherConnections();
    }

    @Test
    void argumentThatDoesNotFitTheDeclaredTypeClosesThatConnection() throws Exception {
        byte[] json = ("{\"type\":\"invoke\",\"body\":{\"requestId\":1,\"targetEndpointId\":\"echo\","
                        + "\"fencingToken\":null,\"methodName\":\"escalate\",\"arguments\":[\"MEDIUM\"],"
                        + "\"expectsResponse\":true}}")
                .getBytes(StandardCharsets.UTF_8);

        assertServerClosesConnectionAfter(json.length, json);
        assertEndpointStillServesOtherConnections();
    }

    @Test
    void polymorphicTypeHintInAnArgumentIsNotHonoured() throws Exception {
        byte[] json = ("{\"type\":\"invoke\",\"body\":{\"requestId\":1,\"targetEndpointId\":\"echo\","
                        + "\"fencingToken\":null,\"methodName\":\"record\","
                        + "\"arguments\":[[\"java.net.URL\",\"http://example.invalid\"]],"
                        + "\"expectsResponse\":false}}")
                .getBytes(StandardCharsets.UTF_8);

        assertServerClosesConnectionAfter(json.length, json);
        assertEndpointStillServesOtherConnections();
    }

    private void assertServerClosesConnectionAfter(int lengthPrefix, byte[] payload) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", serverService.getPort())) {
            socket.setSoTimeout((int) TestingRpc.DEADLINE.toMillis());
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            out.writeInt(lengthPrefix);
            out.write(payload);
            out.flush();
            assertEquals(-1, readUntilEndOfStream(socket.getInputStream()), "server should close the socket");
        }
    }

    /** Returns -1 once the server closed the socket; fails after the socket's read timeout. */
    private static int readUntilEndOfStream(InputStream in) throws IOException {
        try {
            int read;
            do {
                read = in.read();
            } while (read >= 0);
            return read;
        } catch (SocketTimeoutException e) {
            throw new AssertionError("Server did not close the connection within " + TestingRpc.DEADLINE, e);
        } catch (IOException e) {
            return -1; // connection reset: closed as well
        }
    }

    private void assertEndpointStillServesOtherConnections() throws Exception {
        assertEquals(List.of("before"), await(establishedGateway.recordedEvents()));
        NettyRpcService otherClient = startService(Duration.ofSeconds(10));
        try {
            EchoGateway fresh = await(otherClient.connect(endpoint.getAddress(), EchoGateway.class));
            assertEquals("echo-main", await(fresh.mainThreadName()));
        } finally {
            closeQuietly(otherClient);
        }
    }
}
