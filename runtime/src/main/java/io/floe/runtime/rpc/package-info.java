/**
 * Floe's RPC layer: components ({@link io.floe.runtime.rpc.RpcEndpoint}s) talk to each other only
 * through gateway interfaces, in the actor style of Flink's RPC.
 *
 * <h2>Model</h2>
 * A gateway method returning {@code void} is a <em>tell</em> (fire-and-forget); one returning
 * {@code CompletableFuture<T>} is an <em>ask</em>, bounded by the service's ask timeout or an
 * {@link io.floe.runtime.rpc.RpcTimeout} argument. {@link io.floe.runtime.rpc.RpcService#connect}
 * returns a JDK proxy of the gateway after a handshake with the target endpoint. Fenced gateways
 * carry a leader token that {@link io.floe.runtime.rpc.FencedRpcEndpoint} checks before invoking.
 *
 * <h2>Threads</h2>
 * <ul>
 *   <li>{@code <endpointId>-main} ({@code MainThreadExecutor}): one per endpoint; runs its
 *       lifecycle callbacks, every incoming call and its {@code runAsync} work.</li>
 *   <li>the RPC service's I/O and timer threads (see {@link io.floe.runtime.rpc.netty}); answers complete ask
 *       futures there, so callbacks on those futures must not block (hop to a main thread instead).</li>
 * </ul>
 *
 * <h2>Packages</h2>
 * This package holds what an endpoint and its callers see: endpoints, gateways, fencing, the service interface, and
 * {@link io.floe.runtime.rpc.EndpointInvocation}, the one place where a call meets an endpoint (main thread, running
 * check, fencing token, invocation). {@link io.floe.runtime.rpc.netty} carries calls over TCP: the service of every
 * process. Unit tests of one endpoint run it on the in-memory {@code TestingRpcService} of the runtime's test jar, with
 * fakes of its peers and a manual clock ({@link io.floe.runtime.rpc.RpcService#clock()}).
 */
package io.floe.runtime.rpc;
