package io.floe.runtime.blob;

import io.floe.api.JobId;
import io.floe.runtime.security.ClusterAuthenticationException;
import io.floe.runtime.security.ClusterSecret;
import io.floe.runtime.security.SecretChallengeClientHandler;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.timeout.ReadTimeoutHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetSocketAddress;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Fetches blobs from a BlobServer, one connection per fetch.
 *
 * <p>Pipeline: {@code ReadTimeoutHandler}, the optional {@link SecretChallengeClientHandler}, and
 * a {@link BlobResponseReader} writing into the target file. The request is sent once the
 * connection is authenticated. {@link #download} blocks its caller and is thread-safe; network
 * work runs on one event-loop thread of this client ({@code blob-client}).
 */
final class BlobClient implements AutoCloseable {
    private final InetSocketAddress server;
    /** {@code host:port}, for messages (an unresolved address prints oddly). */
    private final String serverName;

    private final ClusterSecret secret;
    private final Duration timeout;
    private final EventLoopGroup group = new NioEventLoopGroup(1, new DefaultThreadFactory("blob-client", true));

    /**
     * @param server resolved at each connect, so a moved server is found again
     * @param secret null when the server does not authenticate
     * @param timeout for connecting and for each read of a fetch
     */
    BlobClient(InetSocketAddress server, ClusterSecret secret, Duration timeout) {
        this.server = server;
        this.serverName = server.getHostString() + ":" + server.getPort();
        this.secret = secret;
        this.timeout = timeout;
    }

    /** {@code host:port} of the server. */
    String serverName() {
        return serverName;
    }

    /**
     * Writes the blob's content into {@code target} (created or truncated).
     *
     * @return the SHA-256 (hex) of the bytes received, for the caller to compare with the key
     * @throws BlobNotFoundException if the server has no such blob
     * @throws ClusterAuthenticationException if the server refused this client
     */
    String download(JobId jobId, BlobKey key, Path target) throws IOException {
        try (FileChannel file = FileChannel.open(
                target, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            BlobResponseReader reader = new BlobResponseReader(file, jobId, key, serverName);
            SecretChallengeClientHandler authentication =
                    secret == null ? null : new SecretChallengeClientHandler(secret);
            ChannelFuture connect = new Bootstrap()
                    .group(group)
                    .channel(NioSocketChannel.class)
                    .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(timeout.toMillis(), Integer.MAX_VALUE))
                    .handler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel channel) {
                            channel.pipeline()
                                    .addLast(new ReadTimeoutHandler(timeout.toMillis(), TimeUnit.MILLISECONDS));
                            if (authentication != null) {
                                channel.pipeline().addLast(authentication);
                            }
                            channel.pipeline().addLast(reader);
                        }
                    })
                    .connect(server);
            Channel channel = connect.channel();
            connect.addListener(connected -> {
                if (!connected.isSuccess()) {
                    reader.result()
                            .completeExceptionally(new IOException(
                                    "Could not connect to the BlobServer at " + serverName + " to fetch blob " + key
                                            + ": " + connected.cause(),
                                    connected.cause()));
                } else if (authentication == null) {
                    sendRequest(channel, jobId, key);
                } else {
                    authentication.authenticated().whenComplete((ignored, failure) -> {
                        if (failure == null) {
                            sendRequest(channel, jobId, key);
                        } else {
                            reader.fail(failure instanceof IOException io ? io : new IOException(failure));
                        }
                    });
                }
            });
            try {
                return await(reader.result());
            } finally {
                // no write into the file after it is closed
                channel.close().awaitUninterruptibly();
            }
        }
    }

    private static void sendRequest(Channel channel, JobId jobId, BlobKey key) {
        channel.writeAndFlush(new BlobRequest(jobId, key).encode(channel.alloc()));
    }

    private static String await(CompletableFuture<String> result) throws IOException {
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            result.cancel(false);
            throw new InterruptedIOException("Interrupted while fetching a blob.");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            throw new IOException(cause);
        }
    }

    @Override
    public void close() {
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
