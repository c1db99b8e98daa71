/**
 * Floe's RPC layer: components ({@link io.floe.runtime.rpc.RpcEndpoint}s) talk to each other only
 * through gateway interfaces, over Netty TCP connections, in the actor style of Flink's RPC.
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
 *   <li>{@code floe-rpc-netty-*}: Netty I/O of one service, server and client side. Frames are
 *       decoded and arguments bound to their declared types here; answers complete ask futures
 *       here, so callbacks on those futures must not block (hop to a main thread instead).</li>
 *   <li>{@code floe-rpc-timer-*}: the service's shared scheduler; fires ask timeouts.</li>
 * </ul>
 *
 * <h2>Collaborators</h2>
 * Client side: {@code RpcInvocationHandler} (behind each proxy) &rarr; {@code RpcRequestSender}
 * (encode, time out) &rarr; {@code RpcConnectionPool} (one {@code RpcClientConnection} per remote
 * {@code host:port}, requests multiplexed by id). Server side: {@code RpcServerHandler} (resolve
 * endpoint and method, bind arguments) &rarr; {@code RpcServerCall} (fencing check and invocation on
 * the main thread, answer when the future completes). Both share {@code RpcChannelInitializer}'s
 * pipeline and {@code RpcMessageCodec}.
 *
 * <h2>Wire</h2>
 * Frames are a 4-byte length and a JSON payload {@code {"type", "body"}}, at most
 * {@link io.floe.runtime.rpc.RpcServiceConfig#maxFrameSizeBytes()}. Payloads are bound to concrete
 * classes chosen by the receiver (message records, then the gateway method's declared parameter or
 * result types); there is no Java deserialization and no polymorphic typing. A connection that
 * sends anything else is closed; other connections and the endpoints are unaffected.
 */
package io.floe.runtime.rpc;
