package io.floe.runtime.rpc.netty;

import io.floe.runtime.rpc.EndpointInvocation;
import io.floe.runtime.rpc.FencingTokenException;
import io.floe.runtime.rpc.GatewayMethod;
import io.floe.runtime.rpc.RpcEndpoint;
import io.floe.runtime.rpc.RpcException;
import io.floe.runtime.rpc.netty.RpcMessage.FailureKind;
import io.floe.runtime.rpc.netty.RpcMessage.FailureResponse;
import io.floe.runtime.rpc.netty.RpcMessage.InvocationRequest;
import io.floe.runtime.rpc.netty.RpcMessage.SuccessResponse;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One incoming invocation whose arguments are already decoded. {@link #dispatch()} hands it to the
 * endpoint's main thread, which checks that the endpoint still runs and, for fenced methods, the
 * fencing token, then invokes the method. An ask's answer is serialized when the returned future
 * completes, on whichever thread completes it, and written to the connection it came from.
 */
final class RpcServerCall implements EndpointInvocation.Answer {

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

    /** Queues the call on the endpoint's main thread; the answer goes back on the connection it came from. */
    void dispatch() {
        EndpointInvocation.dispatch(endpoint, method, arguments, request.fencingToken(), this);
    }

    @Override
    public void unreachable(String message) {
        answer(FailureResponse.refusal(request.requestId(), FailureKind.UNREACHABLE, message));
    }

    @Override
    public void fencingRefused(FencingTokenException refusal) {
        LOG.debug("Refused {} on {}: {}", method.describe(), endpoint.getEndpointId(), refusal.getMessage());
        answer(FailureResponse.refusal(request.requestId(), FailureKind.FENCING, refusal.getMessage()));
    }

    @Override
    public void failed(Throwable cause) {
        answer(FailureResponse.remote(request.requestId(), cause));
    }

    @Override
    public void returned(Object value) {
        if (method.isAsk()) {
            answerResult(value);
        }
    }

    private void answerResult(Object value) {
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
}
