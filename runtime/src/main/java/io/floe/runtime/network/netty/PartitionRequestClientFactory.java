package io.floe.runtime.network.netty;

import io.floe.runtime.network.NetworkMetrics;
import io.floe.runtime.security.ClusterSecret;
import io.floe.runtime.security.SecretChallengeClientHandler;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPromise;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one {@link PartitionRequestClient} (one TCP connection) per remote data server, created on
 * first use and forgotten when it closes, so a later request reconnects. Thread-safe; connecting
 * does not block the caller.
 */
public final class PartitionRequestClientFactory {

    private static final Logger LOG = LoggerFactory.getLogger(PartitionRequestClientFactory.class);
    private static final int CONNECT_TIMEOUT_MILLIS = 30_000;

    private final Bootstrap bootstrap;
    private final NetworkMetrics metrics;
    private final ConcurrentHashMap<InetSocketAddress, PartitionRequestClient> clients = new ConcurrentHashMap<>();

    private final ClusterSecret secret;

    public PartitionRequestClientFactory(
            EventLoopGroup workers, ByteBufAllocator allocator, NetworkMetrics metrics, ClusterSecret secret) {
        this.metrics = metrics;
        this.secret = secret;
        this.bootstrap = new Bootstrap()
                .group(workers)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.SO_KEEPALIVE, true)
                .option(ChannelOption.ALLOCATOR, allocator)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, CONNECT_TIMEOUT_MILLIS);
    }

    public PartitionRequestClient getOrConnect(String host, int port) {
        InetSocketAddress address = new InetSocketAddress(host, port);
        PartitionRequestClient client = clients.get(address);
        if (client != null) {
            return client;
        }
        synchronized (this) {
            client = clients.get(address);
            if (client == null) {
                client = connect(address);
                clients.put(address, client);
                forgetWhenClosed(client);
            }
            return client;
        }
    }

    public int getNumberOfConnections() {
        return clients.size();
    }

    public void close() {
        for (PartitionRequestClient client : new ArrayList<>(clients.values())) {
            client.close();
        }
        clients.clear();
    }

    private PartitionRequestClient connect(InetSocketAddress address) {
        PartitionRequestClientHandler handler = new PartitionRequestClientHandler(address, metrics);
        ChannelFuture connectFuture = bootstrap
                .clone()
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        if (secret != null) {
                            channel.pipeline()
                                    .addLast(NetworkServer.AUTHENTICATOR, new SecretChallengeClientHandler(secret));
                        }
                        channel.pipeline()
                                .addLast("frameDecoder", NetworkMessageCodec.newFrameDecoder())
                                .addLast("codec", new NetworkMessageCodec())
                                .addLast("handler", handler);
                    }
                })
                .connect(address);
        PartitionRequestClient client =
                new PartitionRequestClient(address, readyWhenAuthenticated(connectFuture), handler);
        connectFuture.addListener(connected -> {
            if (connected.isSuccess()) {
                LOG.info("Connected to data server {}", address);
            } else {
                LOG.warn(
                        "Cannot connect to data server {}: {}",
                        address,
                        connected.cause().toString());
            }
        });
        return client;
    }

    /** Requests may be written only once the server has accepted this TaskManager's cluster secret. */
    private ChannelFuture readyWhenAuthenticated(ChannelFuture connectFuture) {
        if (secret == null) {
            return connectFuture;
        }
        ChannelPromise ready = connectFuture.channel().newPromise();
        connectFuture.addListener(connected -> {
            if (!connected.isSuccess()) {
                ready.tryFailure(connected.cause());
                return;
            }
            SecretChallengeClientHandler challenge = (SecretChallengeClientHandler)
                    connectFuture.channel().pipeline().get(NetworkServer.AUTHENTICATOR);
            if (challenge == null) {
                ready.trySuccess();
                return;
            }
            challenge.authenticated().whenComplete((ok, failure) -> {
                if (failure == null) {
                    ready.trySuccess();
                } else {
                    ready.tryFailure(failure);
                }
            });
        });
        return ready;
    }

    private void forgetWhenClosed(PartitionRequestClient client) {
        client.closeFuture().addListener(closed -> {
            clients.remove(client.getAddress(), client);
            LOG.debug("Connection to data server {} closed", client.getAddress());
        });
    }
}
