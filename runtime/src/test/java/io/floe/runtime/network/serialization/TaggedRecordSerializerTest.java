package io.floe.runtime.network.serialization;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.api.tuple.Tuple2;
import io.floe.api.tuple.Tuple3;
import io.floe.api.tuple.Tuple4;
import io.floe.api.tuple.Tuple5;
import io.floe.runtime.util.SortedLongMap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.IntUnaryOperator;
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
        assertTag(TaggedRecordSerializer.TUPLE3, Tuple3.of(1L, "a", 2), 1 + 9 + 6 + 5);
        assertTag(TaggedRecordSerializer.TUPLE4, Tuple4.of(1L, "a", 2, null), 1 + 9 + 6 + 5 + 1);
        assertTag(TaggedRecordSerializer.TUPLE5, Tuple5.of(1L, "a", 2, null, true), 1 + 9 + 6 + 5 + 1 + 2);
    }

    @Test
    void tagsKeepTheirNumbers() {
        // written by one version, read by another: a tag never changes its number
        byte[] tags = {
            TaggedRecordSerializer.NULL,
            TaggedRecordSerializer.LONG,
            TaggedRecordSerializer.INTEGER,
            TaggedRecordSerializer.STRING,
            TaggedRecordSerializer.DOUBLE,
            TaggedRecordSerializer.FLOAT,
            TaggedRecordSerializer.BOOLEAN,
            TaggedRecordSerializer.SHORT,
            TaggedRecordSerializer.BYTE,
            TaggedRecordSerializer.CHARACTER,
            TaggedRecordSerializer.BYTE_ARRAY,
            TaggedRecordSerializer.TUPLE2,
            TaggedRecordSerializer.JAVA_SERIALIZED,
            TaggedRecordSerializer.TUPLE3,
            TaggedRecordSerializer.TUPLE4,
            TaggedRecordSerializer.TUPLE5,
            TaggedRecordSerializer.KRYO,
            TaggedRecordSerializer.TIMESTAMPED,
            TaggedRecordSerializer.WATERMARK,
            TaggedRecordSerializer.WATERMARK_STATUS,
            TaggedRecordSerializer.SORTED_LONG_MAP
        };
        for (int i = 0; i < tags.length; i++) {
            assertEquals(i, tags[i]);
        }
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
    void roundTripsTuple3To5() {
        Tuple3<String, Long, Double> t3 = Tuple3.of("a", 1L, 2.5);
        Tuple4<String, Integer, Boolean, byte[]> t4 = Tuple4.of("b", 2, true, null);
        Tuple5<Object, Object, Object, Object, Object> t5 =
                Tuple5.of(Tuple2.of("x", 1L), t3, null, 'c', Tuple5.of(null, null, null, null, null));
        assertEquals(t3, roundTrip(t3));
        assertEquals(t4, roundTrip(t4));
        assertEquals(t5, roundTrip(t5));
        assertEquals(Tuple3.class, roundTrip(t3).getClass());
        assertEquals(Tuple4.of(null, null, null, null), roundTrip(new Tuple4<>()));
    }

    @Test
    void tuplesCarryPojoFields() {
        PublicFieldsPojo pojo = PublicFieldsPojo.sample();
        Tuple3<String, PublicFieldsPojo, Point> tuple = Tuple3.of("k", pojo, new Point(1, 2));
        assertEquals(tuple, roundTrip(tuple));
    }

    @Test
    void fallsBackToKryoForPojoWithPublicFields() {
        PublicFieldsPojo pojo = PublicFieldsPojo.sample();
        serializer.serialize(pojo, buffer);
        assertEquals(TaggedRecordSerializer.KRYO, buffer.getByte(0));
        assertEquals(buffer.readableBytes() - 5, buffer.getInt(1), "length prefix");
        Object back = serializer.deserialize(buffer);
        assertEquals(pojo, back);
        assertNotSame(pojo, back);
        assertFalse(buffer.isReadable());
    }

    @Test
    void fallsBackToKryoForPojoWithGettersAndSetters() {
        BeanPojo bean = new BeanPojo();
        bean.setName("bean");
        bean.setCount(-12);
        bean.setRatio(0.25);
        assertEquals(bean, roundTrip(bean));
        assertEquals(TaggedRecordSerializer.KRYO, buffer.getByte(0));
    }

    @Test
    void fallsBackToKryoForNestedListsMapsAndPojos() {
        NestedPojo nested = new NestedPojo();
        nested.id = "outer";
        nested.children = new ArrayList<>(List.of(PublicFieldsPojo.sample(), new PublicFieldsPojo()));
        nested.child = PublicFieldsPojo.sample();
        nested.attributes = new HashMap<>(Map.of("a", 1L, "b", 2L));
        nested.immutableTags = List.of("x", "y");
        nested.tuple = Tuple2.of("t", 3L);
        assertEquals(nested, roundTrip(nested));
    }

    @Test
    void kryoKeepsSharedReferencesAndCycles() {
        Node parent = new Node();
        Node child = new Node();
        parent.name = "parent";
        child.name = "child";
        parent.next = child;
        child.next = parent;
        Node back = (Node) roundTrip(parent);
        assertEquals("parent", back.name);
        assertEquals("child", back.next.name);
        assertSame(back, back.next.next);
    }

    @Test
    void kryoRecordsFromADirectBufferConsumeExactlyTheirBytes() {
        ByteBuf direct = PooledByteBufAllocator.DEFAULT.directBuffer(64);
        try {
            direct.writeByte(7); // not at index 0: the record must be read where it starts
            direct.readByte();
            serializer.serialize(PublicFieldsPojo.sample(), direct);
            serializer.serialize(42L, direct);
            assertEquals(PublicFieldsPojo.sample(), serializer.deserialize(direct));
            assertEquals(42L, serializer.deserialize(direct));
            assertFalse(direct.isReadable());
        } finally {
            direct.release();
        }
    }

    @Test
    void resolvesKryoClassesThroughTheUserClassLoader() throws Exception {
        // a class only the user loader defines: found through any other loader, it would be another class
        ClassLoader userLoader = new ChildFirstLoader(getClass().getClassLoader(), IsolatedPojo.class.getName());
        Class<?> isolated = Class.forName(IsolatedPojo.class.getName(), true, userLoader);
        assertNotSame(IsolatedPojo.class, isolated);
        // package-private in another runtime package, as far as this test class is concerned
        Constructor<?> constructor = isolated.getConstructor();
        constructor.setAccessible(true);
        Field value = isolated.getField("value");
        value.setAccessible(true);
        Object pojo = constructor.newInstance();
        value.set(pojo, "from the user jar");

        TaggedRecordSerializer userSerializer = new TaggedRecordSerializer(userLoader);
        userSerializer.serialize(pojo, buffer);
        assertEquals(TaggedRecordSerializer.KRYO, buffer.getByte(0));
        Object back = userSerializer.deserialize(buffer);
        assertSame(isolated, back.getClass());
        assertEquals("from the user jar", value.get(back));
        assertSame(isolated, userSerializer.copy(pojo).getClass());
    }

    @Test
    void kryoSerializerIsSafeToShareBetweenThreads() throws Exception {
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        for (int t = 0; t < 4; t++) {
            int id = t;
            threads.add(new Thread(() -> {
                try {
                    for (int i = 0; i < 2_000; i++) {
                        PublicFieldsPojo pojo = PublicFieldsPojo.sample();
                        pojo.count = id * 100_000 + i;
                        assertEquals(pojo, serializer.fromBytes(serializer.toBytes(pojo)));
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void toBytesAndFromBytesRoundTrip() {
        List<Object> values = List.of(
                17L, "state", Tuple2.of("a", 1L), Tuple5.of(1, 2, 3, 4, 5), new Point(1, 2), PublicFieldsPojo.sample());
        for (Object value : values) {
            byte[] bytes = serializer.toBytes(value);
            assertEquals(value, serializer.fromBytes(bytes), () -> "value " + value);
        }
        assertNull(serializer.fromBytes(serializer.toBytes(null)));
        assertArrayEquals(new byte[] {TaggedRecordSerializer.LONG, 0, 0, 0, 0, 0, 0, 0, 9}, serializer.toBytes(9L));
    }

    @Test
    void fromBytesRejectsTrailingBytes() {
        byte[] bytes = serializer.toBytes(1L);
        byte[] longer = Arrays.copyOf(bytes, bytes.length + 1);
        assertThrows(IllegalStateException.class, () -> serializer.fromBytes(longer));
    }

    @Test
    void copyReturnsImmutableValuesThemselves() {
        String text = new String("not interned");
        assertSame(text, serializer.copy(text));
        Long big = 1_000_000L;
        assertSame(big, serializer.copy(big));
        Double d = 2.5;
        assertSame(d, serializer.copy(d));
        assertNull(serializer.copy(null));
    }

    @Test
    void copyOfAMutablePojoIsEqualButNotTheSame() {
        NestedPojo original = new NestedPojo();
        original.id = "o";
        original.child = PublicFieldsPojo.sample();
        original.children = new ArrayList<>(List.of(PublicFieldsPojo.sample()));
        NestedPojo copy = (NestedPojo) serializer.copy(original);
        assertEquals(original, copy);
        assertNotSame(original, copy);
        assertNotSame(original.child, copy.child);
        assertNotSame(original.children, copy.children);
        copy.child.count = 99;
        assertEquals(PublicFieldsPojo.sample(), original.child, "the copy shares nothing mutable");
    }

    @Test
    void aSortedLongMapRoundTripsAndCopiesItsValues() {
        SortedLongMap<Object> panes = new SortedLongMap<>();
        panes.put(2000L, PublicFieldsPojo.sample());
        panes.put(-1000L, Tuple2.of("a", 1L));
        panes.put(0L, null);
        Object read = roundTrip(panes);
        assertEquals(panes, read);
        assertEquals(-1000L, ((SortedLongMap<?>) read).keyAt(0), "still sorted by key");
        assertEquals(TaggedRecordSerializer.SORTED_LONG_MAP, serializer.toBytes(panes)[0]);

        @SuppressWarnings("unchecked")
        SortedLongMap<Object> copy = (SortedLongMap<Object>) serializer.copy(panes);
        assertEquals(panes, copy);
        assertNotSame(panes, copy);
        assertNotSame(panes.get(2000L), copy.get(2000L), "a mutable value is copied too");
        copy.put(3000L, "new");
        assertEquals(3, panes.size(), "the copy shares no array with the original");
    }

    @Test
    void copyOfTuplesCopiesTheirFields() {
        PublicFieldsPojo pojo = PublicFieldsPojo.sample();
        Tuple4<String, PublicFieldsPojo, Long, Tuple2<String, PublicFieldsPojo>> tuple =
                Tuple4.of("k", pojo, 3L, Tuple2.of("inner", pojo));
        @SuppressWarnings("unchecked")
        Tuple4<String, PublicFieldsPojo, Long, Tuple2<String, PublicFieldsPojo>> copy =
                (Tuple4<String, PublicFieldsPojo, Long, Tuple2<String, PublicFieldsPojo>>) serializer.copy(tuple);
        assertEquals(tuple, copy);
        assertNotSame(tuple, copy);
        assertSame(tuple.f0, copy.f0);
        assertNotSame(tuple.f1, copy.f1);
        assertNotSame(tuple.f3, copy.f3);
        assertNotSame(tuple.f3.f1, copy.f3.f1);
    }

    @Test
    void copyOfSerializablesAndArraysIsDeep() {
        TreeMap<String, List<Integer>> map = new TreeMap<>(Map.of("a", new ArrayList<>(List.of(1, 2))));
        @SuppressWarnings("unchecked")
        TreeMap<String, List<Integer>> copy = (TreeMap<String, List<Integer>>) serializer.copy(map);
        assertEquals(map, copy);
        assertNotSame(map.get("a"), copy.get("a"));
        byte[] bytes = {1, 2, 3};
        byte[] bytesCopy = (byte[]) serializer.copy(bytes);
        assertArrayEquals(bytes, bytesCopy);
        assertNotSame(bytes, bytesCopy);
    }

    @Test
    void classKryoCannotHandleFailsNamingItAndSayingWhatToDo() {
        // Kryo would have to reach into the thread's internals (its context class loader's jdk.internal fields),
        // which java.base does not open to it, not even with the --add-opens Floe's JVMs run with
        WithThread record = new WithThread();
        record.worker = new Thread(() -> {});
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> serializer.serialize(record, buffer));
        assertTrue(e.getMessage().contains(WithThread.class.getName()), e.getMessage());
        assertTrue(e.getMessage().contains("public no-argument constructor"), e.getMessage());
        assertTrue(e.getMessage().contains("implement java.io.Serializable"), e.getMessage());
        assertEquals(0, buffer.writerIndex(), "nothing written");

        IllegalArgumentException copyFailure =
                assertThrows(IllegalArgumentException.class, () -> serializer.copy(record));
        assertTrue(copyFailure.getMessage().contains(WithThread.class.getName()), copyFailure.getMessage());

        // the serializer is still usable afterwards
        assertEquals(PublicFieldsPojo.sample(), roundTrip(PublicFieldsPojo.sample()));
    }

    @Test
    void pojoWithANonSerializableLambdaFailsOnTheWriter() {
        // Kryo alone would write it, and the reader fail: no class loader finds a lambda's class by its name
        WithFunction record = new WithFunction();
        int offset = 5;
        record.function = x -> x + offset;
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> serializer.serialize(record, buffer));
        assertTrue(e.getMessage().contains(WithFunction.class.getName()), e.getMessage());
        assertTrue(e.getMessage().contains("is not Serializable"), e.getMessage());
        assertEquals(0, buffer.writerIndex(), "nothing written");
        assertThrows(IllegalArgumentException.class, () -> serializer.copy(record));
    }

    @Test
    void pojoWithASerializableLambdaRoundTrips() {
        WithFunction record = new WithFunction();
        int offset = 5;
        record.function = (SerializableFunction) x -> x + offset;
        WithFunction back = (WithFunction) roundTrip(record);
        assertEquals(15, back.function.applyAsInt(10));
        WithFunction copy = (WithFunction) serializer.copy(record);
        assertEquals(15, copy.function.applyAsInt(10));
    }

    @Test
    void transientFieldsThatKryoCannotHandleAreSkipped() {
        WithTransientThread record = new WithTransientThread();
        record.name = "kept";
        record.worker = new Thread(() -> {});
        WithTransientThread back = (WithTransientThread) roundTrip(record);
        assertEquals("kept", back.name);
        assertNull(back.worker);
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
    void sendsNonSerializableRecordThroughKryo() {
        serializer.serialize(new Opaque(), buffer);
        assertEquals(TaggedRecordSerializer.KRYO, buffer.getByte(0));
        assertEquals(Opaque.class, serializer.deserialize(buffer).getClass());
        assertFalse(buffer.isReadable());
    }

    @Test
    void aSerializableRecordWithAFieldThatIsNotGoesThroughKryo() {
        serializer.serialize(new Holder(new Opaque()), buffer);
        assertEquals(TaggedRecordSerializer.KRYO, buffer.getByte(0), "Java serialization would fail on the field");
        assertEquals(Holder.class, serializer.deserialize(buffer).getClass());
        assertFalse(buffer.isReadable());
    }

    @Test
    void tupleWithAFieldKryoCannotHandleFailsNamingTheField() {
        WithThread field = new WithThread();
        field.worker = new Thread(() -> {});
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> serializer.serialize(Tuple3.of(1L, "a", field), buffer));
        assertTrue(e.getMessage().contains(WithThread.class.getName()), e.getMessage());
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

    @Test
    void aSerializableListOfPojosThatAreNotGoesThroughKryo() {
        TaggedRecordSerializer serializer =
                new TaggedRecordSerializer(getClass().getClassLoader());
        ArrayList<Object> pojos = new ArrayList<>(List.of(new Opaque(), new Opaque()));
        io.netty.buffer.ByteBuf buffer = io.netty.buffer.Unpooled.buffer();
        serializer.serialize(pojos, buffer);
        assertEquals(TaggedRecordSerializer.KRYO, buffer.getByte(0), "not Java serialization, which would fail");
        Object back = serializer.deserialize(buffer);
        assertEquals(2, ((List<?>) back).size());
        assertInstanceOf(Opaque.class, ((List<?>) back).get(0));
        Object copy = serializer.copy(pojos);
        assertNotSame(pojos.get(0), ((List<?>) copy).get(0));
    }

    static final class Opaque {}

    /** Not Serializable, public fields: a Flink-style POJO. */
    public static final class PublicFieldsPojo {
        public String name;
        public int count;
        public long total;
        public double score;
        public boolean active;
        public Integer boxed;
        public int[] histogram;

        public PublicFieldsPojo() {}

        static PublicFieldsPojo sample() {
            PublicFieldsPojo pojo = new PublicFieldsPojo();
            pojo.name = "pojo é";
            pojo.count = 7;
            pojo.total = Long.MIN_VALUE;
            pojo.score = -1.5e300;
            pojo.active = true;
            pojo.histogram = new int[] {3, 0, -1};
            return pojo;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof PublicFieldsPojo p
                    && Objects.equals(name, p.name)
                    && count == p.count
                    && total == p.total
                    && Double.compare(score, p.score) == 0
                    && active == p.active
                    && Objects.equals(boxed, p.boxed)
                    && Arrays.equals(histogram, p.histogram);
        }

        @Override
        public int hashCode() {
            return Objects.hash(name, count, total);
        }

        @Override
        public String toString() {
            return "PublicFieldsPojo(" + name + "," + count + ")";
        }
    }

    /** Not Serializable, private fields behind getters and setters. */
    public static final class BeanPojo {
        private String name;
        private int count;
        private double ratio;

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public int getCount() {
            return count;
        }

        public void setCount(int count) {
            this.count = count;
        }

        public double getRatio() {
            return ratio;
        }

        public void setRatio(double ratio) {
            this.ratio = ratio;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof BeanPojo b
                    && Objects.equals(name, b.name)
                    && count == b.count
                    && Double.compare(ratio, b.ratio) == 0;
        }

        @Override
        public int hashCode() {
            return Objects.hash(name, count, ratio);
        }
    }

    /** Not Serializable, with nested collections, a nested POJO and a tuple. */
    public static final class NestedPojo {
        public String id;
        public List<PublicFieldsPojo> children;
        public PublicFieldsPojo child;
        public Map<String, Long> attributes;
        public List<String> immutableTags;
        public Tuple2<String, Long> tuple;

        @Override
        public boolean equals(Object o) {
            return o instanceof NestedPojo n
                    && Objects.equals(id, n.id)
                    && Objects.equals(children, n.children)
                    && Objects.equals(child, n.child)
                    && Objects.equals(attributes, n.attributes)
                    && Objects.equals(immutableTags, n.immutableTags)
                    && Objects.equals(tuple, n.tuple);
        }

        @Override
        public int hashCode() {
            return Objects.hash(id, child);
        }
    }

    public static final class Node {
        public String name;
        public Node next;
    }

    public static final class WithThread {
        public Thread worker;
    }

    public static final class WithFunction {
        public IntUnaryOperator function;
    }

    interface SerializableFunction extends IntUnaryOperator, Serializable {}

    public static final class WithTransientThread {
        public String name;
        public transient Thread worker;
    }

    /** Defines the named classes itself, from the parent's class files, and delegates the rest. */
    static final class ChildFirstLoader extends ClassLoader {
        private final List<String> own;

        ChildFirstLoader(ClassLoader parent, String... own) {
            super(parent);
            this.own = List.of(own);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!own.contains(name)) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                if (loaded == null) {
                    String resource = name.replace('.', '/') + ".class";
                    try (InputStream in = getParent().getResourceAsStream(resource)) {
                        if (in == null) {
                            throw new ClassNotFoundException(name);
                        }
                        byte[] bytes = in.readAllBytes();
                        loaded = defineClass(name, bytes, 0, bytes.length);
                    } catch (IOException e) {
                        throw new ClassNotFoundException(name, e);
                    }
                }
                return loaded;
            }
        }
    }
}

/**
 * Loaded a second time, by {@link TaggedRecordSerializerTest.ChildFirstLoader}: a top-level class, as a
 * user jar's would be (a nested one would need its enclosing test class, which only the app loader has).
 */
final class IsolatedPojo {
    public String value;

    public IsolatedPojo() {}
}
