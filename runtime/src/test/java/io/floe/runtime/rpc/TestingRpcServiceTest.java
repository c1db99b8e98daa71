package io.floe.runtime.rpc;

import static io.floe.runtime.rpc.TestingRpc.await;
import static io.floe.runtime.rpc.TestingRpc.awaitFailure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.floe.runtime.rpc.EchoGateway.Priority;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The in-memory service runs calls like the Netty one: on the endpoint's main thread, in order, with timeouts. */
class TestingRpcServiceTest {

    private final TestingRpcService service = new TestingRpcService(new ManualClock(0), Duration.ofMillis(200));

    @AfterEach
    void close() throws Exception {
        await(service.closeAsync());
    }

    @Test
    void callsRunOnTheEndpointsMainThreadInOrder() throws Exception {
        EchoEndpoint endpoint = new EchoEndpoint(service, "echo");
        endpoint.start();
        EchoGateway gateway = await(service.connect(endpoint.getAddress(), EchoGateway.class));

        gateway.record("first");
        gateway.record("second");

        assertEquals(List.of("first", "second"), await(gateway.recordedEvents()));
        assertEquals("echo-main", await(gateway.mainThreadName()));
        assertEquals(Priority.HIGH, await(gateway.escalate(Priority.LOW)));
    }

    @Test
    void anUnansweredAskTimesOutAndAFailureReachesTheCaller() throws Exception {
        EchoEndpoint endpoint = new EchoEndpoint(service, "echo");
        endpoint.start();
        EchoGateway gateway = await(service.connect(endpoint.getAddress(), EchoGateway.class));

        awaitFailure(RpcTimeoutException.class, gateway.neverAnswers());
        assertEquals(
                "boom",
                awaitFailure(UnsupportedOperationException.class, gateway.failingFuture("boom"))
                        .getMessage());
    }

    @Test
    void aClosedEndpointIsUnreachable() throws Exception {
        EchoEndpoint endpoint = new EchoEndpoint(service, "echo");
        endpoint.start();
        EchoGateway gateway = await(service.connect(endpoint.getAddress(), EchoGateway.class));

        await(endpoint.closeAsync());

        awaitFailure(RecipientUnreachableException.class, gateway.recordedEvents());
        awaitFailure(RecipientUnreachableException.class, service.connect(endpoint.getAddress(), EchoGateway.class));
    }

    @Test
    void aRegisteredFakeIsReturnedAsItIs() throws Exception {
        EchoGateway fake = new EchoEndpoint(service, "not-started");
        service.registerGateway("elsewhere:1/echo", fake);

        assertSame(fake, await(service.connect("elsewhere:1/echo", EchoGateway.class)));
        awaitFailure(
                RpcConnectionException.class,
                service.connect("elsewhere:1/echo", FencedRpcEndpointTest.StatusGateway.class));
    }
}
