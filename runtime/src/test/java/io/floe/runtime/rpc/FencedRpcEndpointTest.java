package io.floe.runtime.rpc;

import static io.floe.runtime.rpc.TestingRpc.await;
import static io.floe.runtime.rpc.TestingRpc.awaitFailure;
import static io.floe.runtime.rpc.TestingRpc.closeQuietly;
import static io.floe.runtime.rpc.TestingRpc.startService;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Fenced calls run only with the endpoint's current fencing token. */
class FencedRpcEndpointTest {

    interface LeaderGateway extends FencedRpcGateway<UUID> {
        CompletableFuture<Integer> increment();

        void incrementLater();
    }

    interface StatusGateway extends RpcGateway {
        CompletableFuture<String> status();
    }

    static final class LeaderEndpoint extends FencedRpcEndpoint<UUID> implements LeaderGateway, StatusGateway {
        final AtomicInteger invocations = new AtomicInteger();

        LeaderEndpoint(RpcService rpcService, UUID token) {
            super(rpcService, "leader", token);
        }

        @Override
        public CompletableFuture<Integer> increment() {
            return CompletableFuture.completedFuture(invocations.incrementAndGet());
        }

        @Override
        public void incrementLater() {
            invocations.incrementAndGet();
        }

        @Override
        public CompletableFuture<String> status() {
            return CompletableFuture.completedFuture("token " + getFencingToken());
        }

        CompletableFuture<Void> changeToken(UUID newToken) {
            return callAsync(
                    () -> {
                        setFencingToken(newToken);
                        return null;
                    },
                    Duration.ofSeconds(5));
        }
    }

    private final UUID firstToken = UUID.randomUUID();
    private final UUID secondToken = UUID.randomUUID();
    private RpcService serverService;
    private RpcService clientService;
    private LeaderEndpoint endpoint;

    @BeforeEach
    void startLeader() {
        RpcService[] services = startServices();
        serverService = services[0];
        clientService = services[1];
        endpoint = new LeaderEndpoint(serverService, firstToken);
        endpoint.start();
    }

    /** The service hosting the leader and the one its callers use: two Netty services, so calls cross TCP. */
    protected RpcService[] startServices() {
        return new RpcService[] {startService(Duration.ofSeconds(10)), startService(Duration.ofSeconds(10))};
    }

    @AfterEach
    void closeServices() throws Exception {
        closeQuietly(clientService, serverService);
    }

    @Test
    void staleFencingTokenIsRefusedWithoutInvokingTheMethod() throws Exception {
        LeaderGateway oldLeader = await(clientService.connect(endpoint.getAddress(), firstToken, LeaderGateway.class));
        assertEquals(1, await(oldLeader.increment()));

        await(endpoint.changeToken(secondToken));

        awaitFailure(FencingTokenException.class, oldLeader.increment());
        assertEquals(1, endpoint.invocations.get());
        LeaderGateway newLeader = await(clientService.connect(endpoint.getAddress(), secondToken, LeaderGateway.class));
        assertEquals(2, await(newLeader.increment()));
        assertEquals(secondToken, newLeader.getFencingToken());
    }

    @Test
    void staleTellIsDroppedWhileACurrentOneRuns() throws Exception {
        await(endpoint.changeToken(secondToken));
        LeaderGateway oldLeader = await(clientService.connect(endpoint.getAddress(), firstToken, LeaderGateway.class));
        LeaderGateway newLeader = await(clientService.connect(endpoint.getAddress(), secondToken, LeaderGateway.class));

        oldLeader.incrementLater();
        newLeader.incrementLater();

        // tells and asks on one connection are handled in order, so the ask sees both tells done
        assertEquals(2, await(newLeader.increment()));
    }

    @Test
    void gatewayWithoutTokenIsRefused() throws Exception {
        LeaderGateway anonymous = await(clientService.connect(endpoint.getAddress(), LeaderGateway.class));

        awaitFailure(FencingTokenException.class, anonymous.increment());
        assertEquals(0, endpoint.invocations.get());
    }

    @Test
    void endpointWithoutTokenRefusesAllFencedCalls() throws Exception {
        LeaderGateway leader = await(clientService.connect(endpoint.getAddress(), firstToken, LeaderGateway.class));

        await(endpoint.changeToken(null));

        awaitFailure(FencingTokenException.class, leader.increment());
        assertEquals(0, endpoint.invocations.get());
    }

    @Test
    void methodsOfAPlainGatewayAreNotFenced() throws Exception {
        await(endpoint.changeToken(secondToken));
        StatusGateway status = await(clientService.connect(endpoint.getAddress(), StatusGateway.class));

        assertEquals("token " + secondToken, await(status.status()));
    }

    @Test
    void fencingTokenChangesOnlyOnTheMainThread() {
        assertThrows(IllegalStateException.class, () -> endpoint.setFencingToken(secondToken));
    }
}
