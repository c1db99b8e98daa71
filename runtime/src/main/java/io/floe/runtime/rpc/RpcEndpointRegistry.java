package io.floe.runtime.rpc;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The endpoints one service hosts, by endpoint id. Endpoints register in {@code start()} and
 * unregister when terminated; services look them up for every call. Thread-safe.
 */
public final class RpcEndpointRegistry {

    private final Map<String, RpcEndpoint> endpoints = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /** Adds the endpoint; fails with IllegalStateException if the id is taken or the service closed. */
    public void register(RpcEndpoint endpoint) {
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

    public void unregister(RpcEndpoint endpoint) {
        endpoints.remove(endpoint.getEndpointId(), endpoint);
    }

    /** Returns the endpoint with that id, or {@code null}. */
    public RpcEndpoint lookup(String endpointId) {
        return endpoints.get(endpointId);
    }

    /** Returns the endpoint with that id if it accepts calls now (started, not closing), or {@code null}. */
    public RpcEndpoint lookupReachable(String endpointId) {
        RpcEndpoint endpoint = endpoints.get(endpointId);
        return endpoint != null && endpoint.isReachable() ? endpoint : null;
    }

    /** Refuses further registrations and returns the endpoints registered now. */
    public List<RpcEndpoint> close() {
        closed = true;
        return List.copyOf(endpoints.values());
    }
}
