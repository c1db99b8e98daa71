package io.floe.runtime.state;

import io.floe.runtime.network.serialization.TaggedRecordSerializer;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * Deep copies of state values, for copy-on-write while a snapshot shares them: immutable values
 * (null, strings, boxed primitives) are returned as they are, anything else makes a round trip
 * through the {@link TaggedRecordSerializer}, so whatever can be state can be copied. Used on the
 * task's thread.
 */
final class StateValueCopier {
    private final TaggedRecordSerializer serializer;
    private final ByteBuf scratch = Unpooled.buffer(256);

    StateValueCopier(TaggedRecordSerializer serializer) {
        this.serializer = serializer;
    }

    Object copy(Object value) {
        if (value == null || isImmutable(value.getClass())) {
            return value;
        }
        scratch.clear();
        serializer.serialize(value, scratch);
        return serializer.deserialize(scratch);
    }

    private static boolean isImmutable(Class<?> type) {
        return type == String.class
                || type == Long.class
                || type == Integer.class
                || type == Double.class
                || type == Boolean.class
                || type == Float.class
                || type == Short.class
                || type == Byte.class
                || type == Character.class;
    }
}
