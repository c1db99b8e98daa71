package io.floe.runtime.rpc;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The endpoints one service hosts, by endpoint id. Endpoints register in {@code start()} and
 * unregister when terminated; Netty threads look them up for every request. Thread-safe.
 */
final class RpcEndpointRegistry {

    private final Map<String, RpcEndpoint> endpoints = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /** Adds the endpoint; fails with IllegalStateException if the id is taken or the service closed. */
    void register(RpcEndpoint endpoint) {
        if (closed) {
            throw new IllegalStateException(
                    "Cannot start endpoint " + endpoint.getEndpointId() + ": its RPC service is closed");
        }
        RpcEndpoint previous = endpoints.putIfAbsent(endpoint.getEndpointId(), endpoint);
        if (previous != null) {
            throw new IllegalStateException("Endpoint id " + endpoint.getEndpointId()
                    + " is already used by a running endpoint of this RPC service");
        }
    }

    void unregister(RpcEndpoint endpoint) {
        endpoints.remove(endpoint.getEndpointId(), endpoint);
    }

    /** Returns the endpoint with that id, or {@code null}. */
    RpcEndpoint lookup(String endpointId) {
        return endpoints.get(endpointId);
    }

    /** Refuses further registrations and returns the endpoints registered now. */
    List<RpcEndpoint> close() {
        closed = true;
        return List.copyOf(endpoints.values());
    }
}
