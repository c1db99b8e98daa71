package io.floe.runtime.rpc.netty;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.type.TypeFactory;
import io.floe.runtime.rpc.GatewayMethod;
import io.floe.runtime.rpc.RpcAddress;
import io.floe.runtime.rpc.RpcConnectionException;
import io.floe.runtime.rpc.RpcException;
import io.floe.runtime.rpc.RpcTimeoutException;
import io.floe.runtime.rpc.netty.RpcMessage.HandshakeRequest;
import io.floe.runtime.rpc.netty.RpcMessage.InvocationRequest;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Client half of a call: encodes the request on the calling thread, arms the ask's timeout on the
 * shared scheduler, and sends it over the pooled connection to the target's service. Thread-safe.
 *
 * <p>Failures never escape as exceptions; they complete the returned future: argument encoding
 * problems with {@link RpcException}, connection problems with {@link RpcConnectionException},
 * a missing answer with {@link RpcTimeoutException}.
 */
final class RpcRequestSender {

    private static final Logger LOG = LoggerFactory.getLogger(RpcRequestSender.class);
    private static final JavaType NO_VALUE = TypeFactory.defaultInstance().constructType(Void.class);

    private final RpcConnectionPool connectionPool;
    private final RpcMessageCodec codec;
    private final ScheduledExecutorService timer;
    private final AtomicLong requestIds = new AtomicLong();

    RpcRequestSender(RpcConnectionPool connectionPool, RpcMessageCodec codec, ScheduledExecutorService timer) {
        this.connectionPool = connectionPool;
        this.codec = codec;
        this.timer = timer;
    }

    /** Verifies that the target endpoint runs and implements the gateway. */
    CompletableFuture<Object> handshake(RpcAddress target, Class<?> gatewayClass, Duration timeout) {
        long requestId = requestIds.incrementAndGet();
        String description = "handshake for " + gatewayClass.getSimpleName() + " with " + target;
        CompletableFuture<Object> result = new CompletableFuture<>();
        try {
            byte[] frame = codec.encode(new HandshakeRequest(requestId, target.endpointId(), gatewayClass.getName()));
            send(target, requestId, frame, result, NO_VALUE, description, timeout);
        } catch (RpcException e) {
            result.completeExceptionally(e);
        }
        return result;
    }

    /** Sends an ask; the future completes with the answer decoded into the method's result type. */
    CompletableFuture<Object> ask(
            RpcAddress target, String fencingToken, GatewayMethod method, Object[] arguments, Duration timeout) {
        long requestId = requestIds.incrementAndGet();
        String description = method.describe() + " to " + target;
        CompletableFuture<Object> result = new CompletableFuture<>();
        try {
            byte[] frame = encodeInvocation(requestId, target, fencingToken, method, arguments, true);
            send(target, requestId, frame, result, method.resultType(), description, timeout);
        } catch (RpcException e) {
            result.completeExceptionally(e);
        }
        return result;
    }

    /** Sends a tell; every failure is logged, nothing is reported to the caller. */
    void tell(RpcAddress target, String fencingToken, GatewayMethod method, Object[] arguments) {
        String description = method.describe() + " to " + target;
        byte[] frame;
        try {
            frame = encodeInvocation(requestIds.incrementAndGet(), target, fencingToken, method, arguments, false);
        } catch (RpcException e) {
            LOG.warn("Could not send tell {}", description, e);
            return;
        }
        try {
            connectionPool.connection(target.host(), target.port()).tell(frame, description);
        } catch (RpcConnectionException e) {
            LOG.debug("Could not send tell {}: {}", description, e.getMessage());
        }
    }

    private byte[] encodeInvocation(
            long requestId,
            RpcAddress target,
            String fencingToken,
            GatewayMethod method,
            Object[] arguments,
            boolean expectsResponse) {
        try {
            return codec.encode(new InvocationRequest(
                    requestId,
                    target.endpointId(),
                    fencingToken,
                    method.name(),
                    codec.encodeArguments(arguments),
                    expectsResponse));
        } catch (IllegalArgumentException e) {
            throw new RpcException(
                    "Could not serialize the arguments of " + method.describe() + ": " + e.getMessage(), e);
        }
    }

    private void send(
            RpcAddress target,
            long requestId,
            byte[] frame,
            CompletableFuture<Object> result,
            JavaType resultType,
            String description,
            Duration timeout) {
        ScheduledFuture<?> timeoutTask;
        try {
            timeoutTask = timer.schedule(
                    () -> result.completeExceptionally(
                            new RpcTimeoutException("Ask " + description + " was not answered within " + timeout)),
                    Math.max(0, timeout.toNanos()),
                    TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(new RpcConnectionException("The RPC service is closed"));
            return;
        }
        result.whenComplete((value, failure) -> timeoutTask.cancel(false));
        try {
            connectionPool
                    .connection(target.host(), target.port())
                    .ask(requestId, frame, result, resultType, description);
        } catch (RpcConnectionException e) {
            result.completeExceptionally(e);
        }
    }
}
