package io.floe.runtime.rpc;

/**
 * Base type of every gateway interface: the set of methods one component offers to the others.
 *
 * <p>A gateway method either returns {@code void} (a <em>tell</em>: fire-and-forget, failures are
 * only logged) or {@code CompletableFuture<T>} (an <em>ask</em>: request/response bounded by a
 * timeout). Method names must be unique within a gateway, because calls are dispatched by name.
 * Argument and result types must be concrete, Jackson-friendly value types (records, enums,
 * primitives and their boxes, {@code String}, {@code byte[]}, {@code UUID}, {@code Duration},
 * and {@code List}/{@code Set}/{@code Map}/{@code Optional} of those).
 *
 * <p>Gateways are obtained from {@link RpcService#connect(String, Class)}; the accessors declared
 * here are answered locally by the proxy, without a network round trip.
 */
public interface RpcGateway {

    /**
     * Returns the address of the endpoint behind this gateway, {@code host:port/endpointId}; pass
     * it to {@link RpcService#connect(String, Class)} to reach the endpoint. Callable from any
     * thread.
     */
    String getAddress();

    /** Returns the host name of the RPC service hosting the endpoint. Callable from any thread. */
    String getHostname();
}
