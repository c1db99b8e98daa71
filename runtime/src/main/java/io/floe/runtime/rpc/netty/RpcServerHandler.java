package io.floe.runtime.rpc.netty;

import com.fasterxml.jackson.databind.node.NullNode;
import io.floe.runtime.rpc.GatewayMethod;
import io.floe.runtime.rpc.RpcEndpoint;
import io.floe.runtime.rpc.RpcEndpointRegistry;
import io.floe.runtime.rpc.netty.RpcMessage.FailureKind;
import io.floe.runtime.rpc.netty.RpcMessage.FailureResponse;
import io.floe.runtime.rpc.netty.RpcMessage.HandshakeRequest;
import io.floe.runtime.rpc.netty.RpcMessage.InvocationRequest;
import io.floe.runtime.rpc.netty.RpcMessage.SuccessResponse;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Server side of one accepted connection. On the connection's Netty thread it answers handshakes,
 * resolves each invocation's endpoint and method, and binds the arguments to the method's declared
 * parameter types; the invocation itself then runs as an {@link RpcServerCall} on the endpoint's
 * main thread. Arguments that do not fit their declared types close the connection.
 */
final class RpcServerHandler extends RpcChannelHandler {

    private static final Logger LOG = LoggerFactory.getLogger(RpcServerHandler.class);

    private final RpcEndpointRegistry registry;
    private final RpcMessageCodec codec;
    private final String serviceAddress;

    RpcServerHandler(RpcEndpointRegistry registry, RpcMessageCodec codec, String serviceAddress) {
        this.registry = registry;
        this.codec = codec;
        this.serviceAddress = serviceAddress;
    }

    @Override
    protected void onMessage(ChannelHandlerContext context, RpcMessage message) {
        if (message instanceof InvocationRequest request) {
            invoke(context, request);
        } else if (message instanceof HandshakeRequest handshake) {
            answerHandshake(context, handshake);
        } else {
            refuse(context, "a client must not send '" + message.wireType() + "' messages");
        }
    }

    private void answerHandshake(ChannelHandlerContext context, HandshakeRequest handshake) {
        RpcEndpoint endpoint = reachableEndpoint(handshake.targetEndpointId());
        RpcMessage answer;
        if (endpoint == null) {
            answer = unreachable(handshake.requestId(), handshake.targetEndpointId());
        } else if (!endpoint.gatewayMethods().coversGateway(handshake.gatewayClassName())) {
            answer = FailureResponse.refusal(
                    handshake.requestId(),
                    FailureKind.GATEWAY_MISMATCH,
                    "Endpoint " + endpoint.getAddress() + " ("
                            + endpoint.getClass().getName() + ") does not implement gateway "
                            + handshake.gatewayClassName());
        } else {
            answer = new SuccessResponse(handshake.requestId(), NullNode.getInstance());
        }
        LOG.debug(
                "Handshake for {} with gateway {} from {}: {}",
                handshake.targetEndpointId(),
                handshake.gatewayClassName(),
                context.channel().remoteAddress(),
                answer.wireType());
        context.channel().writeAndFlush(Unpooled.wrappedBuffer(codec.encode(answer)));
    }

    private void invoke(ChannelHandlerContext context, InvocationRequest request) {
        RpcEndpoint endpoint = reachableEndpoint(request.targetEndpointId());
        if (endpoint == null) {
            answerRefusal(context, request, unreachable(request.requestId(), request.targetEndpointId()));
            return;
        }
        GatewayMethod method = endpoint.gatewayMethods().find(request.methodName());
        if (method == null) {
            answerRefusal(
                    context,
                    request,
                    FailureResponse.refusal(
                            request.requestId(),
                            FailureKind.RPC,
                            "Endpoint " + endpoint.getAddress() + " has no gateway method '" + request.methodName()
                                    + "'"));
            return;
        }
        if (method.isAsk() != request.expectsResponse()) {
            refuse(
                    context,
                    method.describe() + " is " + (method.isAsk() ? "an ask" : "a tell") + " but the request "
                            + (request.expectsResponse() ? "expects" : "does not expect") + " an answer");
            return;
        }
        Object[] arguments;
        try {
            arguments = codec.decodeArguments(method, request.arguments());
        } catch (IllegalArgumentException e) {
            refuse(context, e.getMessage());
            return;
        }
        LOG.debug("Received {} for {} (request {})", method.describe(), endpoint.getEndpointId(), request.requestId());
        new RpcServerCall(endpoint, method, arguments, request, context.channel(), codec).dispatch();
    }

    private RpcEndpoint reachableEndpoint(String endpointId) {
        return registry.lookupReachable(endpointId);
    }

    private FailureResponse unreachable(long requestId, String endpointId) {
        return FailureResponse.refusal(
                requestId, FailureKind.UNREACHABLE, "No running endpoint '" + endpointId + "' at " + serviceAddress);
    }

    private void answerRefusal(ChannelHandlerContext context, InvocationRequest request, FailureResponse refusal) {
        if (request.expectsResponse()) {
            context.channel().writeAndFlush(Unpooled.wrappedBuffer(codec.encode(refusal)));
        } else {
            LOG.debug("Dropped tell {} to {}: {}", request.methodName(), request.targetEndpointId(), refusal.message());
        }
    }
}
