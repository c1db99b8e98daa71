package io.floe.runtime.rpc;

import static io.floe.runtime.rpc.TestingRpc.await;
import static io.floe.runtime.rpc.TestingRpc.awaitFailure;
import static io.floe.runtime.rpc.TestingRpc.closeQuietly;
import static io.floe.runtime.rpc.TestingRpc.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.runtime.rpc.netty.NettyRpcService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Lifecycle and main-thread helpers of {@link RpcEndpoint}. */
class RpcEndpointTest {

    /** Records on which thread each lifecycle step ran; onStop finishes only when released. */
    static final class LifecycleEndpoint extends EchoEndpoint {
        final List<String> steps = new CopyOnWriteArrayList<>();
        final CompletableFuture<Void> stopRelease = new CompletableFuture<>();
        private final boolean failOnStart;

        LifecycleEndpoint(RpcService rpcService, String endpointId, boolean failOnStart) {
            super(rpcService, endpointId);
            this.failOnStart = failOnStart;
        }

        @Override
        protected void onStart() {
            steps.add("start@" + Thread.currentThread().getName());
            if (failOnStart) {
                throw new IllegalStateException("cannot start");
            }
        }

        @Override
        protected CompletableFuture<Void> onStop() {
            steps.add("stop@" + Thread.currentThread().getName());
            return stopRelease.thenRunAsync(
                    () -> steps.add("stopped@" + Thread.currentThread().getName()), getMainThreadExecutor());
        }

        CompletableFuture<String> threadOfCallAsync() {
            return callAsync(() -> Thread.currentThread().getName(), Duration.ofSeconds(5));
        }
    }

    interface OverloadedGateway extends RpcGateway {
        CompletableFuture<String> greet(String name);

        CompletableFuture<String> greet(int times);
    }

    static final class OverloadedEndpoint extends RpcEndpoint implements OverloadedGateway {
        OverloadedEndpoint(RpcService rpcService) {
            super(rpcService, "overloaded");
        }

        @Override
        public CompletableFuture<String> greet(String name) {
            return CompletableFuture.completedFuture(name);
        }

        @Override
        public CompletableFuture<String> greet(int times) {
            return CompletableFuture.completedFuture("x".repeat(times));
        }
    }

    private NettyRpcService service;

    @BeforeEach
    void startService() {
        service = TestingRpc.startService(Duration.ofSeconds(10));
    }

    @AfterEach
    void closeService() throws Exception {
        closeQuietly(service);
    }

    @Test
    void closeAsyncRunsOnStopOnTheMainThreadAndCompletesTermination() throws Exception {
        LifecycleEndpoint endpoint = new LifecycleEndpoint(service, "lifecycle", false);
        endpoint.start();
        EchoGateway gateway = await(service.connect(endpoint.getAddress(), EchoGateway.class));

        CompletableFuture<Void> termination = endpoint.closeAsync();

        waitUntil("onStop ran", () -> endpoint.steps.contains("stop@lifecycle-main"));
        assertFalse(termination.isDone(), "termination must wait for the future of onStop");
        awaitFailure(RecipientUnreachableException.class, gateway.mainThreadName());
        endpoint.stopRelease.complete(null);
        await(termination);
        assertSame(termination, endpoint.closeAsync());
        assertSame(termination, endpoint.getTerminationFuture());
        assertEquals(List.of("start@lifecycle-main", "stop@lifecycle-main", "stopped@lifecycle-main"), endpoint.steps);
        awaitFailure(RecipientUnreachableException.class, service.connect(endpoint.getAddress(), EchoGateway.class));
    }

    @Test
    void failingOnStartClosesTheEndpoint() throws Exception {
        LifecycleEndpoint endpoint = new LifecycleEndpoint(service, "doomed", true);
        endpoint.stopRelease.complete(null);

        endpoint.start();

        await(endpoint.getTerminationFuture());
        assertTrue(endpoint.steps.contains("stop@doomed-main"), endpoint.steps.toString());
    }

    @Test
    void endpointIdIsFreeAgainAfterTermination() throws Exception {
        LifecycleEndpoint first = new LifecycleEndpoint(service, "reused", false);
        first.start();
        assertThrows(IllegalStateException.class, () -> new EchoEndpoint(service, "reused").start());
        first.stopRelease.complete(null);
        await(first.closeAsync());

        EchoEndpoint second = new EchoEndpoint(service, "reused");
        second.start();
        EchoGateway gateway = await(service.connect(second.getAddress(), EchoGateway.class));
        assertEquals("reused-main", await(gateway.mainThreadName()));
    }

    @Test
    void asyncHelpersRunOnTheMainThread() throws Exception {
        LifecycleEndpoint endpoint = new LifecycleEndpoint(service, "helper", false);
        endpoint.stopRelease.complete(null);
        endpoint.start();

        assertEquals("helper-main", await(endpoint.threadOfCallAsync()));
        CompletableFuture<String> scheduled = new CompletableFuture<>();
        endpoint.scheduleRunAsync(
                () -> scheduled.complete(Thread.currentThread().getName()), 10, TimeUnit.MILLISECONDS);
        assertEquals("helper-main", await(scheduled));
        CompletableFuture<String> ran = new CompletableFuture<>();
        endpoint.runAsync(() -> ran.complete(Thread.currentThread().getName()));
        assertEquals("helper-main", await(ran));
        assertThrows(IllegalStateException.class, endpoint::validateRunsInMainThread);
    }

    @Test
    void callAsyncOnATerminatedEndpointFails() throws Exception {
        LifecycleEndpoint endpoint = new LifecycleEndpoint(service, "gone", false);
        endpoint.start();
        endpoint.stopRelease.complete(null);
        await(endpoint.closeAsync());

        awaitFailure(RecipientUnreachableException.class, endpoint.threadOfCallAsync());
    }

    @Test
    void overloadedGatewayMethodNamesAreRejectedAtStart() {
        OverloadedEndpoint endpoint = new OverloadedEndpoint(service);

        IllegalStateException failure = assertThrows(IllegalStateException.class, endpoint::start);
        assertTrue(failure.getMessage().contains("greet"), failure.getMessage());
        awaitFailure(
                IllegalArgumentException.class,
                service.connect("127.0.0.1:" + service.getPort() + "/overloaded", OverloadedGateway.class));
    }

    @Test
    void closingTheServiceClosesItsEndpoints() throws Exception {
        List<LifecycleEndpoint> endpoints = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            LifecycleEndpoint endpoint = new LifecycleEndpoint(service, "member-" + i, false);
            endpoint.stopRelease.complete(null);
            endpoint.start();
            endpoints.add(endpoint);
        }

        await(service.closeAsync());

        for (LifecycleEndpoint endpoint : endpoints) {
            assertTrue(endpoint.getTerminationFuture().isDone(), endpoint.getEndpointId());
        }
    }
}
