package io.floe.runtime.rpc.netty;

import io.floe.runtime.rpc.RpcConnectionException;
import io.floe.runtime.security.ClusterSecret;
import io.floe.runtime.security.SecretChallengeClientHandler;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens and caches one {@link RpcClientConnection} per remote {@code host:port}. A closed
 * connection is replaced by a new one on the next call; retrying a failed call is up to the caller
 * (the registration loop in Floe), not the transport. Thread-safe.
 */
final class RpcConnectionPool {

    private static final Logger LOG = LoggerFactory.getLogger(RpcConnectionPool.class);

    private final Bootstrap bootstrap;
    private final RpcMessageCodec codec;
    private final ChannelGroup channels;
    private final int maxFrameSizeBytes;
    private final Map<String, RpcClientConnection> connections = new ConcurrentHashMap<>();
    private volatile boolean closed;
    private final ClusterSecret secret;

    RpcConnectionPool(
            EventLoopGroup eventLoopGroup,
            ChannelGroup channels,
            RpcMessageCodec codec,
            int maxFrameSizeBytes,
            Duration connectTimeout,
            ClusterSecret secret) {
        this.secret = secret;
        this.codec = codec;
        this.channels = channels;
        this.maxFrameSizeBytes = maxFrameSizeBytes;
        this.bootstrap = new Bootstrap()
                .group(eventLoopGroup)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int)
                        Math.min(Integer.MAX_VALUE, connectTimeout.toMillis()));
    }

    /**
     * Returns the connection to {@code host:port}, starting to connect if there is none; calls
     * made while it connects are queued. Fails with {@link RpcConnectionException} if this pool
     * is closed.
     */
    RpcClientConnection connection(String host, int port) {
        if (closed) {
            throw new RpcConnectionException("The RPC service is closed");
        }
        String key = host + ":" + port;
        RpcClientConnection fresh = new RpcClientConnection(key, codec);
        RpcClientConnection chosen = connections.compute(
                key, (ignored, existing) -> existing != null && !existing.isClosed() ? existing : fresh);
        if (chosen == fresh) {
            connect(host, port, fresh); // outside compute(): its listeners touch the map
        }
        return chosen;
    }

    private void connect(String host, int port, RpcClientConnection connection) {
        String key = connection.remoteAddress();
        LOG.debug("Connecting to RPC service at {}", key);
        ChannelFuture connecting = bootstrap
                .clone()
                .handler(new RpcChannelInitializer(
                        maxFrameSizeBytes,
                        codec,
                        channels,
                        channel -> new RpcClientHandler(connection),
                        secret == null ? null : () -> new SecretChallengeClientHandler(secret)))
                .connect(host, port);
        connecting.addListener(done -> {
            if (!done.isSuccess()) {
                LOG.debug(
                        "Could not connect to RPC service at {}: {}",
                        key,
                        done.cause().toString());
                connections.remove(key, connection);
                connection.onClosed(done.cause());
                return;
            }
            Channel channel = connecting.channel();
            channel.closeFuture().addListener(close -> connections.remove(key, connection));
            if (closed) {
                channel.close(); // the service closed while connecting; the channel group missed it
                return;
            }
            SecretChallengeClientHandler challenge =
                    (SecretChallengeClientHandler) channel.pipeline().get(RpcChannelInitializer.AUTHENTICATOR);
            if (challenge == null) {
                LOG.debug("Connected to RPC service at {}", key);
                connection.onConnected(channel);
                return;
            }
            // frames may flow only once the server has accepted this process's cluster secret
            challenge.authenticated().whenComplete((ok, failure) -> channel.eventLoop()
                    .execute(() -> {
                        if (failure == null) {
                            LOG.debug("Connected to RPC service at {} (authenticated)", key);
                            connection.onConnected(channel);
                        } else {
                            connections.remove(key, connection);
                            connection.onClosed(failure);
                            channel.close();
                        }
                    }));
        });
    }

    /** Refuses new connections; open ones are closed through the service's channel group. */
    void close() {
        closed = true;
    }
}
