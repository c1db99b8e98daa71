package io.floe.runtime.rpc.netty;

import static io.floe.runtime.rpc.TestingRpc.await;
import static io.floe.runtime.rpc.TestingRpc.awaitFailure;
import static io.floe.runtime.rpc.TestingRpc.closeQuietly;
import static io.floe.runtime.rpc.TestingRpc.startService;
import static io.floe.runtime.rpc.TestingRpc.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.runtime.rpc.EchoEndpoint;
import io.floe.runtime.rpc.EchoGateway;
import io.floe.runtime.rpc.RecipientUnreachableException;
import io.floe.runtime.rpc.RpcConnectionException;
import io.floe.runtime.rpc.RpcGateway;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Unknown endpoints, wrong gateways, unreachable services and lost connections. */
class RpcConnectionFailureTest {

    /** A gateway {@link EchoEndpoint} does not implement. */
    interface UnrelatedGateway extends RpcGateway {
        CompletableFuture<String> unrelated();
    }

    private NettyRpcService clientService;
    private NettyRpcService serverService;

    @BeforeEach
    void startServices() {
        clientService = startService(Duration.ofSeconds(30));
        serverService = startService(Duration.ofSeconds(30));
    }

    @AfterEach
    void closeServices() throws Exception {
        closeQuietly(clientService, serverService);
    }

    @Test
    void connectToUnknownEndpointIdFailsWithRecipientUnreachable() {
        String address = "127.0.0.1:" + serverService.getPort() + "/nobody";

        RecipientUnreachableException failure =
                awaitFailure(RecipientUnreachableException.class, clientService.connect(address, EchoGateway.class));

        assertTrue(failure.getMessage().contains("nobody"), failure.getMessage());
    }

    @Test
    void connectWithAGatewayTheEndpointDoesNotImplementFails() {
        EchoEndpoint endpoint = new EchoEndpoint(serverService, "echo");
        endpoint.start();

        RpcConnectionException failure = awaitFailure(
                RpcConnectionException.class, clientService.connect(endpoint.getAddress(), UnrelatedGateway.class));

        assertTrue(failure.getMessage().contains(UnrelatedGateway.class.getName()), failure.getMessage());
    }

    @Test
    void connectToAPortWithoutServiceFailsWithRpcConnectionException() throws Exception {
        int freePort;
        try (ServerSocket socket = new ServerSocket(0)) {
            freePort = socket.getLocalPort();
        }

        awaitFailure(
                RpcConnectionException.class,
                clientService.connect("127.0.0.1:" + freePort + "/echo", EchoGateway.class));
    }

    @Test
    void malformedAddressFailsWithIllegalArgument() {
        awaitFailure(IllegalArgumentException.class, clientService.connect("no-port/echo", EchoGateway.class));
    }

    @Test
    void lostConnectionFailsPendingAsksAtOnceAndARestartedServiceIsReachable() throws Exception {
        EchoEndpoint endpoint = new EchoEndpoint(serverService, "echo");
        endpoint.start();
        EchoGateway gateway = await(clientService.connect(endpoint.getAddress(), EchoGateway.class));
        CompletableFuture<String> pending = gateway.neverAnswers();
        waitUntil("the ask reached the endpoint", () -> endpoint.unansweredCalls.get() == 1);
        long start = System.nanoTime();

        serverService.closeAsync();

        RpcConnectionException failure = awaitFailure(RpcConnectionException.class, pending);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(elapsed.compareTo(Duration.ofSeconds(5)) < 0, "failed only after " + elapsed);
        assertTrue(failure.getMessage().contains("neverAnswers"), failure.getMessage());

        closeQuietly(serverService);
        serverService = startService(Duration.ofSeconds(30)); // a new ephemeral port
        EchoEndpoint restarted = new EchoEndpoint(serverService, "echo");
        restarted.start();
        EchoGateway reconnected = await(clientService.connect(restarted.getAddress(), EchoGateway.class));
        assertEquals("echo-main", await(reconnected.mainThreadName()));
    }

    @Test
    void callsAfterTheServiceWasClosedFailWithRpcConnectionException() throws Exception {
        EchoEndpoint endpoint = new EchoEndpoint(serverService, "echo");
        endpoint.start();
        EchoGateway gateway = await(clientService.connect(endpoint.getAddress(), EchoGateway.class));

        closeQuietly(serverService);

        awaitFailure(RpcConnectionException.class, gateway.mainThreadName());
    }
}
