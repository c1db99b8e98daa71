/**
 * The data plane's TCP side, on Netty: the server every {@link io.floe.runtime.network.NetworkEnvironment} runs
 * ({@link io.floe.runtime.network.netty.NetworkServer}: partition requests in, buffers out per credit through {@link
 * io.floe.runtime.network.netty.PartitionRequestQueue}) and the one client connection it keeps per producer ({@link
 * io.floe.runtime.network.netty.PartitionRequestClientFactory}), which hands buffers to the consumer's {@code
 * RemoteInputChannel}. The frames are {@link io.floe.runtime.network.netty.NetworkMessage}s; the protocol is told in
 * {@link io.floe.runtime.network}.
 */
package io.floe.runtime.network.netty;
