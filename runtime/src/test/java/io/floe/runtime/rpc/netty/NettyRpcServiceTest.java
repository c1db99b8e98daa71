package io.floe.runtime.rpc.netty;

import static io.floe.runtime.rpc.TestingRpc.await;
import static io.floe.runtime.rpc.TestingRpc.awaitFailure;
import static io.floe.runtime.rpc.TestingRpc.closeQuietly;
import static io.floe.runtime.rpc.TestingRpc.startService;
import static io.floe.runtime.rpc.TestingRpc.waitUntil;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.runtime.rpc.EchoEndpoint;
import io.floe.runtime.rpc.EchoGateway;
import io.floe.runtime.rpc.EchoGateway.Order;
import io.floe.runtime.rpc.EchoGateway.Priority;
import io.floe.runtime.rpc.RemoteRpcException;
import io.floe.runtime.rpc.RpcException;
import io.floe.runtime.rpc.RpcTimeoutException;
import io.floe.runtime.rpc.TestingRpc;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Asks and tells between two services in one JVM, over loopback TCP. */
class NettyRpcServiceTest {

    private NettyRpcService serverService;
    private NettyRpcService clientService;
    private EchoEndpoint endpoint;
    private EchoGateway gateway;

    @BeforeEach
    void startServicesAndEndpoint() throws Exception {
        serverService = startService(Duration.ofSeconds(10));
        clientService = startService(Duration.ofSeconds(10));
        endpoint = new EchoEndpoint(serverService, "echo");
        endpoint.start();
        gateway = await(clientService.connect(endpoint.getAddress(), EchoGateway.class));
    }

    @AfterEach
    void closeServices() throws Exception {
        closeQuietly(clientService, serverService);
    }

    private static Order order(String id) {
        return new Order(
                id,
                3,
                List.of("a", "b"),
                new byte[] {1, 2, 3},
                Priority.LOW,
                UUID.randomUUID(),
                Duration.ofMillis(1500),
                Optional.of("note"),
                Map.of("x", 1L));
    }

    private static void assertSameOrder(Order expected, Order actual) {
        assertEquals(expected.id(), actual.id());
        assertEquals(expected.quantity(), actual.quantity());
        assertEquals(expected.tags(), actual.tags());
        assertArrayEquals(expected.payload(), actual.payload());
        assertEquals(expected.priority(), actual.priority());
        assertEquals(expected.reference(), actual.reference());
        assertEquals(expected.ttl(), actual.ttl());
        assertEquals(expected.note(), actual.note());
        assertEquals(expected.counters(), actual.counters());
    }

    @Test
    void askRoundTripsRecordsListsBytesAndEnums() throws Exception {
        Order sent = order("o-1");

        assertSameOrder(sent, await(gateway.echo(sent)));
        List<Order> repeated = await(gateway.repeat(sent, 2));
        assertEquals(2, repeated.size());
        repeated.forEach(received -> assertSameOrder(sent, received));
        assertArrayEquals(new byte[] {3, 2, 1}, await(gateway.reverse(new byte[] {1, 2, 3})));
        assertEquals(Priority.HIGH, await(gateway.escalate(Priority.LOW)));
        assertEquals(Optional.of(Duration.ofSeconds(4)), await(gateway.doubled(Optional.of(Duration.ofSeconds(2)))));
        assertEquals(Optional.empty(), await(gateway.doubled(Optional.empty())));
    }

    @Test
    void recordWithNullFieldsRoundTrips() throws Exception {
        Order sparse = new Order(null, 0, List.of(), new byte[0], null, null, null, Optional.empty(), Map.of());

        assertSameOrder(sparse, await(gateway.echo(sparse)));
    }

    @Test
    void tellArrivesOnTheMainThread() {
        gateway.record("first");
        gateway.record("second");

        waitUntil("both tells arrived", () -> gateway.recordedEvents().join().equals(List.of("first", "second")));
    }

    @Test
    void callsRunOnTheEndpointsMainThread() throws Exception {
        assertEquals("echo-main", await(gateway.mainThreadName()));
    }

