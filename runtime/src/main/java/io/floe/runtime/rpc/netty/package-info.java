/**
 * The RPC service of every Floe process, on Netty: {@link io.floe.runtime.rpc.netty.NettyRpcService}.
 *
 * <h2>Threads</h2>
 * <ul>
 *   <li>{@code floe-rpc-netty-*}: Netty I/O of one service, server and client side. Frames are decoded and arguments
 *       bound to their declared types here; answers complete ask futures here, so callbacks on those futures must not
 *       block (hop to a main thread instead).
 *   <li>{@code floe-rpc-timer-*}: the service's shared scheduler; fires ask timeouts.
 * </ul>
 *
 * <h2>Collaborators</h2>
 * Client side: {@code RpcInvocationHandler} (behind each proxy) &rarr; {@code RpcRequestSender} (encode, time out)
 * &rarr; {@code RpcConnectionPool} (one {@code RpcClientConnection} per remote {@code host:port}, requests multiplexed
 * by id). Server side: {@code RpcServerHandler} (resolve endpoint and method, bind arguments) &rarr; {@code
 * RpcServerCall} (hands the call to {@link io.floe.runtime.rpc.EndpointInvocation}, answers when the future
 * completes). Both share {@code RpcChannelInitializer}'s pipeline and {@code RpcMessageCodec}.
 *
 * <h2>Wire</h2>
 * Frames are a 4-byte length and a JSON payload {@code {"type", "body"}}, at most {@link
 * io.floe.runtime.rpc.netty.RpcServiceConfig#maxFrameSizeBytes()}. Payloads are bound to concrete classes chosen by the
 * receiver (message records, then the gateway method's declared parameter or result types); there is no Java
 * deserialization and no polymorphic typing. A connection that sends anything else is closed; other connections and
 * the endpoints are unaffected.
 */
package io.floe.runtime.rpc.netty;
