package io.floe.runtime.rpc;

import io.floe.runtime.rpc.RpcMessage.FailureKind;
import io.floe.runtime.rpc.RpcMessage.FailureResponse;
import io.floe.runtime.rpc.RpcMessage.InvocationRequest;
import io.floe.runtime.rpc.RpcMessage.SuccessResponse;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One incoming invocation whose arguments are already decoded. {@link #dispatch()} hands it to the
 * endpoint's main thread, which checks that the endpoint still runs and, for fenced methods, the
 * fencing token, then invokes the method. An ask's answer is serialized when the returned future
 * completes, on whichever thread completes it, and written to the connection it came from.
 */
final class RpcServerCall {

    private static final Logger LOG = LoggerFactory.getLogger(RpcServerCall.class);

    private final RpcEndpoint endpoint;
    private final GatewayMethod method;
    private final Object[] arguments;
    private final InvocationRequest request;
    private final Channel channel;
    private final RpcMessageCodec codec;

    RpcServerCall(
            RpcEndpoint endpoint,
            GatewayMethod method,
            Object[] arguments,
            InvocationRequest request,
            Channel channel,
            RpcMessageCodec codec) {
        this.endpoint = endpoint;
        this.method = method;
        this.arguments = arguments;
        this.request = request;
        this.channel = channel;
        this.codec = codec;
    }

    /** Queues the call on the endpoint's main thread; answers "unreachable" if it has shut down. */
    void dispatch() {
        if (!endpoint.mainThread().tryExecute(this::invokeOnMainThread)) {
            answer(unreachable());
        }
    }

    private void invokeOnMainThread() {
        if (!endpoint.isRunning()) {
            answer(unreachable());
            return;
        }
        if (method.fenced()) {
            try {
                endpoint.checkFencingToken(request.fencingToken());
            } catch (FencingTokenException e) {
                LOG.debug("Refused {} on {}: {}", method.describe(), endpoint.getEndpointId(), e.getMessage());
                answer(FailureResponse.refusal(request.requestId(), FailureKind.FENCING, e.getMessage()));
                return;
            }
        }
        Object result;
        try {
            result = method.method().invoke(endpoint, arguments);
        } catch (InvocationTargetException e) {
            answer(FailureResponse.remote(request.requestId(), e.getCause()));
            return;
        } catch (IllegalAccessException e) {
            answer(FailureResponse.remote(request.requestId(), e));
            return;
        }
        if (method.isAsk()) {
            if (result == null) {
                answer(FailureResponse.remote(
                        request.requestId(),
                        new NullPointerException(method.describe() + " returned null instead of a future")));
            } else {
                ((CompletableFuture<?>) result).whenComplete(this::answerResult);
            }
        }
    }

    private void answerResult(Object value, Throwable failure) {
        if (failure != null) {
            answer(FailureResponse.remote(request.requestId(), unwrap(failure)));
            return;
        }
        byte[] frame;
        try {
            frame = codec.encode(new SuccessResponse(request.requestId(), codec.encodeValue(value)));
        } catch (RuntimeException e) {
            LOG.warn("Could not send the result of {} on {}", method.describe(), endpoint.getEndpointId(), e);
            answer(FailureResponse.refusal(
                    request.requestId(),
                    FailureKind.RPC,
                    "Could not serialize the result of " + method.describe() + ": " + e.getMessage()));
            return;
        }
        write(frame);
    }

    private void answer(FailureResponse failure) {
        if (!request.expectsResponse()) {
            if (failure.kind() == FailureKind.REMOTE) {
                LOG.warn(
                        "Tell {} on {} failed: {}: {}",
                        method.describe(),
                        endpoint.getEndpointId(),
                        failure.className(),
                        failure.message());
            } else {
                LOG.debug("Dropped tell {} on {}: {}", method.describe(), endpoint.getEndpointId(), failure.message());
            }
            return;
        }
        byte[] frame;
        try {
            frame = codec.encode(failure);
        } catch (RpcException e) {
            LOG.warn(
                    "Could not send the failure of {} on {}: {}",
                    method.describe(),
                    endpoint.getEndpointId(),
                    failure.className(),
                    e);
            frame = codec.encode(FailureResponse.refusal(
                    request.requestId(),
                    FailureKind.RPC,
                    method.describe() + " failed with " + failure.className() + "; the failure was too large to send"));
        }
        write(frame);
    }

    private void write(byte[] frame) {
        if (!channel.isActive()) {
            LOG.debug(
                    "Connection {} closed before the answer to {} could be sent",
                    channel.remoteAddress(),
                    method.describe());
            return;
        }
        channel.writeAndFlush(Unpooled.wrappedBuffer(frame));
    }

    private FailureResponse unreachable() {
        return FailureResponse.refusal(
                request.requestId(),
                FailureKind.UNREACHABLE,
                "Endpoint " + endpoint.getAddress() + " is closing or closed");
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable current = failure;
        while ((current instanceof CompletionException || current instanceof ExecutionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }
}
