package io.floe.runtime.rpc.netty;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Teaches Jackson the two JDK value types RPC signatures use that plain jackson-databind refuses
 * without its extra modules: {@link Duration} travels as its ISO-8601 text ({@code PT10S}, lossless)
 * and {@link Optional} as its value or {@code null}. Deserialization stays driven by the declared
 * type: the Optional's content type comes from the generic signature, never from the payload.
 */
final class RpcValueModule extends SimpleModule {

    private static final long serialVersionUID = 1L;

    @SuppressWarnings({"unchecked", "rawtypes"})
    RpcValueModule() {
        super("floe-rpc-values");
        addSerializer(Duration.class, new DurationSerializer());
        addDeserializer(Duration.class, new DurationDeserializer());
        addSerializer((Class) Optional.class, new OptionalSerializer());
        addDeserializer((Class) Optional.class, new OptionalDeserializer(null));
    }

    private static final class DurationSerializer extends StdSerializer<Duration> {
        private static final long serialVersionUID = 1L;

        DurationSerializer() {
            super(Duration.class);
        }

        @Override
        public void serialize(Duration value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            generator.writeString(value.toString());
        }
    }

    private static final class DurationDeserializer extends StdDeserializer<Duration> {
        private static final long serialVersionUID = 1L;

        DurationDeserializer() {
            super(Duration.class);
        }

        @Override
        public Duration deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                return (Duration) context.handleUnexpectedToken(Duration.class, parser);
            }
            String text = parser.getText();
            try {
                return Duration.parse(text);
            } catch (DateTimeParseException e) {
                throw context.weirdStringException(text, Duration.class, "not an ISO-8601 duration");
            }
        }
    }

    private static final class OptionalSerializer extends StdSerializer<Optional<?>> {
        private static final long serialVersionUID = 1L;

        @SuppressWarnings({"unchecked", "rawtypes"})
        OptionalSerializer() {
            super((Class) Optional.class);
        }

        @Override
        public void serialize(Optional<?> value, JsonGenerator generator, SerializerProvider provider)
                throws IOException {
            if (value.isPresent()) {
                provider.defaultSerializeValue(value.get(), generator);
            } else {
                generator.writeNull();
            }
        }
    }

    private static final class OptionalDeserializer extends StdDeserializer<Optional<?>>
            implements ContextualDeserializer {
        private static final long serialVersionUID = 1L;

        /** Deserializer of the content type; {@code null} until contextualized. */
        private final JsonDeserializer<Object> contentDeserializer;

        OptionalDeserializer(JsonDeserializer<Object> contentDeserializer) {
            super(Optional.class);
            this.contentDeserializer = contentDeserializer;
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext context, BeanProperty property)
                throws JsonMappingException {
            JavaType optionalType = context.getContextualType();
            if (optionalType == null && property != null) {
                optionalType = property.getType();
            }
            JavaType contentType =
                    optionalType == null ? context.constructType(Object.class) : optionalType.containedTypeOrUnknown(0);
            return new OptionalDeserializer(context.findContextualValueDeserializer(contentType, property));
        }

        @Override
        public Optional<?> deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (contentDeserializer == null) {
                throw new IllegalStateException("Optional deserializer used without its content type");
            }
            return Optional.ofNullable(contentDeserializer.deserialize(parser, context));
        }

        @Override
        public Optional<?> getNullValue(DeserializationContext context) {
            return Optional.empty();
        }
    }
}
