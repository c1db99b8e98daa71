package io.floe.runtime.rest;

import io.floe.runtime.rest.handler.GatewayFailureTranslator;
import io.floe.runtime.rest.handler.HandlerRequest;
import io.floe.runtime.rest.handler.RestHandler;
import io.floe.runtime.rest.handler.RestHandlerException;
import io.floe.runtime.rest.handler.RestResponse;
import io.floe.runtime.rest.handler.UploadedFiles;
import io.floe.runtime.rest.router.RouteResult;
import io.floe.runtime.rest.router.Router;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes each {@link ReceivedRequest} to its {@link RestHandler} and writes the answer when the
 * handler's future completes: 404 for an unknown path, 405 for a known path with another method,
 * 400 for a malformed path or query (such as an invalid percent-escape), and the handler's status or
 * translated failure otherwise.
 *
 * <p>The request's uploaded files are deleted on the I/O executor once the handler's future has
 * completed, whatever the outcome, and before the answer is written, so a client that has its
 * answer finds no trace of its upload on the server.
 *
 * <p>Threading: {@link #channelRead0} runs on the connection's event loop and never blocks; the
 * answer is written from whichever thread completes the handler's future. Shared by all
 * connections; stateless.
 */
@ChannelHandler.Sharable
final class RoutingHandler extends SimpleChannelInboundHandler<ReceivedRequest> {
    private static final Logger LOG = LoggerFactory.getLogger(RoutingHandler.class);

    private final Router<RestHandler> router;
    private final JsonResponseWriter responseWriter;
    private final Executor ioExecutor;

    /** @param ioExecutor deletes uploaded files */
    RoutingHandler(Router<RestHandler> router, JsonResponseWriter responseWriter, Executor ioExecutor) {
        this.router = router;
        this.responseWriter = responseWriter;
        this.ioExecutor = ioExecutor;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, ReceivedRequest request) {
        CompletableFuture<RestResponse> answer;
        try {
            answer = dispatch(request);
        } catch (RuntimeException e) {
            answer = CompletableFuture.failedFuture(e);
        }
        UploadedFiles uploads = request.uploadedFiles();
        if (uploads.isEmpty()) {
            answer.whenComplete((response, failure) -> respond(ctx, request, response, failure));
        } else {
            answer.whenCompleteAsync(
                    (response, failure) -> {
                        deleteUploads(uploads);
                        respond(ctx, request, response, failure);
                    },
                    ioExecutor);
        }
    }

    /** Whether a handler serves the request's method and path; false also for a path the router cannot read. */
    boolean hasHandler(io.netty.handler.codec.http.HttpRequest request) {
        try {
            return router.route(request.method(), new QueryStringDecoder(request.uri()).rawPath())
                    instanceof RouteResult.Found<RestHandler>;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private CompletableFuture<RestResponse> dispatch(ReceivedRequest request) {
        QueryStringDecoder decoder;
        String path;
        try {
            // path() and parameters() decode percent-escapes lazily: a bad one ("%zz") throws here
            decoder = new QueryStringDecoder(request.uri());
            path = decoder.path();
            decoder.parameters();
        } catch (IllegalArgumentException e) {
            throw RestHandlerException.badRequest("Malformed request URI '" + request.uri() + "': " + e.getMessage());
        }
        RouteResult<RestHandler> route;
        try {
            route = router.route(request.method(), decoder.rawPath());
        } catch (IllegalArgumentException e) {
            throw RestHandlerException.badRequest("Malformed request path '" + path + "': " + e.getMessage());
        }
        if (route instanceof RouteResult.Found<RestHandler> found) {
            HandlerRequest handlerRequest = new HandlerRequest(
                    request.method(),
                    path,
                    found.pathParameters(),
                    decoder.parameters(),
                    request.body(),
                    request.formFields(),
                    request.uploadedFiles());
            CompletableFuture<RestResponse> answer = found.target().handle(handlerRequest);
            if (answer == null) {
                throw new IllegalStateException(found.target().getClass().getSimpleName() + " answered no future.");
            }
            return answer;
        }
        if (route instanceof RouteResult.MethodNotAllowed<RestHandler> notAllowed) {
            String allowed = notAllowed.allowed().stream().map(Object::toString).collect(Collectors.joining(", "));
            throw new MethodNotAllowedException(
                    allowed,
                    "Method " + request.method() + " is not allowed for " + path + "; allowed: " + allowed + ".");
        }
        throw new RestHandlerException(HttpResponseStatus.NOT_FOUND, "Not found: " + path);
    }

    private void respond(ChannelHandlerContext ctx, ReceivedRequest request, RestResponse response, Throwable failure) {
        if (failure == null) {
            responseWriter.write(ctx, response.status(), response.body(), request.keepAlive());
            return;
        }
        RestHandlerException error = GatewayFailureTranslator.translate(failure);
        if (error instanceof MethodNotAllowedException notAllowed) {
            responseWriter.writeMethodNotAllowed(
                    ctx, notAllowed.allowedMethods, error.getMessage(), request.keepAlive());
            return;
        }
        if (error.getStatus().code() >= 500) {
            LOG.warn("{} {} failed with {}", request.method(), request.uri(), error.getStatus(), error.getCause());
        } else {
            LOG.debug(
                    "{} {} refused with {}: {}",
                    request.method(),
                    request.uri(),
                    error.getStatus(),
                    error.getMessage());
        }
        responseWriter.writeError(ctx, error.getStatus(), error.getMessage(), request.keepAlive());
    }

    private static void deleteUploads(UploadedFiles uploads) {
        try {
            uploads.deleteAll();
        } catch (RuntimeException e) {
            LOG.warn("Could not delete the uploaded files {}", uploads, e);
        }
    }

    /** 405; the answer's {@code Allow} header lists the methods the path has. */
    private static final class MethodNotAllowedException extends RestHandlerException {
        private static final long serialVersionUID = 1L;
        private final String allowedMethods;

        MethodNotAllowedException(String allowedMethods, String message) {
            super(HttpResponseStatus.METHOD_NOT_ALLOWED, message);
            this.allowedMethods = allowedMethods;
        }
    }

    /**
     * A client that resets its connection is no news (DEBUG); anything else is logged in one line, its
     * stack at DEBUG, so that no client can flood the log with stack traces.
     */
    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof IOException) {
            LOG.debug("REST connection from {} failed", ctx.channel().remoteAddress(), cause);
        } else {
            LOG.warn(
                    "Closing REST connection from {} after an error: {}",
                    ctx.channel().remoteAddress(),
                    cause.toString());
            LOG.debug("The error of the REST connection from {}", ctx.channel().remoteAddress(), cause);
        }
        ctx.close();
    }
}
