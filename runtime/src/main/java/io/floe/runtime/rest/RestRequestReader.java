package io.floe.runtime.rest;

import io.floe.runtime.rest.handler.RestHandlerException;
import io.floe.runtime.rest.handler.UploadedFiles;
import io.floe.runtime.security.ClusterSecret;
import io.floe.runtime.security.RestAuthorization;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one HTTP request at a time to its end and passes it on as a {@link ReceivedRequest}:
 * multipart bodies stream to disk through a {@link MultipartUploadReader}, other bodies collect in
 * memory.
 *
 * <p>It enforces {@code rest.server.max-content-length} while the body streams: a
 * {@code Content-Length} above the limit is refused before any byte is read, and a body whose
 * bytes pass the limit (chunked, or lying about its length) is refused the moment they do. Either
 * way the request's partial files are deleted at once, the client gets 413, the rest of the body
 * is read and dropped (so the client sees the answer instead of a reset connection), and the
 * connection closes at the request's end. A malformed request gets 400 the same way.
 *
 * <p>A request that would change the cluster (any method but GET, HEAD and OPTIONS, on a path a
 * handler serves) must carry the cluster's {@link RestAuthorization} unless the server asks for
 * none; without it the answer is 401 and the body is dropped unread.
 *
 * <p>What it keeps of a body is bounded too: a request no handler serves (the router will answer 404
 * or 405) has its body read and dropped, never stored; a body that is not a multipart upload is kept
 * in memory only up to {@value #MAX_IN_MEMORY_BODY} bytes (REST's JSON bodies are small), beyond
 * that it is 413.
 *
 * <p>Answers leave in the order of their requests (HTTP/1.1 pipelining): it passes on one request at
 * a time and holds the next ones, and a refusal of its own, until the answer owed has passed it on
 * its way out (handlers answer asynchronously, some at once, some after a Dispatcher call). While
 * {@value #MAX_WAITING} requests wait it stops reading. An idle connection ({@link IdleStateEvent},
 * {@code rest.idleness-timeout}) is closed only when no answer is owed. It tells the
 * {@link RequestHeadDeadline} when a request's head arrived and ended.
 *
 * <p>Threading: one instance per connection, confined to its event loop.
 */
final class RestRequestReader extends ChannelDuplexHandler {
    /** Largest body kept in memory; only multipart uploads (streamed to disk) may be larger. */
    static final int MAX_IN_MEMORY_BODY = 1024 * 1024;
    /** Pipelined requests held while an earlier one is answered; beyond that the connection stops reading. */
    static final int MAX_WAITING = 16;

    /** A refusal of this reader's that waits for the answers owed before it. */
    private record Refusal(HttpResponseStatus status, String message) {}

    private static final Logger LOG = LoggerFactory.getLogger(RestRequestReader.class);

    private final long maxContentLength;
    private final Path uploadDirectory;
    private final JsonResponseWriter responseWriter;
    private final Predicate<HttpRequest> hasHandler;
    private final RequestHeadDeadline headDeadline;
    /** Whose credential requests that change the cluster need; null: none is asked for. */
    private final ClusterSecret mutationSecret;
    /** Requests passed on whose answer has not been written yet: 0 or 1. */
    private int answersOwed;
    /** Complete requests (and at most one final refusal) waiting for the answer owed. */
    private final ArrayDeque<Object> waiting = new ArrayDeque<>();

    /** The request being read; null between requests and while dropping a refused body. */
    private HttpRequest head;

    private long receivedBytes;
    private ByteArrayOutputStream body;
    private MultipartUploadReader multipart;
    /** A refused request's remaining body is dropped, then the connection closes. */
    private boolean dropping;

    /**
     * @param hasHandler whether a handler serves the request's method and path (else its body is dropped)
     * @param headDeadline the connection's head timer, told when heads arrive and requests end
     * @param mutationSecret whose {@link RestAuthorization} requests other than GET, HEAD and OPTIONS
     *     must carry (401 before their body is read); null asks for none
     */
    RestRequestReader(
            long maxContentLength,
            Path uploadDirectory,
            JsonResponseWriter responseWriter,
            Predicate<HttpRequest> hasHandler,
            RequestHeadDeadline headDeadline,
            ClusterSecret mutationSecret) {
        this.maxContentLength = maxContentLength;
        this.uploadDirectory = uploadDirectory;
        this.responseWriter = responseWriter;
        this.hasHandler = hasHandler;
        this.headDeadline = headDeadline;
        this.mutationSecret = mutationSecret;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (msg instanceof HttpRequest request) {
                startRequest(ctx, request);
            }
            if (msg instanceof HttpContent content) {
                readContent(ctx, content);
            }
        } catch (RestHandlerException e) {
            refuse(ctx, e.getStatus(), e.getMessage(), msg);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not read a REST request", e);
            refuse(ctx, HttpResponseStatus.INTERNAL_SERVER_ERROR, "Could not read the request: " + e.getMessage(), msg);
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    private void startRequest(ChannelHandlerContext ctx, HttpRequest request) throws IOException {
        if (dropping) {
            return; // a request pipelined after a refused one: the connection closes
        }
        if (head != null) {
            // cannot happen with HttpServerCodec, which ends every request with a LastHttpContent
            throw new IllegalStateException("A new request began before the previous one ended.");
        }
        if (request.decoderResult().isFailure()) {
            throw RestHandlerException.badRequest(
                    "Malformed HTTP request: " + request.decoderResult().cause().getMessage());
        }
        long declaredLength = HttpUtil.getContentLength(request, -1L);
        if (declaredLength > maxContentLength) {
            throw tooLarge(declaredLength);
        }
        head = request;
        receivedBytes = 0;
        headDeadline.headReceived();
        if (HttpUtil.is100ContinueExpected(request)) {
            ctx.writeAndFlush(new DefaultFullHttpResponse(
                    HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE, Unpooled.EMPTY_BUFFER));
        }
        boolean isMultipart = MultipartUploadReader.isMultipart(request); // a bad multipart header is 400 on any path
        if (!hasHandler.test(request)) {
            return; // the router answers 404 or 405; the body is read and dropped
        }
        if (!isAuthorized(request)) {
            // before the body is stored: an unauthorized upload never reaches the disk
            throw new RestHandlerException(
                    HttpResponseStatus.UNAUTHORIZED,
                    request.method() + " "
                            + new io.netty.handler.codec.http.QueryStringDecoder(request.uri()).rawPath()
                            + " changes the cluster and needs its credential: floe and yarn-session.sh send it when "
                            + "they can read "
                            + "the cluster secret (conf/cluster-secret, security.cluster-secret.file, or a YARN "
                            + "application's "
                            + "staging directory); a cluster with rest.authentication: none asks for none.");
        }
        if (isMultipart) {
            multipart = new MultipartUploadReader(request, uploadDirectory);
        } else {
            body = new ByteArrayOutputStream();
        }
    }

    private void readContent(ChannelHandlerContext ctx, HttpContent content) throws IOException {
        boolean last = content instanceof LastHttpContent;
        if (dropping) {
            if (last && !waiting.isEmpty()) {
                return; // the refusal waits for the answers before it, and closes the connection itself
            }
            if (last) {
                ctx.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
            }
            return;
        }
        if (head == null) {
            return;
        }
        if (content.decoderResult().isFailure()) {
            throw RestHandlerException.badRequest(
                    "Malformed HTTP request: " + content.decoderResult().cause().getMessage());
        }
        ByteBuf bytes = content.content();
        receivedBytes += bytes.readableBytes();
        if (receivedBytes > maxContentLength) {
            throw tooLarge(receivedBytes);
        }
        if (multipart != null) {
            multipart.offer(content);
        } else if (body != null) {
            if (receivedBytes > MAX_IN_MEMORY_BODY) {
                throw new RestHandlerException(
                        HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE,
                        "A request body that is not a " + "multipart/form-data upload may have at most "
                                + MAX_IN_MEMORY_BODY + " bytes.");
            }
            bytes.readBytes(body, bytes.readableBytes());
        }
        if (last) {
            ReceivedRequest request = completeRequest();
            headDeadline.requestEnded();
            if (answersOwed > 0 || !waiting.isEmpty()) {
                waiting.add(request);
                if (waiting.size() >= MAX_WAITING) {
                    ctx.channel().config().setAutoRead(false);
                }
            } else {
                pass(ctx, request);
            }
        }
    }

    private void pass(ChannelHandlerContext ctx, ReceivedRequest request) {
        answersOwed++;
        ctx.fireChannelRead(request);
    }

    /** After an answer went out: the next waiting request goes on, or the waiting refusal is written. */
    private void releaseNext(ChannelHandlerContext ctx) {
        Object next = waiting.poll();
        if (next instanceof ReceivedRequest request) {
            ctx.channel().config().setAutoRead(true);
            pass(ctx, request);
        } else if (next instanceof Refusal refusal) {
            responseWriter.writeError(ctx, refusal.status(), refusal.message(), false);
        }
    }

    /** Reads need no credential; anything else must carry the cluster's, unless the server asks for none. */
    private boolean isAuthorized(HttpRequest request) {
        HttpMethod method = request.method();
        if (mutationSecret == null
                || method.equals(HttpMethod.GET)
                || method.equals(HttpMethod.HEAD)
                || method.equals(HttpMethod.OPTIONS)) {
            return true;
        }
        return RestAuthorization.isValid(mutationSecret, request.headers().get(RestAuthorization.HEADER));
    }

    private ReceivedRequest completeRequest() throws IOException {
        HttpRequest request = head;
        MultipartUploadReader uploads = multipart;
        byte[] bytes = body == null ? new byte[0] : body.toByteArray();
        head = null;
        multipart = null;
        body = null;
        Map<String, String> fields = Map.of();
        UploadedFiles files = UploadedFiles.none();
        if (uploads != null) {
            MultipartUploadReader.Result result = uploads.finish();
            fields = result.formFields();
            files = result.uploadedFiles();
        }
        return new ReceivedRequest(
                request.method(), request.uri(), HttpUtil.isKeepAlive(request), bytes, fields, files);
    }

    private RestHandlerException tooLarge(long bytes) {
        return new RestHandlerException(
                HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE,
                "The request has " + bytes
                        + (head == null ? "" : " or more") + " bytes, more than the maximum of " + maxContentLength
                        + " bytes (rest.server.max-content-length).");
    }

    /**
     * Deletes what the request wrote and answers with the error. The connection closes after the
     * answer if the request has ended or its body will not come (100-continue); otherwise the rest
     * of the body is dropped first, so the client reads the answer instead of a reset.
     */
    private void refuse(ChannelHandlerContext ctx, HttpResponseStatus status, String message, Object msg) {
        LOG.debug("Refusing a REST request with {}: {}", status, message);
        boolean bodyWillNotCome = msg instanceof LastHttpContent
                || (msg instanceof HttpRequest request && HttpUtil.is100ContinueExpected(request));
        discardRequest();
        if (answersOwed > 0 || !waiting.isEmpty()) {
            // after the answers owed; it closes the connection when written, the rest of the body unread
            waiting.add(new Refusal(status, message));
            dropping = true;
            return;
        }
        if (bodyWillNotCome) {
            responseWriter.writeError(ctx, status, message, false);
        } else {
            responseWriter.writeErrorBeforeClose(ctx, status, message);
            dropping = true;
        }
    }

    /** Deletes the uploads of the requests still waiting; the connection is gone. */
    private void discardWaiting() {
        for (Object item : waiting) {
            if (item instanceof ReceivedRequest request) {
                request.uploadedFiles().deleteAll();
            }
        }
        waiting.clear();
    }

    private void discardRequest() {
        head = null;
        body = null;
        if (multipart != null) {
            MultipartUploadReader uploads = multipart;
            multipart = null;
            uploads.discard();
        }
    }

    /** Counts the answers written, which pass here on their way out. */
    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        ctx.write(msg, promise);
        if (msg instanceof HttpResponse response && response.status().code() >= 200 && answersOwed > 0) {
            answersOwed--;
            if (!waiting.isEmpty()) {
                ctx.executor().execute(() -> releaseNext(ctx)); // not from inside this write
            }
        }
    }

    /** An idle connection is closed unless it is owed an answer (which may take the handler a while). */
    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof IdleStateEvent && answersOwed == 0 && waiting.isEmpty()) {
            LOG.debug(
                    "Closing the idle REST connection from {} (rest.idleness-timeout)",
                    ctx.channel().remoteAddress());
            ctx.close();
            return;
        }
        ctx.fireUserEventTriggered(event);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        discardRequest();
        discardWaiting();
        ctx.fireChannelInactive();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        discardRequest();
        discardWaiting();
    }
}
