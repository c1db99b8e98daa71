package io.floe.runtime.rest;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;

/**
 * The pipeline of one REST connection:
 *
 * <pre>
 * bytes ─▶ IdleStateHandler ─▶ RequestHeadDeadline ─▶ HttpServerCodec ─▶ RestRequestReader ─▶ RoutingHandler ─▶
 * RestHandler
 * (rest.idleness-     (a head slower than     (HTTP/1.1 parts)   (size limits, body     (route, 404/405,   (async)
 * timeout)            the timeout closes)                        or multipart to disk,  write the answer) ◀─┘
 *                                                                            413/400, idle close)
 * </pre>
 *
 * Runs on the event loop that accepted the connection.
 */
final class RestChannelInitializer extends ChannelInitializer<SocketChannel> {
    private final RestServerConfig config;
    private final JsonResponseWriter responseWriter;
    private final RoutingHandler routingHandler;

    RestChannelInitializer(RestServerConfig config, JsonResponseWriter responseWriter, RoutingHandler routingHandler) {
        this.config = config;
        this.responseWriter = responseWriter;
        this.routingHandler = routingHandler;
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        long idleMillis = config.idlenessTimeout().toMillis();
        RequestHeadDeadline headDeadline = new RequestHeadDeadline(idleMillis);
        channel.pipeline()
                .addLast("idle", new IdleStateHandler(0, 0, idleMillis, TimeUnit.MILLISECONDS))
                .addLast("head-deadline", headDeadline)
                .addLast("http", new HttpServerCodec())
                .addLast(
                        "reader",
                        new RestRequestReader(
                                config.maxContentLengthBytes(),
                                config.uploadDirectory(),
                                responseWriter,
                                routingHandler::hasHandler,
                                headDeadline,
                                config.mutationSecret()))
                .addLast("router", routingHandler);
    }
}
