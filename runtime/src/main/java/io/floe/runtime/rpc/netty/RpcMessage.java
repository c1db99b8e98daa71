package io.floe.runtime.rpc.netty;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.floe.runtime.rpc.FencingTokenException;
import io.floe.runtime.rpc.RecipientUnreachableException;
import io.floe.runtime.rpc.RemoteRpcException;
import io.floe.runtime.rpc.RpcConnectionException;
import io.floe.runtime.rpc.RpcException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Objects;

/**
 * The messages that travel in RPC frames. Each is a plain record decoded into its own concrete
 * class once the frame's {@code type} field has been read (see {@link RpcMessageCodec}); the
 * compact constructors reject incomplete messages, which makes such a frame malformed.
 */
sealed interface RpcMessage {

    /** The value of the frame's {@code type} field for this message. */
    String wireType();

    /** Asks whether {@code targetEndpointId} runs at the server and implements the gateway. */
    record HandshakeRequest(long requestId, String targetEndpointId, String gatewayClassName) implements RpcMessage {
        static final String TYPE = "handshake";

        public HandshakeRequest {
            requirePositive(requestId);
            Objects.requireNonNull(targetEndpointId, "targetEndpointId");
            Objects.requireNonNull(gatewayClassName, "gatewayClassName");
        }

        @Override
        public String wireType() {
            return TYPE;
        }
    }

    /**
     * Invokes {@code methodName} on {@code targetEndpointId}. Arguments stay JSON trees until the
     * server knows the method's declared parameter types. A tell ({@code expectsResponse} false)
     * gets no answer.
     */
    record InvocationRequest(
            long requestId,
            String targetEndpointId,
            String fencingToken,
            String methodName,
            List<JsonNode> arguments,
            boolean expectsResponse)
            implements RpcMessage {
        static final String TYPE = "invoke";

        public InvocationRequest {
            requirePositive(requestId);
            Objects.requireNonNull(targetEndpointId, "targetEndpointId");
            Objects.requireNonNull(methodName, "methodName");
            arguments = List.copyOf(Objects.requireNonNull(arguments, "arguments"));
        }

        @Override
        public String wireType() {
            return TYPE;
        }
    }

    /** Successful answer; {@code value} is decoded by the client into the ask's result type. */
    record SuccessResponse(long requestId, JsonNode value) implements RpcMessage {
        static final String TYPE = "success";

        public SuccessResponse {
            requirePositive(requestId);
            value = value == null ? NullNode.getInstance() : value;
        }

        @Override
        public String wireType() {
            return TYPE;
        }
    }

    /** Failed answer; the client turns it into the exception named by {@code kind}. */
    record FailureResponse(long requestId, FailureKind kind, String className, String message, String stackTrace)
            implements RpcMessage {
        static final String TYPE = "failure";

        public FailureResponse {
            requirePositive(requestId);
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(className, "className");
            stackTrace = stackTrace == null ? "" : stackTrace;
        }

        /** Describes an exception raised by the remote gateway method or its future. */
        static FailureResponse remote(long requestId, Throwable failure) {
            StringWriter trace = new StringWriter();
            failure.printStackTrace(new PrintWriter(trace));
            return new FailureResponse(
                    requestId,
                    FailureKind.REMOTE,
                    failure.getClass().getName(),
                    failure.getMessage(),
                    trace.toString());
        }

        /** Describes a refusal by the RPC layer itself. */
        static FailureResponse refusal(long requestId, FailureKind kind, String message) {
            return new FailureResponse(requestId, kind, kind.name(), message, "");
        }

        RpcException toException() {
            return switch (kind) {
                case REMOTE -> new RemoteRpcException(className, message, stackTrace);
                case UNREACHABLE -> new RecipientUnreachableException(message);
                case FENCING -> new FencingTokenException(message);
                case GATEWAY_MISMATCH -> new RpcConnectionException(message);
                case RPC -> new RpcException(message);
            };
        }

        @Override
        public String wireType() {
            return TYPE;
        }
    }

    /** Why a request failed; decides the exception class the caller sees. */
    enum FailureKind {
        /** The method threw or its future failed: {@link RemoteRpcException}. */
        REMOTE,
        /** No running endpoint with that id: {@link RecipientUnreachableException}. */
        UNREACHABLE,
        /** Stale or missing fencing token: {@link FencingTokenException}. */
        FENCING,
        /** The endpoint does not implement the gateway: {@link RpcConnectionException}. */
        GATEWAY_MISMATCH,
        /** Any other refusal (unknown method, unserializable result): {@link RpcException}. */
        RPC
    }

    private static void requirePositive(long requestId) {
        if (requestId <= 0) {
            throw new IllegalArgumentException("requestId must be positive, was " + requestId);
        }
    }
}
