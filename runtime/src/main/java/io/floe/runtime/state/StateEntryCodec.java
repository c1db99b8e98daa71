package io.floe.runtime.state;

import io.floe.api.state.StateDescriptor;
import io.floe.runtime.network.serialization.TaggedRecordSerializer;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How one table entry of a heap state is written in a snapshot, per kind of state: a value (with
 * its last-access time when the state expires), a list of them, or a map of them. Keys and values
 * are written with the {@link TaggedRecordSerializer}, so any record type Floe can send can be
 * state. Stateless.
 */
final class StateEntryCodec {
    private StateEntryCodec() {}

    static void write(
            StateDescriptor.Type type, boolean timed, Object entry, TaggedRecordSerializer serializer, ByteBuf out) {
        switch (type) {
            case VALUE, REDUCING, AGGREGATING -> writeValue(timed, entry, serializer, out);
            case LIST -> {
                List<?> elements = (List<?>) entry;
                out.writeInt(elements.size());
                for (Object element : elements) {
                    writeValue(timed, element, serializer, out);
                }
            }
            case MAP -> {
                Map<?, ?> map = (Map<?, ?>) entry;
                out.writeInt(map.size());
                for (Map.Entry<?, ?> mapEntry : map.entrySet()) {
                    serializer.serialize(mapEntry.getKey(), out);
                    writeValue(timed, mapEntry.getValue(), serializer, out);
                }
            }
        }
    }

    static Object read(StateDescriptor.Type type, boolean timed, TaggedRecordSerializer serializer, ByteBuf in) {
        return switch (type) {
            case VALUE, REDUCING, AGGREGATING -> readValue(timed, serializer, in);
            case LIST -> {
                int size = in.readInt();
                List<Object> elements = new ArrayList<>(size);
                for (int i = 0; i < size; i++) {
                    elements.add(readValue(timed, serializer, in));
                }
                yield elements;
            }
            case MAP -> {
                int size = in.readInt();
                Map<Object, Object> map = new HashMap<>(Math.max(4, size * 4 / 3 + 1));
                for (int i = 0; i < size; i++) {
                    Object key = serializer.deserialize(in);
                    map.put(key, readValue(timed, serializer, in));
                }
                yield map;
            }
        };
    }

    /**
     * The entry with time-to-live added (each value stamped {@code now}) or removed: for a state
     * restored from a snapshot written with the other setting.
     */
    @SuppressWarnings("unchecked")
    static Object convertTtl(StateDescriptor.Type type, Object entry, boolean toTimed, long now) {
        return switch (type) {
            case VALUE, REDUCING, AGGREGATING -> convertValue(entry, toTimed, now);
            case LIST -> {
                List<Object> converted = new ArrayList<>();
                for (Object element : (List<Object>) entry) {
                    converted.add(convertValue(element, toTimed, now));
                }
                yield converted;
            }
            case MAP -> {
                Map<Object, Object> converted = new HashMap<>();
                ((Map<Object, Object>) entry).forEach((k, v) -> converted.put(k, convertValue(v, toTimed, now)));
                yield converted;
            }
        };
    }

    private static Object convertValue(Object value, boolean toTimed, long now) {
        return toTimed ? new TtlValue(value, now) : ((TtlValue) value).value();
    }

    private static void writeValue(boolean timed, Object value, TaggedRecordSerializer serializer, ByteBuf out) {
        if (timed) {
            TtlValue timedValue = (TtlValue) value;
            out.writeLong(timedValue.lastAccess());
            serializer.serialize(timedValue.value(), out);
        } else {
            serializer.serialize(value, out);
        }
    }

    private static Object readValue(boolean timed, TaggedRecordSerializer serializer, ByteBuf in) {
        if (timed) {
            long lastAccess = in.readLong();
            return new TtlValue(serializer.deserialize(in), lastAccess);
        }
        return serializer.deserialize(in);
    }
}
