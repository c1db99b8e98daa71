package io.floe.runtime.rpc;

import java.io.Serializable;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Hosts {@link RpcEndpoint}s of one process and connects to endpoints anywhere, returning gateway
 * proxies. All methods are thread-safe.
 */
public interface RpcService {

    /** Returns the host name other processes use to reach this service. */
    String getAddress();

    /** Returns the port the service is bound to (the ephemeral port when configured with 0). */
    int getPort();

    /**
     * Connects to the endpoint at {@code address} ({@code host:port/endpointId}) and returns a
     * gateway proxy for it. A handshake verifies that the endpoint runs there and implements
     * {@code gatewayClass}.
     *
     * <p>Fails with {@link RecipientUnreachableException} when no running endpoint has that id,
     * with {@link RpcConnectionException} when the service cannot be reached or the endpoint does
     * not implement the gateway, with {@link RpcTimeoutException} when the handshake is not
     * answered within the default ask timeout, and with {@link IllegalArgumentException} when
     * {@code address} or {@code gatewayClass} is not valid.
     */
    <C extends RpcGateway> CompletableFuture<C> connect(String address, Class<C> gatewayClass);

    /**
     * Like {@link #connect(String, Class)}, for a fenced gateway: every call through the returned
     * proxy carries {@code fencingToken}.
     */
    <F extends Serializable, C extends FencedRpcGateway<F>> CompletableFuture<C> connect(
            String address, F fencingToken, Class<C> gatewayClass);

    /**
     * The clock the hosted endpoints read the time from (heartbeat silence, timestamps of job states); the system
     * clock in production, a manual one in tests.
     */
    Clock clock();

    /** The endpoints this service hosts; an {@link RpcEndpoint} registers itself here when it starts. */
    RpcEndpointRegistry endpoints();

    /**
     * Returns the shared timer pool for scheduling that does not need an endpoint's main thread.
     * Tasks must be short and must not block.
     */
    ScheduledExecutorService getScheduledExecutor();

    /**
     * Closes all hosted endpoints, then all connections (failing pending asks with
     * {@link RpcConnectionException}) and the service's threads. Idempotent; the returned future
     * completes when everything has stopped.
     */
    CompletableFuture<Void> closeAsync();
}
