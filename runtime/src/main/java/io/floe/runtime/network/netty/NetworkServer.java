package io.floe.runtime.network.netty;

import io.floe.runtime.network.NetworkEnvironment;
import io.floe.runtime.network.NetworkMetrics;
import io.floe.runtime.network.ResultPartitionManager;
import io.floe.runtime.security.ClusterSecret;
import io.floe.runtime.security.RefusedConnectionLog;
import io.floe.runtime.security.SecretChallengeServerHandler;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.net.InetSocketAddress;

/**
 * The data server of one {@link NetworkEnvironment}: accepts consumer connections and gives each a
 * pipeline of frame decoder, {@link NetworkMessageCodec} and {@link PartitionRequestServerHandler}.
 */
public final class NetworkServer {

    static final String AUTHENTICATOR = "authenticator";
    private final Channel serverChannel;

    private NetworkServer(Channel serverChannel) {
        this.serverChannel = serverChannel;
    }

    public static NetworkServer bind(
            String host,
            int port,
            EventLoopGroup boss,
            EventLoopGroup workers,
            ByteBufAllocator allocator,
            ResultPartitionManager partitions,
            NetworkMetrics metrics,
            ClusterSecret secret) {
        RefusedConnectionLog refusals = new RefusedConnectionLog("Data server");
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(boss, workers)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.ALLOCATOR, allocator)
                .childOption(ChannelOption.ALLOCATOR, allocator)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.SO_KEEPALIVE, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        if (secret != null) {
                            channel.pipeline()
                                    .addLast(AUTHENTICATOR, new SecretChallengeServerHandler(secret, refusals));
                        }
                        channel.pipeline()
                                .addLast("frameDecoder", NetworkMessageCodec.newFrameDecoder())
                                .addLast("codec", new NetworkMessageCodec())
                                .addLast("handler", new PartitionRequestServerHandler(partitions, metrics));
                    }
                });
        ChannelFuture bound = bootstrap.bind(host, port).awaitUninterruptibly();
        if (!bound.isSuccess()) {
            throw new IllegalStateException(
                    "Cannot bind the data server to " + host + ":" + port + ": " + bound.cause(), bound.cause());
        }
        return new NetworkServer(bound.channel());
    }

    public int getPort() {
        return ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    public void close() {
        serverChannel.close().syncUninterruptibly();
    }
}
