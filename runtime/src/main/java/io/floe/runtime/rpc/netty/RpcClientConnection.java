package io.floe.runtime.rpc.netty;

import com.fasterxml.jackson.databind.JavaType;
import io.floe.runtime.rpc.RpcConnectionException;
import io.floe.runtime.rpc.RpcException;
import io.floe.runtime.rpc.netty.RpcMessage.FailureResponse;
import io.floe.runtime.rpc.netty.RpcMessage.SuccessResponse;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection to a remote RPC service ({@code host:port}), shared by every gateway that
 * talks to that service. Many asks can be in flight at once; answers are matched by request id.
 *
 * <p>Lifecycle: connecting &rarr; open &rarr; closed, never reopened (the pool makes a new one).
 * Frames sent while connecting are queued and written in order once connected, so calls from one
 * thread reach the remote service in the order they were made.
 *
 * <p>Asks and tells may be sent from any thread. Answers are decoded into the ask's result type and
 * complete the ask's future on the connection's Netty thread, so callers must not block in
 * callbacks of an ask's future. When the connection fails or closes, every pending ask fails at
 * once with {@link RpcConnectionException}.
 */
final class RpcClientConnection {

    private static final Logger LOG = LoggerFactory.getLogger(RpcClientConnection.class);

    private record PendingAsk(CompletableFuture<Object> result, JavaType resultType, String description) {}

    private final String remoteAddress;
    private final RpcMessageCodec codec;
    private final Map<Long, PendingAsk> pendingAsks = new ConcurrentHashMap<>();
    private final Object lock = new Object();
    /** Guarded by lock; null while connecting. */
    private Channel channel;
    /** Guarded by lock; frames to write once connected. */
    private final List<byte[]> queuedFrames = new ArrayList<>();

    private volatile boolean closed;
    private volatile Throwable closeCause;

    RpcClientConnection(String remoteAddress, RpcMessageCodec codec) {
        this.remoteAddress = remoteAddress;
        this.codec = codec;
    }

    /**
     * Sends an encoded request and completes {@code result} with its answer. The caller owns the
     * timeout; completing {@code result} by any means forgets the request.
     */
    void ask(long requestId, byte[] frame, CompletableFuture<Object> result, JavaType resultType, String description) {
        pendingAsks.put(requestId, new PendingAsk(result, resultType, description));
        result.whenComplete((value, failure) -> pendingAsks.remove(requestId));
        if (closed) { // closed before the put: onClosed() may have missed this ask
            failPending(requestId);
            return;
        }
        LOG.debug("Sending ask {} (request {})", description, requestId);
        send(frame);
    }

    /** Sends an encoded tell; a failure to send is only logged. */
    void tell(byte[] frame, String description) {
        if (closed) {
            LOG.debug("Dropped tell {}: connection to {} is closed", description, remoteAddress);
            return;
        }
        LOG.debug("Sending tell {}", description);
        send(frame);
    }

    private void send(byte[] frame) {
        Channel target;
        synchronized (lock) {
            if (channel == null) {
                queuedFrames.add(frame);
                return;
            }
            target = channel;
        }
        write(target, frame);
    }

    private void write(Channel target, byte[] frame) {
        target.writeAndFlush(Unpooled.wrappedBuffer(frame)).addListener(write -> {
            if (!write.isSuccess()) {
                LOG.debug("Could not write to {}; closing the connection", remoteAddress, write.cause());
                target.close();
            }
        });
    }

    /** Called on the Netty thread once connected: writes the queued frames, in order. */
    void onConnected(Channel connected) {
        synchronized (lock) {
            channel = connected;
            queuedFrames.forEach(frame -> write(connected, frame));
            queuedFrames.clear();
        }
    }

    /** Completes the matching ask; runs on the Netty thread. */
    void onSuccess(SuccessResponse response) {
        PendingAsk ask = pendingAsks.remove(response.requestId());
        if (ask == null) {
            LOG.debug("Answer to request {} from {} arrived after the ask ended", response.requestId(), remoteAddress);
            return;
        }
        Object value;
        try {
            value = codec.decodeValue(response.value(), ask.resultType());
        } catch (IllegalArgumentException e) {
            ask.result()
                    .completeExceptionally(new RpcException(
                            "The answer to " + ask.description() + " does not fit " + ask.resultType() + ": "
                                    + e.getMessage(),
                            e));
            return;
        }
        ask.result().complete(value);
    }

    /** Fails the matching ask with the exception the failure describes; runs on the Netty thread. */
    void onFailure(FailureResponse response) {
        PendingAsk ask = pendingAsks.remove(response.requestId());
        if (ask == null) {
            LOG.debug("Failure of request {} from {} arrived after the ask ended", response.requestId(), remoteAddress);
            return;
        }
        ask.result().completeExceptionally(response.toException());
    }

    /**
     * Fails every pending ask and drops queued frames; called when connecting failed ({@code cause}
     * set) or the channel became inactive.
     */
    void onClosed(Throwable cause) {
        closeCause = cause;
        closed = true;
        synchronized (lock) {
            if (!queuedFrames.isEmpty()) {
                LOG.debug("Dropping {} frames queued for {}", queuedFrames.size(), remoteAddress);
                queuedFrames.clear();
            }
        }
        if (!pendingAsks.isEmpty()) {
            LOG.info("RPC connection to {} lost; failing {} pending asks", remoteAddress, pendingAsks.size());
        }
        pendingAsks.keySet().forEach(this::failPending);
    }

    private void failPending(long requestId) {
        PendingAsk ask = pendingAsks.remove(requestId);
        if (ask == null) {
            return;
        }
        Throwable cause = closeCause;
        String message = cause != null
                ? "Could not connect to the RPC service at " + remoteAddress + " for " + ask.description()
                : "Connection to " + remoteAddress + " was lost before " + ask.description() + " was answered";
        ask.result().completeExceptionally(new RpcConnectionException(message, cause));
    }

    boolean isClosed() {
        return closed;
    }

    String remoteAddress() {
        return remoteAddress;
    }
}
