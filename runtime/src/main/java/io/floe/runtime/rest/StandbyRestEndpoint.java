package io.floe.runtime.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.floe.runtime.highavailability.LeaderRetrieval;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The REST port of a standby JobManager: every request is answered with a redirect (307, same
 * method and path) to the leader's REST endpoint, or, while no JobManager leads, with 503 and a
 * {@code Retry-After}, so a browser or script pointed at a standby is sent on instead of failing.
 */
public final class StandbyRestEndpoint implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StandbyRestEndpoint.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final EventLoopGroup group;
    private final String ownUrl;
    private final LeaderRetrieval leaders;
    private final Runnable follower = this::follow;
    private Channel serverChannel;
    private volatile String leaderUrl;

    private StandbyRestEndpoint(EventLoopGroup group, String ownUrl, LeaderRetrieval leaders) {
        this.group = group;
        this.ownUrl = ownUrl;
        this.leaders = leaders;
    }

    /**
     * Binds {@code bindAddress}:{@code port} and answers there until closed.
     *
     * @param ownUrl this JobManager's REST URL when it leads: a leader record naming it is stale (this
     *     process lost its leadership, and ZooKeeper could not be read since), never a redirect target
     * @throws UncheckedIOException if the port cannot be bound, naming it
     */
    public static StandbyRestEndpoint start(String bindAddress, int port, String ownUrl, LeaderRetrieval leaders) {
        StandbyRestEndpoint endpoint = new StandbyRestEndpoint(
                new NioEventLoopGroup(1, new DefaultThreadFactory("floe-standby-rest", true)), ownUrl, leaders);
        endpoint.follow();
        try {
            endpoint.serverChannel = new ServerBootstrap()
                    .group(endpoint.group)
                    .channel(NioServerSocketChannel.class)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ch.pipeline().addLast(new HttpServerCodec()).addLast(new Redirect(endpoint));
                        }
                    })
                    .bind(bindAddress, port)
                    .syncUninterruptibly()
                    .channel();
        } catch (Exception e) { // bind failures surface as sneakily thrown checked exceptions
            endpoint.group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
            throw new UncheckedIOException(new IOException(
                    "Cannot start the standby REST endpoint on " + bindAddress + ":" + port + ": " + e.getMessage(),
                    e));
        }
        leaders.onChange(endpoint.follower);
        endpoint.follow(); // (a change between the first look and the listener)
        LOG.info("Standing by: REST on {}:{} sends clients to the leader", bindAddress, endpoint.getPort());
        return endpoint;
    }

    private void follow() {
        try {
            LeaderRetrieval.Leader leader = leaders.current();
            leaderUrl = leader == null || ownUrl.equals(leader.restUrl()) ? null : leader.restUrl();
        } catch (IOException e) {
            leaderUrl = null;
        }
    }

    public int getPort() {
        return ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    @Override
    public void close() {
        leaders.removeOnChange(follower);
        serverChannel.close().syncUninterruptibly();
        group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS).syncUninterruptibly();
    }

    /** Answers the head of each request and closes the connection; bodies are not read. */
    private static final class Redirect extends SimpleChannelInboundHandler<HttpObject> {
        private final StandbyRestEndpoint endpoint;

        Redirect(StandbyRestEndpoint endpoint) {
            this.endpoint = endpoint;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, HttpObject message) throws IOException {
            if (!(message instanceof HttpRequest request)) {
                return;
            }
            String leader = endpoint.leaderUrl;
            FullHttpResponse response;
            if (leader == null) {
                response = response(
                        HttpResponseStatus.SERVICE_UNAVAILABLE,
                        "This JobManager is a standby and no JobManager leads the cluster yet; retry shortly.");
                response.headers().set(HttpHeaderNames.RETRY_AFTER, "1");
            } else {
                response = response(
                        HttpResponseStatus.TEMPORARY_REDIRECT,
                        "This JobManager is a standby; the leader's REST endpoint is " + leader);
                response.headers().set(HttpHeaderNames.LOCATION, leader + request.uri());
            }
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }

        private static FullHttpResponse response(HttpResponseStatus status, String error) throws IOException {
            byte[] body = JSON.writeValueAsBytes(Map.of("errors", List.of(error)));
            FullHttpResponse response =
                    new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(body));
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON);
            response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
            return response;
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }
}
