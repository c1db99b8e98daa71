package io.floe.runtime.state;

import io.floe.runtime.network.serialization.TaggedRecordSerializer;
import io.netty.buffer.ByteBuf;

/**
 * The entry of a {@code ValueState<Long>}, {@code <Integer>} or {@code <Double>} without
 * time-to-live: the value lives in a primitive field, so an update writes a {@code long} into an
 * object that is already in the table instead of storing a new boxed value into it. Storing a
 * young object into the long-lived table costs a G1 write barrier and card refinement per
 * update; with a million counters that was a third of the CPU of W4. A snapshot copies the
 * values out of the cells when it freezes the table ({@link HeapValueState#freeze}), so cells
 * change in place even while one is written.
 */
final class LongCell {
    long bits;

    LongCell(long bits) {
        this.bits = bits;
    }

    /** The boxed types kept in cells, and how their values map to the cell's {@code long}. */
    enum Type {
        LONG,
        INTEGER,
        DOUBLE;

        /** The cell type of a state's value class, or null when its values stay objects. */
        static Type of(Class<?> valueClass) {
            if (valueClass == Long.class || valueClass == long.class) {
                return LONG;
            } else if (valueClass == Integer.class || valueClass == int.class) {
                return INTEGER;
            } else if (valueClass == Double.class || valueClass == double.class) {
                return DOUBLE;
            }
            return null;
        }

        long toBits(Object value) {
            return switch (this) {
                case LONG -> (Long) value;
                case INTEGER -> (Integer) value;
                case DOUBLE -> Double.doubleToRawLongBits((Double) value);
            };
        }

        /** Writes the value as the record serializer writes its box, without making the box. */
        void write(long bits, ByteBuf out) {
            switch (this) {
                case LONG -> TaggedRecordSerializer.serializeLong(bits, out);
                case INTEGER -> TaggedRecordSerializer.serializeInt((int) bits, out);
                case DOUBLE -> TaggedRecordSerializer.serializeDouble(Double.longBitsToDouble(bits), out);
            }
        }

        Object fromBits(long bits) {
            return switch (this) {
                case LONG -> (Long) bits;
                case INTEGER -> (Integer) (int) bits;
                case DOUBLE -> (Double) Double.longBitsToDouble(bits);
            };
        }
    }
}