    @Test
    void manyConcurrentAsksShareOneConnection() throws Exception {
        List<CompletableFuture<byte[]>> answers = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            answers.add(gateway.reverse(new byte[] {(byte) i, 0}));
        }
        for (int i = 0; i < answers.size(); i++) {
            assertArrayEquals(new byte[] {0, (byte) i}, await(answers.get(i)));
        }
    }

    @Test
    void askTimesOutWithTheDefaultTimeout() throws Exception {
        NettyRpcService impatientService = startService(Duration.ofMillis(200));
        try {
            EchoGateway impatient = await(impatientService.connect(endpoint.getAddress(), EchoGateway.class));

            RpcTimeoutException timeout = awaitFailure(RpcTimeoutException.class, impatient.neverAnswers());

            assertTrue(timeout.getMessage().contains("EchoGateway.neverAnswers"), timeout.getMessage());
            assertTrue(timeout.getMessage().contains(endpoint.getAddress()), timeout.getMessage());
        } finally {
            closeQuietly(impatientService);
        }
    }

    @Test
    void rpcTimeoutParameterOverridesTheDefaultTimeout() {
        long start = System.nanoTime();

        RpcTimeoutException timeout =
                awaitFailure(RpcTimeoutException.class, gateway.neverAnswersWithin(Duration.ofMillis(100)));

        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(elapsed.compareTo(Duration.ofSeconds(5)) < 0, "timed out after " + elapsed);
        assertTrue(timeout.getMessage().contains("neverAnswersWithin"), timeout.getMessage());
    }

    @Test
    void exceptionThrownByTheRemoteMethodArrivesAsRemoteRpcException() {
        RemoteRpcException failure = awaitFailure(RemoteRpcException.class, gateway.throwing("boom"));

        assertEquals(IllegalStateException.class.getName(), failure.getRemoteClassName());
        assertEquals("boom", failure.getMessage());
        assertEquals("java.lang.IllegalStateException: boom", failure.toString());
        assertTrue(failure.getRemoteStackTrace().contains("EchoEndpoint.throwing"), failure.getRemoteStackTrace());
    }

    @Test
    void failedFutureOfTheRemoteMethodArrivesAsRemoteRpcException() {
        RemoteRpcException failure = awaitFailure(RemoteRpcException.class, gateway.failingFuture("nope"));

        assertEquals(UnsupportedOperationException.class.getName(), failure.getRemoteClassName());
        assertEquals("nope", failure.getMessage());
    }

    @Test
    void proxyAnswersAccessorsAndObjectMethodsLocally() throws Exception {
        EchoGateway second = await(clientService.connect(endpoint.getAddress(), EchoGateway.class));

        assertEquals(endpoint.getAddress(), gateway.getAddress());
        assertEquals("127.0.0.1", gateway.getHostname());
        assertEquals("echo at " + endpoint.getAddress(), gateway.describe());
        assertEquals(gateway, second);
        assertEquals(gateway.hashCode(), second.hashCode());
        assertNotEquals(gateway, endpoint);
        assertTrue(gateway.toString().contains(endpoint.getAddress()), gateway.toString());
    }

    @Test
    void bindingAnOccupiedPortFailsWithRpcException() {
        RpcServiceConfig samePort = new RpcServiceConfig(
                "127.0.0.1", null, serverService.getPort(), Duration.ofSeconds(1), TestingRpc.MAX_FRAME_SIZE_BYTES);

        RpcException failure = org.junit.jupiter.api.Assertions.assertThrows(
                RpcException.class, () -> NettyRpcService.start(samePort));
        assertTrue(failure.getMessage().contains(String.valueOf(serverService.getPort())), failure.getMessage());
    }

    @Test
    void endpointCanCallAnotherEndpointOfTheSameService() throws Exception {
        EchoGateway sameService = await(serverService.connect(endpoint.getAddress(), EchoGateway.class));

        assertEquals("echo-main", await(sameService.mainThreadName()));
    }
}
