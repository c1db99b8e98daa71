package io.floe.runtime.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.floe.runtime.rest.messages.ErrorResponseBody;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one complete JSON response and, unless the connection stays open, closes it after the
 * write. Thread-safe: Netty hands writes from other threads to the channel's event loop, so the
 * answer to an asynchronous handler can be written from whichever thread completed it.
 */
final class JsonResponseWriter {
    private static final Logger LOG = LoggerFactory.getLogger(JsonResponseWriter.class);

    private final ObjectMapper mapper;

    JsonResponseWriter(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** Writes the answer; closes the connection after it unless {@code keepAlive}. */
    void write(ChannelHandlerContext ctx, HttpResponseStatus status, Object body, boolean keepAlive) {
        ChannelFuture written = ctx.writeAndFlush(response(status, body, keepAlive));
        written.addListener(keepAlive ? ChannelFutureListener.CLOSE_ON_FAILURE : ChannelFutureListener.CLOSE);
    }

    void writeError(ChannelHandlerContext ctx, HttpResponseStatus status, String message, boolean keepAlive) {
        write(ctx, status, ErrorResponseBody.of(message), keepAlive);
    }

    /** A 405 with the {@code Allow} header HTTP requires. */
    void writeMethodNotAllowed(ChannelHandlerContext ctx, String allowedMethods, String message, boolean keepAlive) {
        FullHttpResponse response =
                response(HttpResponseStatus.METHOD_NOT_ALLOWED, ErrorResponseBody.of(message), keepAlive);
        response.headers().set(HttpHeaderNames.ALLOW, allowedMethods);
        ctx.writeAndFlush(response)
                .addListener(keepAlive ? ChannelFutureListener.CLOSE_ON_FAILURE : ChannelFutureListener.CLOSE);
    }

    /**
     * Writes an error that announces {@code Connection: close} but leaves closing to the caller,
     * which first drops the rest of the refused request.
     */
    void writeErrorBeforeClose(ChannelHandlerContext ctx, HttpResponseStatus status, String message) {
        ctx.writeAndFlush(response(status, ErrorResponseBody.of(message), false))
                .addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
    }

    private FullHttpResponse response(HttpResponseStatus status, Object body, boolean keepAlive) {
        byte[] json;
        try {
            json = mapper.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            LOG.warn("Could not write the {} answer as JSON", body.getClass().getSimpleName(), e);
            status = HttpResponseStatus.INTERNAL_SERVER_ERROR;
            json = "{\"errors\":[\"Could not encode the answer as JSON.\"]}".getBytes(StandardCharsets.UTF_8);
        }
        FullHttpResponse response =
                new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(json));
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, "application/json; charset=UTF-8")
                .setInt(HttpHeaderNames.CONTENT_LENGTH, json.length)
                // Flink's web.access-control-allow-origin default, so browser dashboards elsewhere can read it
                .set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, "*")
                .set(HttpHeaderNames.CONNECTION, keepAlive ? HttpHeaderValues.KEEP_ALIVE : HttpHeaderValues.CLOSE);
        if (status.equals(HttpResponseStatus.UNAUTHORIZED)) {
            response.headers()
                    .set(HttpHeaderNames.WWW_AUTHENTICATE, "Bearer realm=\"floe\""); // HTTP requires it with 401
        }
        return response;
    }
}
