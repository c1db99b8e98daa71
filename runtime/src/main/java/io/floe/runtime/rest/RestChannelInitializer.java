package io.floe.runtime.rest;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import java.nio.file.Path;

/**
 * The pipeline of one REST connection:
 *
 * <pre>
 *  bytes ─▶ HttpServerCodec ─▶ RestRequestReader ─▶ RoutingHandler ─▶ RestHandler (async)
 *           (HTTP/1.1 parts)   (size limit, body     (route, 404/405,     │
 *                               or multipart to       write the answer) ◀─┘ future
 *                               disk, 413/400)
 * </pre>
 *
 * Runs on the event loop that accepted the connection.
 */
final class RestChannelInitializer extends ChannelInitializer<SocketChannel> {
    private final long maxContentLength;
    private final Path uploadDirectory;
    private final JsonResponseWriter responseWriter;
    private final RoutingHandler routingHandler;

    RestChannelInitializer(long maxContentLength, Path uploadDirectory, JsonResponseWriter responseWriter,
            RoutingHandler routingHandler) {
        this.maxContentLength = maxContentLength;
        this.uploadDirectory = uploadDirectory;
        this.responseWriter = responseWriter;
        this.routingHandler = routingHandler;
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        channel.pipeline()
                .addLast("http", new HttpServerCodec())
                .addLast("reader", new RestRequestReader(maxContentLength, uploadDirectory, responseWriter))
                .addLast("router", routingHandler);
    }
}
