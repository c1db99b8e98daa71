package io.floe.runtime.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.testutils.Deadline;
import io.floe.testutils.LogRecorder;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The handlers in front of an echo service, over real sockets on 127.0.0.1. */
class SecretChallengeOverSocketTest {
    private static final Duration DEADLINE = Duration.ofSeconds(10);
    private static EventLoopGroup group;

    private final ClusterSecret secret = ClusterSecret.generate();
    private RefusedConnectionLog refusals;
    private Channel server;

    @BeforeAll
    static void startThreads() {
        group = new NioEventLoopGroup(2);
    }

    @AfterAll
    static void stopThreads() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @BeforeEach
    void startEchoServer() {
        refusals = new RefusedConnectionLog("echo server");
        server = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline().addLast(new SecretChallengeServerHandler(secret, refusals), new Echo());
                    }
                })
                .bind(new InetSocketAddress("127.0.0.1", 0))
                .syncUninterruptibly()
                .channel();
    }

    @AfterEach
    void stopEchoServer() {
        server.close().syncUninterruptibly();
    }

    @Test
    void clientWithTheSecretTalksToTheService() throws Exception {
        SecretChallengeClientHandler authentication = new SecretChallengeClientHandler(secret);
        Received received = new Received(4);
        Channel client = connect(authentication, received);

        authentication.authenticated().get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
        client.writeAndFlush(Unpooled.copiedBuffer("ping", StandardCharsets.US_ASCII));

        assertEquals("ping", received.text.get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS));
        assertEquals(0, refusals.refusedCount());
        client.close().syncUninterruptibly();
    }

    @Test
    void clientsWithAWrongSecretAreRefusedAndTheHostIsWarnedAboutOnce() throws Exception {
        try (LogRecorder log = LogRecorder.attach(RefusedConnectionLog.class)) {
            for (int attempt = 0; attempt < 3; attempt++) {
                SecretChallengeClientHandler authentication =
                        new SecretChallengeClientHandler(ClusterSecret.generate());
                Channel client = connect(authentication, new Received(1));

                ExecutionException failure = assertThrows(
                        ExecutionException.class,
                        () -> authentication.authenticated().get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS));
                assertInstanceOf(ClusterAuthenticationException.class, failure.getCause());
                client.closeFuture().syncUninterruptibly();
            }
            Deadline.waitUntil(() -> refusals.refusedCount() == 3, DEADLINE, "three refusals");

            assertEquals(
                    1, log.messages(Level.WARN).size(), log.messages(Level.WARN).toString());
            assertTrue(log.messages(Level.WARN).get(0).contains("refused a connection from 127.0.0.1"));
            assertEquals(2, log.messages(Level.DEBUG).size());
        }
    }

    @Test
    void clientWithoutTheHandlerIsDisconnectedBeforeReachingTheService() {
        Received received = new Received(1);
        Channel client = connect(null, received);

        client.writeAndFlush(Unpooled.wrappedBuffer(new byte[64]));

        assertTrue(client.closeFuture().awaitUninterruptibly(DEADLINE.toMillis()));
        Deadline.waitUntil(() -> refusals.refusedCount() == 1, DEADLINE, "the refusal");
    }

    private Channel connect(ChannelHandler authentication, ChannelHandler application) {
        return new Bootstrap()
                .group(group)
                .channel(NioSocketChannel.class)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        if (authentication != null) {
                            channel.pipeline().addLast(authentication);
                        }
                        channel.pipeline().addLast(application);
                    }
                })
                .connect(server.localAddress())
                .syncUninterruptibly()
                .channel();
    }

    /** The service behind the challenge: sends back what it receives. */
    private static final class Echo extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object message) {
            ctx.writeAndFlush(message);
        }
    }

    /** Collects the first {@code expected} bytes the client receives after authentication. */
    private static final class Received extends ChannelInboundHandlerAdapter {
        final CompletableFuture<String> text = new CompletableFuture<>();
        private final StringBuilder bytes = new StringBuilder();
        private final int expected;

        Received(int expected) {
            this.expected = expected;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object message) {
            ByteBuf buffer = (ByteBuf) message;
            bytes.append(buffer.toString(StandardCharsets.US_ASCII));
            buffer.release();
            if (bytes.length() >= expected) {
                text.complete(bytes.toString());
            }
        }
    }
}
