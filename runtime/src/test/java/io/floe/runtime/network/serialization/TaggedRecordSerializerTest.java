package io.floe.runtime.network.serialization;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.api.tuple.Tuple2;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TaggedRecordSerializerTest {

    private final TaggedRecordSerializer serializer =
            new TaggedRecordSerializer(TaggedRecordSerializerTest.class.getClassLoader());
    private final ByteBuf buffer = Unpooled.buffer();

    @AfterEach
    void releaseBuffer() {
        buffer.release();
    }

    @Test
    void writesOneTagPerBuiltInType() {
        assertTag(TaggedRecordSerializer.NULL, null, 1);
        assertTag(TaggedRecordSerializer.LONG, Long.MIN_VALUE, 9);
        assertTag(TaggedRecordSerializer.INTEGER, -7, 5);
        assertTag(TaggedRecordSerializer.STRING, "héllo", 1 + 4 + 6);
        assertTag(TaggedRecordSerializer.DOUBLE, Math.PI, 9);
        assertTag(TaggedRecordSerializer.FLOAT, 1.5f, 5);
        assertTag(TaggedRecordSerializer.BOOLEAN, true, 2);
        assertTag(TaggedRecordSerializer.SHORT, (short) -3, 3);
        assertTag(TaggedRecordSerializer.BYTE, (byte) 0x7f, 2);
        assertTag(TaggedRecordSerializer.CHARACTER, 'λ', 3);
        assertTag(TaggedRecordSerializer.BYTE_ARRAY, new byte[] {1, 2, 3}, 1 + 4 + 3);
        assertTag(TaggedRecordSerializer.TUPLE2, Tuple2.of(1L, "a"), 1 + 9 + 1 + 4 + 1);
    }

    @Test
    void roundTripsEveryBuiltInType() {
        List<Object> values = List.of(
                0L,
                Long.MAX_VALUE,
                Integer.MIN_VALUE,
                "",
                "plain",
                "日本語 and emoji \uD83D\uDE00",
                Double.NaN,
                -0.0d,
                Float.MAX_VALUE,
                false,
                true,
                Short.MIN_VALUE,
                Byte.MIN_VALUE,
                '\u0000',
                'z');
        for (Object value : values) {
            assertEquals(value, roundTrip(value), () -> "value " + value);
            assertEquals(value.getClass(), roundTrip(value).getClass());
        }
        assertNull(roundTrip(null));
        assertArrayEquals(new byte[0], (byte[]) roundTrip(new byte[0]));
        assertArrayEquals(new byte[] {-1, 0, 1}, (byte[]) roundTrip(new byte[] {-1, 0, 1}));
    }

    @Test
    void roundTripsNestedTuplesWithNullFields() {
        Tuple2<Object, Object> nested =
                Tuple2.of(Tuple2.of("word", 3L), Tuple2.of(null, Tuple2.of(1.5, new Point(1, 2))));
        assertEquals(nested, roundTrip(nested));
        assertEquals(Tuple2.of(null, null), roundTrip(Tuple2.of(null, null)));
    }

    @Test
    void fallsBackToJavaSerializationForOtherSerializables() {
        Point point = new Point(3, 4);
        serializer.serialize(point, buffer);
        assertEquals(TaggedRecordSerializer.JAVA_SERIALIZED, buffer.getByte(0));
        assertEquals(point, serializer.deserialize(buffer));

        TreeMap<String, List<Integer>> map = new TreeMap<>(Map.of("a", new ArrayList<>(List.of(1, 2))));
        assertEquals(map, roundTrip(map));
    }

    @Test
    void fallbackConsumesExactlyItsBytes() {
        serializer.serialize(new Point(5, 6), buffer);
        serializer.serialize(42L, buffer);
        assertEquals(new Point(5, 6), serializer.deserialize(buffer));
        assertEquals(42L, serializer.deserialize(buffer));
        assertFalse(buffer.isReadable());
    }

    @Test
    void resolvesFallbackClassesThroughTheUserClassLoader() {
        List<String> requested = new ArrayList<>();
        ClassLoader userLoader = new ClassLoader(getClass().getClassLoader()) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                requested.add(name);
                return super.loadClass(name, resolve);
            }
        };
        TaggedRecordSerializer userSerializer = new TaggedRecordSerializer(userLoader);
        userSerializer.serialize(new Point(7, 8), buffer);
        assertEquals(new Point(7, 8), userSerializer.deserialize(buffer));
        assertTrue(requested.contains(Point.class.getName()), () -> "user loader saw " + requested);
    }

    @Test
    void rejectsNonSerializableRecordNamingItsClass() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> serializer.serialize(new Opaque(), buffer));
        assertTrue(e.getMessage().contains(Opaque.class.getName()), e.getMessage());
        assertEquals(0, buffer.writerIndex());
    }

    @Test
    void rejectsSerializableRecordWithNonSerializableFieldNamingBothClasses() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> serializer.serialize(new Holder(new Opaque()), buffer));
        assertTrue(e.getMessage().contains(Holder.class.getName()), e.getMessage());
        assertTrue(e.getMessage().contains(Opaque.class.getName()), e.getMessage());
    }

    @Test
    void tupleWithNonSerializableFieldFailsNamingTheField() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> serializer.serialize(Tuple2.of(1L, new Opaque()), buffer));
        assertTrue(e.getMessage().contains(Opaque.class.getName()), e.getMessage());
    }

    @Test
    void unknownTagFailsClearly() {
        buffer.writeByte(99);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> serializer.deserialize(buffer));
        assertTrue(e.getMessage().contains("99"), e.getMessage());
    }

    private void assertTag(byte tag, Object value, int expectedBytes) {
        buffer.clear();
        serializer.serialize(value, buffer);
        assertEquals(tag, buffer.getByte(0), () -> "tag of " + value);
        assertEquals(expectedBytes, buffer.readableBytes(), () -> "bytes of " + value);
    }

    private Object roundTrip(Object value) {
        buffer.clear();
        serializer.serialize(value, buffer);
        Object result = serializer.deserialize(buffer);
        assertFalse(buffer.isReadable(), () -> "bytes left after " + value);
        return result;
    }

    record Point(int x, int y) implements Serializable {}

    record Holder(Object content) implements Serializable {}

    static final class Opaque {}
}
