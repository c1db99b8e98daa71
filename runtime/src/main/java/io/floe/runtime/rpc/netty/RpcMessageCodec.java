package io.floe.runtime.rpc.netty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.floe.runtime.rpc.GatewayMethod;
import io.floe.runtime.rpc.RpcException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufInputStream;
import io.netty.handler.codec.CorruptedFrameException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns {@link RpcMessage}s into frame payloads and back, and gateway arguments and results into
 * JSON trees and back. Thread-safe.
 *
 * <p>A payload is {@code {"type": "<wireType>", "body": {...}}}. Decoding reads the type first and
 * then binds the body to that one concrete record class. Arguments and results are bound to the
 * types declared by the gateway method. No Java deserialization, no polymorphic or default typing:
 * the payload never chooses a class.
 */
final class RpcMessageCodec {

    private final int maxPayloadBytes;
    private final ObjectMapper mapper = JsonMapper.builder()
            .addModule(new RpcValueModule())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            // a message is its record components: derived views such as isFree() stay off the wire
            .disable(com.fasterxml.jackson.databind.MapperFeature.AUTO_DETECT_IS_GETTERS)
            .build();

    /** @param maxFrameSizeBytes the frame size cap, including the length prefix */
    RpcMessageCodec(int maxFrameSizeBytes) {
        this.maxPayloadBytes = maxFrameSizeBytes - RpcChannelInitializer.LENGTH_FIELD_BYTES;
    }

    /**
     * Encodes a message into a frame payload (without the length prefix); fails with
     * {@link RpcException} if the frame would exceed the size cap.
     */
    byte[] encode(RpcMessage message) {
        ObjectNode envelope = mapper.createObjectNode();
        envelope.put("type", message.wireType());
        envelope.set("body", mapper.valueToTree(message));
        byte[] payload;
        try {
            payload = mapper.writeValueAsBytes(envelope);
        } catch (JsonProcessingException e) {
            throw new RpcException("Could not encode RPC message of type " + message.wireType(), e);
        }
        if (payload.length > maxPayloadBytes) {
            throw new RpcException("RPC message of type " + message.wireType() + " needs " + payload.length
                    + " bytes, more than the frame size cap allows (" + maxPayloadBytes + " bytes)");
        }
        return payload;
    }

    /**
     * Decodes a frame payload; fails with {@link CorruptedFrameException} if it is not valid JSON,
     * names no known type, or its body does not fit that type.
     */
    RpcMessage decode(ByteBuf payload) {
        try (InputStream in = new ByteBufInputStream(payload)) {
            JsonNode envelope = mapper.readTree(in);
            if (envelope == null
                    || !envelope.isObject()
                    || !envelope.path("body").isObject()) {
                throw new CorruptedFrameException("RPC frame is not a {type, body} JSON object");
            }
            Class<? extends RpcMessage> type =
                    messageClass(envelope.path("type").asText());
            return mapper.treeToValue(envelope.get("body"), type);
        } catch (JsonProcessingException e) {
            throw new CorruptedFrameException("Unreadable RPC frame: " + e.getOriginalMessage(), e);
        } catch (IOException | IllegalArgumentException e) {
            throw new CorruptedFrameException("Unreadable RPC frame: " + e.getMessage(), e);
        }
    }

    private static Class<? extends RpcMessage> messageClass(String wireType) {
        return switch (wireType) {
            case RpcMessage.HandshakeRequest.TYPE -> RpcMessage.HandshakeRequest.class;
            case RpcMessage.InvocationRequest.TYPE -> RpcMessage.InvocationRequest.class;
            case RpcMessage.SuccessResponse.TYPE -> RpcMessage.SuccessResponse.class;
            case RpcMessage.FailureResponse.TYPE -> RpcMessage.FailureResponse.class;
            default -> throw new CorruptedFrameException("Unknown RPC message type '" + wireType + "'");
        };
    }

    /** Encodes gateway arguments; fails with IllegalArgumentException if one is not serializable. */
    List<JsonNode> encodeArguments(Object[] arguments) {
        List<JsonNode> trees = new ArrayList<>();
        if (arguments != null) {
            for (Object argument : arguments) {
                trees.add(encodeValue(argument));
            }
        }
        return trees;
    }

    /** Encodes one argument or result; fails with IllegalArgumentException if not serializable. */
    JsonNode encodeValue(Object value) {
        return mapper.valueToTree(value);
    }

    /**
     * Binds transmitted arguments to the method's declared parameter types; fails with
     * IllegalArgumentException (naming the method and position) if they do not fit.
     */
    Object[] decodeArguments(GatewayMethod method, List<JsonNode> arguments) {
        List<JavaType> types = method.parameterTypes();
        if (arguments.size() != types.size()) {
            throw new IllegalArgumentException(method.describe() + " takes " + types.size()
                    + " arguments, the request carried " + arguments.size());
        }
        Object[] values = new Object[types.size()];
        for (int i = 0; i < values.length; i++) {
            try {
                values[i] = decodeValue(arguments.get(i), types.get(i));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "Argument " + i + " of " + method.describe() + " does not fit " + types.get(i) + ": "
                                + e.getMessage(),
                        e);
            }
        }
        return values;
    }

    /** Binds a JSON tree to a declared type; fails with IllegalArgumentException if it does not fit. */
    Object decodeValue(JsonNode tree, JavaType type) {
        try {
            return mapper.treeToValue(tree, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e.getOriginalMessage(), e);
        }
    }
}
