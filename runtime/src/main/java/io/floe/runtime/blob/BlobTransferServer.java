package io.floe.runtime.blob;

import io.floe.runtime.security.ClusterSecret;
import io.floe.runtime.security.RefusedConnectionLog;
import io.floe.runtime.security.SecretChallengeServerHandler;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.stream.ChunkedWriteHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The network side of the BlobServer: accepts connections and serves blobs found by a
 * {@link BlobLookup}.
 *
 * <p>Pipeline of an accepted connection:
 *
 * <pre>
 *  [SecretChallengeServerHandler]   only with a cluster secret; removes itself once passed
 *  LengthFieldBasedFrameDecoder     request frames
 *  ChunkedWriteHandler              streams file content without loading it whole
 *  BlobRequestHandler               looks blobs up on the lookup executor: that may block
 * </pre>
 *
 * Threads: one acceptor, {@value #IO_THREADS} event loops, {@value #LOOKUP_THREADS} lookup
 * threads, all daemons named {@code blob-server-*}.
 */
final class BlobTransferServer implements AutoCloseable {
    private static final int IO_THREADS = 2;
    private static final int LOOKUP_THREADS = 4;
    private static final int BACKLOG = 1000;

    private final EventLoopGroup acceptor =
            new NioEventLoopGroup(1, new DefaultThreadFactory("blob-server-accept", true));
    private final EventLoopGroup io =
            new NioEventLoopGroup(IO_THREADS, new DefaultThreadFactory("blob-server-io", true));
    private final ExecutorService lookups =
            Executors.newFixedThreadPool(LOOKUP_THREADS, new DefaultThreadFactory("blob-server-lookup", true));
    private final Channel serverChannel;
    private final RefusedConnectionLog refusals;

    /** Binds at once; {@code secret} null means no authentication. */
    BlobTransferServer(InetSocketAddress bindAddress, ClusterSecret secret, BlobLookup lookup) throws IOException {
        this.refusals = new RefusedConnectionLog("BlobServer");
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(acceptor, io)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, BACKLOG)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        ChannelPipeline pipeline = channel.pipeline();
                        if (secret != null) {
                            pipeline.addLast("secret-challenge", new SecretChallengeServerHandler(secret, refusals));
                        }
                        pipeline.addLast(
                                "request-frames",
                                new LengthFieldBasedFrameDecoder(
                                        BlobProtocol.MAX_REQUEST_LENGTH,
                                        0,
                                        BlobProtocol.LENGTH_FIELD_LENGTH,
                                        0,
                                        BlobProtocol.LENGTH_FIELD_LENGTH));
                        pipeline.addLast("chunked-writes", new ChunkedWriteHandler());
                        pipeline.addLast("blob-requests", new BlobRequestHandler(lookup, lookups));
                    }
                });
        try {
            serverChannel = bootstrap.bind(bindAddress).syncUninterruptibly().channel();
        } catch (RuntimeException e) {
            shutDownThreads();
            throw new IOException("The BlobServer could not listen on " + bindAddress + ": " + e.getMessage(), e);
        }
    }

    InetSocketAddress address() {
        return (InetSocketAddress) serverChannel.localAddress();
    }

    RefusedConnectionLog refusals() {
        return refusals;
    }

    @Override
    public void close() {
        serverChannel.close().syncUninterruptibly();
        shutDownThreads();
    }

    private void shutDownThreads() {
        acceptor.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        io.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        lookups.shutdownNow();
        acceptor.terminationFuture().syncUninterruptibly();
        io.terminationFuture().syncUninterruptibly();
    }
}
