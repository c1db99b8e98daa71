package io.floe.runtime.network.serialization;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.ByteBufferInput;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import com.esotericsoftware.kryo.serializers.ClosureSerializer;
import com.esotericsoftware.kryo.util.DefaultInstantiatorStrategy;
import com.esotericsoftware.kryo.util.Pool;
import io.floe.api.tuple.Tuple2;
import io.floe.api.tuple.Tuple3;
import io.floe.api.tuple.Tuple4;
import io.floe.api.tuple.Tuple5;
import io.floe.runtime.network.TimestampedRecord;
import io.floe.runtime.network.WatermarkEvent;
import io.floe.runtime.network.WatermarkStatus;
import io.floe.runtime.util.SortedLongMap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufInputStream;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.objenesis.strategy.StdInstantiatorStrategy;

/**
 * Serializes records that carry no static type information: every value is written as a one-byte
 * tag followed by its bytes.
 *
 * <p>Built-in tags cover null, the boxed primitives, {@link String} (length-prefixed UTF-8),
 * {@code byte[]}, {@link Tuple2} to {@link Tuple5} (their fields written recursively) and the
 * runtime's own record wrappers and state values ({@link SortedLongMap}). They are dispatched on
 * the exact class, the common ones first. Past them, two fallbacks, each writing a length-prefixed
 * block:
 *
 * <ul>
 *   <li>a {@link Serializable} value goes through Java serialization ({@code JAVA_SERIALIZED}); that
 *       is the only place Java serialization occurs on the data plane. One that holds something not
 *       Serializable (an {@code ArrayList} of POJOs) goes through Kryo instead;
 *   <li>any other value, typically a Flink-style POJO (public no-argument constructor, public fields
 *       or getters and setters), goes through Kryo ({@code KRYO}): its class name once, then its
 *       fields. Kryo needs no registration, uses the no-argument constructor when there is one and
 *       Objenesis otherwise, and skips transient fields.
 * </ul>
 *
 * <p>Both fallbacks resolve classes through the user class loader. A value neither can write fails
 * with an {@link IllegalArgumentException} naming its class.
 *
 * <p>Besides the {@link RecordSerializer} methods, {@link #toBytes}/{@link #fromBytes} give the same
 * encoding as a {@code byte[]} and {@link #copy} a deep copy (for state backends).
 *
 * <p>Thread-safe, so one instance may be shared by threads: the built-in types and Java
 * serialization keep no state, and each Kryo call borrows a Kryo instance (they are not
 * thread-safe) from a small pool owned by this serializer.
 */
public final class TaggedRecordSerializer implements RecordSerializer {

    static final byte NULL = 0;
    static final byte LONG = 1;
    static final byte INTEGER = 2;
    static final byte STRING = 3;
    static final byte DOUBLE = 4;
    static final byte FLOAT = 5;
    static final byte BOOLEAN = 6;
    static final byte SHORT = 7;
    static final byte BYTE = 8;
    static final byte CHARACTER = 9;
    static final byte BYTE_ARRAY = 10;
    static final byte TUPLE2 = 11;
    static final byte JAVA_SERIALIZED = 12;
    static final byte TUPLE3 = 13;
    static final byte TUPLE4 = 14;
    static final byte TUPLE5 = 15;
    static final byte KRYO = 16;
    /** A record with its event timestamp: the timestamp, then the record. */
    static final byte TIMESTAMPED = 17;

    static final byte WATERMARK = 18;
    static final byte WATERMARK_STATUS = 19;
    /** A {@link SortedLongMap} (state values): its size, then each key and value. */
    static final byte SORTED_LONG_MAP = 20;

    private final ClassLoader userClassLoader;
    /*
     * Kryo instances per serializer rather than in a ThreadLocal: they reference the user class loader, and
     * a ThreadLocal entry would keep it alive in any long-lived thread that ever used it (a snapshot thread
     * pool, say) after the job is gone. Creating the pool loads no Kryo or Objenesis class yet.
     */
    private final KryoPool kryoPool;

    public TaggedRecordSerializer(ClassLoader userClassLoader) {
        this.userClassLoader = Objects.requireNonNull(userClassLoader, "userClassLoader");
        this.kryoPool = new KryoPool(userClassLoader);
    }

    /** What {@link #serialize} writes for a {@code Long}, without the box (primitive state tables). */
    public static void serializeLong(long value, ByteBuf target) {
        target.writeByte(LONG);
        target.writeLong(value);
    }

    /** What {@link #serialize} writes for an {@code Integer}. */
    public static void serializeInt(int value, ByteBuf target) {
        target.writeByte(INTEGER);
        target.writeInt(value);
    }

    /** What {@link #serialize} writes for a {@code Double}. */
    public static void serializeDouble(double value, ByteBuf target) {
        target.writeByte(DOUBLE);
        target.writeDouble(value);
    }

    @Override
    public void serialize(Object record, ByteBuf target) {
        if (record == null) {
            target.writeByte(NULL);
            return;
        }
        // exact class checks: cheapest dispatch, and all of these classes are final
        Class<?> type = record.getClass();
        if (type == Long.class) {
            serializeLong((Long) record, target);
        } else if (type == String.class) {
            writeString((String) record, target);
        } else if (type == Tuple2.class) {
            Tuple2<?, ?> tuple = (Tuple2<?, ?>) record;
            target.writeByte(TUPLE2);
            serialize(tuple.f0, target);
            serialize(tuple.f1, target);
        } else if (type == Integer.class) {
            serializeInt((Integer) record, target);
        } else if (type == Double.class) {
            serializeDouble((Double) record, target);
        } else if (type == Float.class) {
            target.writeByte(FLOAT);
            target.writeFloat((Float) record);
        } else if (type == Boolean.class) {
            target.writeByte(BOOLEAN);
            target.writeBoolean((Boolean) record);
        } else if (type == Short.class) {
            target.writeByte(SHORT);
            target.writeShort((Short) record);
        } else if (type == Byte.class) {
            target.writeByte(BYTE);
            target.writeByte((Byte) record);
        } else if (type == Character.class) {
            target.writeByte(CHARACTER);
            target.writeChar((Character) record);
        } else if (type == byte[].class) {
            byte[] bytes = (byte[]) record;
            target.writeByte(BYTE_ARRAY);
            target.writeInt(bytes.length);
            target.writeBytes(bytes);
        } else {
            writeOther(record, target);
        }
    }

    @Override
    public Object deserialize(ByteBuf source) {
        byte tag = source.readByte();
        switch (tag) {
            case NULL:
                return null;
            case LONG:
                return source.readLong();
            case STRING:
                return readString(source);
            case TUPLE2: {
                Object f0 = deserialize(source);
                Object f1 = deserialize(source);
                return new Tuple2<>(f0, f1);
            }
            case INTEGER:
                return source.readInt();
            case DOUBLE:
                return source.readDouble();
            case FLOAT:
                return source.readFloat();
            case BOOLEAN:
                return source.readBoolean();
            case SHORT:
                return source.readShort();
            case BYTE:
                return source.readByte();
            case CHARACTER:
                return source.readChar();
            case BYTE_ARRAY: {
                byte[] bytes = new byte[source.readInt()];
                source.readBytes(bytes);
                return bytes;
            }
            case JAVA_SERIALIZED:
                return readJavaSerialized(source);
            default:
                return readOther(tag, source);
        }
    }

    /** The encoding of {@link #serialize} as an array, for a state backend. */
    public byte[] toBytes(Object value) {
        ByteBuf buffer = Unpooled.buffer();
        try {
            serialize(value, buffer);
            return ByteBufUtil.getBytes(buffer);
        } finally {
            buffer.release();
        }
    }

    /** Reads back one value written by {@link #toBytes}; the array must hold exactly that value. */
    public Object fromBytes(byte[] bytes) {
        ByteBuf buffer = Unpooled.wrappedBuffer(bytes);
        try {
            Object value = deserialize(buffer);
            if (buffer.isReadable()) {
                throw new IllegalStateException("Corrupt value: " + buffer.readableBytes() + " of its " + bytes.length
                        + " bytes left after reading it");
            }
            return value;
        } finally {
            buffer.release();
        }
    }

    /**
     * A copy that shares no mutable object with {@code value}, for copy-on-write state snapshots: the
     * value itself for null, the boxed primitives and {@link String}; a new tuple of copied fields for
     * {@link Tuple2} to {@link Tuple5}, and a new {@link SortedLongMap} of copied values; a deep copy
     * for anything else (a round trip through Java serialization for a {@link Serializable} value, so
     * the copy is what a restore would give; Kryo's copy otherwise).
     *
     * @throws IllegalArgumentException if the value cannot be copied, naming its class
     */
    public Object copy(Object value) {
        if (value == null) {
            return null;
        }
        Class<?> type = value.getClass();
        if (type == Long.class
                || type == String.class
                || type == Integer.class
                || type == Double.class
                || type == Float.class
                || type == Boolean.class
                || type == Short.class
                || type == Byte.class
                || type == Character.class) {
            return value;
        } else if (type == Tuple2.class) {
            Tuple2<?, ?> t = (Tuple2<?, ?>) value;
            return new Tuple2<>(copy(t.f0), copy(t.f1));
        } else if (type == Tuple3.class) {
            Tuple3<?, ?, ?> t = (Tuple3<?, ?, ?>) value;
            return new Tuple3<>(copy(t.f0), copy(t.f1), copy(t.f2));
        } else if (type == Tuple4.class) {
            Tuple4<?, ?, ?, ?> t = (Tuple4<?, ?, ?, ?>) value;
            return new Tuple4<>(copy(t.f0), copy(t.f1), copy(t.f2), copy(t.f3));
        } else if (type == Tuple5.class) {
            Tuple5<?, ?, ?, ?, ?> t = (Tuple5<?, ?, ?, ?, ?>) value;
            return new Tuple5<>(copy(t.f0), copy(t.f1), copy(t.f2), copy(t.f3), copy(t.f4));
        } else if (type == byte[].class) {
            return ((byte[]) value).clone();
        } else if (type == SortedLongMap.class) {
            SortedLongMap<?> map = (SortedLongMap<?>) value;
            SortedLongMap<Object> copy = new SortedLongMap<>(map.size());
            for (int i = 0; i < map.size(); i++) {
                copy.put(map.keyAt(i), copy(map.valueAt(i)));
            }
            return copy;
        } else if (value instanceof Serializable) {
            ByteArrayOutputStream bytes = javaSerializeUnlessAFieldIsNot(value);
            return bytes != null ? javaCopy(value, bytes) : kryoCopy(value);
        } else {
            return kryoCopy(value);
        }
    }

    /** What {@link #serialize} does past the common built-in types, out of its way. */
    private void writeOther(Object record, ByteBuf target) {
        Class<?> type = record.getClass();
        if (type == TimestampedRecord.class) {
            TimestampedRecord timestamped = (TimestampedRecord) record;
            target.writeByte(TIMESTAMPED);
            target.writeLong(timestamped.timestamp());
            serialize(timestamped.record(), target);
        } else if (type == WatermarkEvent.class) {
            target.writeByte(WATERMARK);
            target.writeLong(((WatermarkEvent) record).timestamp());
        } else if (type == WatermarkStatus.class) {
            target.writeByte(WATERMARK_STATUS);
            target.writeBoolean(((WatermarkStatus) record).isIdle());
        } else if (type == SortedLongMap.class) {
            SortedLongMap<?> map = (SortedLongMap<?>) record;
            target.writeByte(SORTED_LONG_MAP);
            target.writeInt(map.size());
            for (int i = 0; i < map.size(); i++) {
                target.writeLong(map.keyAt(i));
                serialize(map.valueAt(i), target);
            }
        } else if (type == Tuple3.class) {
            Tuple3<?, ?, ?> tuple = (Tuple3<?, ?, ?>) record;
            target.writeByte(TUPLE3);
            serialize(tuple.f0, target);
            serialize(tuple.f1, target);
            serialize(tuple.f2, target);
        } else if (type == Tuple4.class) {
            Tuple4<?, ?, ?, ?> tuple = (Tuple4<?, ?, ?, ?>) record;
            target.writeByte(TUPLE4);
            serialize(tuple.f0, target);
            serialize(tuple.f1, target);
            serialize(tuple.f2, target);
            serialize(tuple.f3, target);
        } else if (type == Tuple5.class) {
            Tuple5<?, ?, ?, ?, ?> tuple = (Tuple5<?, ?, ?, ?, ?>) record;
            target.writeByte(TUPLE5);
            serialize(tuple.f0, target);
            serialize(tuple.f1, target);
            serialize(tuple.f2, target);
            serialize(tuple.f3, target);
            serialize(tuple.f4, target);
        } else if (record instanceof Serializable) {
            ByteArrayOutputStream bytes = javaSerializeUnlessAFieldIsNot(record);
            if (bytes != null) {
                writeJavaSerialized(bytes, target);
            } else {
                writeKryo(record, target); // e.g. an ArrayList of POJOs that are not Serializable
            }
        } else {
            writeKryo(record, target);
        }
    }

    /** What {@link #deserialize} does past the common tags, out of its way. */
    private Object readOther(byte tag, ByteBuf source) {
        switch (tag) {
            case TUPLE3: {
                Object f0 = deserialize(source);
                Object f1 = deserialize(source);
                Object f2 = deserialize(source);
                return new Tuple3<>(f0, f1, f2);
            }
            case TUPLE4: {
                Object f0 = deserialize(source);
                Object f1 = deserialize(source);
                Object f2 = deserialize(source);
                Object f3 = deserialize(source);
                return new Tuple4<>(f0, f1, f2, f3);
            }
            case TUPLE5: {
                Object f0 = deserialize(source);
                Object f1 = deserialize(source);
                Object f2 = deserialize(source);
                Object f3 = deserialize(source);
                Object f4 = deserialize(source);
                return new Tuple5<>(f0, f1, f2, f3, f4);
            }
            case KRYO:
                return readKryo(source);
            case TIMESTAMPED: {
                long timestamp = source.readLong();
                return new TimestampedRecord(deserialize(source), timestamp);
            }
            case WATERMARK: {
                long timestamp = source.readLong();
                return timestamp == Long.MAX_VALUE ? WatermarkEvent.MAX : new WatermarkEvent(timestamp);
            }
            case WATERMARK_STATUS:
                return WatermarkStatus.of(source.readBoolean());
            case SORTED_LONG_MAP: {
                int size = source.readInt();
                SortedLongMap<Object> map = new SortedLongMap<>(size);
                for (int i = 0; i < size; i++) {
                    long key = source.readLong();
                    map.put(key, deserialize(source));
                }
                return map;
            }
            default:
                throw new IllegalStateException("Unknown record tag " + tag + " at byte " + (source.readerIndex() - 1)
                        + ": the writer used a different serializer");
        }
    }

    private static void writeString(String value, ByteBuf target) {
        int utf8Length = ByteBufUtil.utf8Bytes(value);
        target.writeByte(STRING);
        target.writeInt(utf8Length);
        ByteBufUtil.reserveAndWriteUtf8(target, value, utf8Length);
    }

    private static String readString(ByteBuf source) {
        int length = source.readInt();
        String value = source.toString(source.readerIndex(), length, StandardCharsets.UTF_8);
        source.skipBytes(length);
        return value;
    }

    /** Java serialization of {@code record}, or null when something it holds is not Serializable. */
    private static ByteArrayOutputStream javaSerializeUnlessAFieldIsNot(Object record) {
        try {
            return javaSerialize(record);
        } catch (IllegalArgumentException e) {
            if (e.getCause() instanceof NotSerializableException) {
                return null;
            }
            throw e;
        }
    }

    private static void writeJavaSerialized(ByteArrayOutputStream bytes, ByteBuf target) {
        // into a byte[] first: the length prefix must be known before the bytes
        target.writeByte(JAVA_SERIALIZED);
        target.writeInt(bytes.size());
        target.writeBytes(bytes.toByteArray());
    }

    private static ByteArrayOutputStream javaSerialize(Object record) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(record);
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "Cannot Java-serialize a record of class "
                            + record.getClass().getName() + ": " + e,
                    e);
        }
        return bytes;
    }

    private Object javaCopy(Object value, ByteArrayOutputStream serialized) {
        try {
            return javaDeserialize(serialized.toByteArray(), userClassLoader);
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalArgumentException(
                    "Cannot copy a value of class " + value.getClass().getName()
                            + ": Java deserialization of its copy failed: " + e,
                    e);
        }
    }

    private static Object javaDeserialize(byte[] bytes, ClassLoader userClassLoader)
            throws IOException, ClassNotFoundException {
        try (ObjectInputStream in =
                new ClassLoaderObjectInputStream(new ByteArrayInputStream(bytes), userClassLoader)) {
            return in.readObject();
        }
    }

    private Object readJavaSerialized(ByteBuf source) {
        int length = source.readInt();
        int end = source.readerIndex() + length;
        try (ObjectInputStream in =
                new ClassLoaderObjectInputStream(new ByteBufInputStream(source, length, false), userClassLoader)) {
            return in.readObject();
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException("Cannot Java-deserialize a record: " + e, e);
        } finally {
            source.readerIndex(end);
        }
    }

    private void writeKryo(Object record, ByteBuf target) {
        KryoCodec codec = kryoPool.obtain();
        boolean reusable = false;
        try {
            // into the codec's array first: the length prefix must be known before the bytes, and a failed
            // write must leave nothing in the target
            Output output = codec.output;
            output.reset();
            try {
                codec.kryo.writeClassAndObject(output, record);
            } catch (RuntimeException e) {
                throw notKryoSerializable("serialize a record", record.getClass(), e);
            }
            target.writeByte(KRYO);
            target.writeInt(output.position());
            target.writeBytes(output.getBuffer(), 0, output.position());
            codec.shrinkOutput();
            reusable = true;
        } finally {
            // a Kryo that failed may be left mid-graph: it is dropped, the pool makes a fresh one
            if (reusable) {
                kryoPool.free(codec);
            }
        }
    }

    private Object readKryo(ByteBuf source) {
        int length = source.readInt();
        int start = source.readerIndex();
        KryoCodec codec = kryoPool.obtain();
        boolean reusable = false;
        try {
            Input input;
            if (source.hasArray()) {
                input = codec.heapInput;
                input.setBuffer(source.array(), source.arrayOffset() + start, length);
            } else {
                // a direct buffer is read in place, not copied out first
                input = codec.directInput;
                codec.directInput.setBuffer(source.nioBuffer(start, length));
            }
            Object value;
            try {
                value = codec.kryo.readClassAndObject(input);
            } catch (RuntimeException e) {
                throw new IllegalStateException("Cannot Kryo-deserialize a record: " + e, e);
            }
            int unread = input.limit() - input.position();
            if (unread != 0) {
                throw new IllegalStateException("Corrupt Kryo record of class " + className(value) + ": read "
                        + (length - unread) + " of its " + length + " bytes (did the writer have another version"
                        + " of the class?)");
            }
            codec.releaseInput(input);
            reusable = true;
            return value;
        } finally {
            source.readerIndex(start + length);
            if (reusable) {
                kryoPool.free(codec);
            }
        }
    }

    private Object kryoCopy(Object value) {
        KryoCodec codec = kryoPool.obtain();
        try {
            Object copy = codec.kryo.copy(value);
            kryoPool.free(codec);
            return copy;
        } catch (RuntimeException e) {
            throw notKryoSerializable("copy a value", value.getClass(), e);
        }
    }

    private static IllegalArgumentException notKryoSerializable(String what, Class<?> type, RuntimeException e) {
        return new IllegalArgumentException(
                "Cannot " + what + " of class " + type.getName() + ": it does not implement java.io.Serializable,"
                        + " and Kryo, the fallback for such classes, failed on it (" + e + "). Make it a POJO"
                        + " (public no-argument constructor, fields of serializable types, the others transient)"
                        + " or implement java.io.Serializable",
                e);
    }

    private static String className(Object value) {
        return value == null ? "null" : value.getClass().getName();
    }

    /** The Kryo instances of one serializer; Kryo and Objenesis are loaded when the first is made. */
    private static final class KryoPool extends Pool<KryoCodec> {
        // more than the threads that share a serializer (its task's, later a snapshot thread); a
        // surplus instance is simply not kept
        private static final int MAX_IDLE = 8;

        private final ClassLoader userClassLoader;

        KryoPool(ClassLoader userClassLoader) {
            super(true, false, MAX_IDLE);
            this.userClassLoader = userClassLoader;
        }

        @Override
        protected KryoCodec create() {
            return new KryoCodec(userClassLoader);
        }
    }

    /**
     * Lambdas inside a Kryo record. A serializable one goes through Java serialization (Kryo's own
     * ClosureSerializer would need java.lang.invoke opened to it). Any other fails on the writer:
     * without this, Kryo would write the lambda's fields and the reader fail, as no class loader can
     * find a lambda's hidden class by its name.
     */
    private static final class LambdaSerializer extends Serializer<Object> {
        private final ClassLoader userClassLoader;

        LambdaSerializer(ClassLoader userClassLoader) {
            this.userClassLoader = userClassLoader;
        }

        @Override
        public void write(Kryo kryo, Output output, Object lambda) {
            byte[] bytes = javaSerialize(requireSerializable(lambda)).toByteArray();
            output.writeVarInt(bytes.length, true);
            output.writeBytes(bytes);
        }

        @Override
        public Object read(Kryo kryo, Input input, Class<?> type) {
            return deserialize(input.readBytes(input.readVarInt(true)));
        }

        @Override
        public Object copy(Kryo kryo, Object lambda) {
            return deserialize(javaSerialize(requireSerializable(lambda)).toByteArray());
        }

        private static Object requireSerializable(Object lambda) {
            if (!(lambda instanceof Serializable)) {
                throw new KryoException("the lambda " + lambda.getClass().getName() + " is not Serializable: use"
                        + " a named class, or a lambda of an interface that extends java.io.Serializable");
            }
            return lambda;
        }

        private Object deserialize(byte[] bytes) {
            try {
                return javaDeserialize(bytes, userClassLoader);
            } catch (IOException | ClassNotFoundException e) {
                throw new KryoException("Cannot Java-deserialize a lambda: " + e, e);
            }
        }
    }

    /** One Kryo instance with its reusable input and output; used by one thread at a time. */
    private static final class KryoCodec {
        private static final int INITIAL_OUTPUT_BYTES = 4096;
        // an output grown past this by a large record is not kept for the next one
        private static final int MAX_RETAINED_OUTPUT_BYTES = 1 << 20;
        private static final byte[] NO_BYTES = new byte[0];
        private static final ByteBuffer NO_BUFFER = ByteBuffer.allocate(0);

        final Kryo kryo = new Kryo();
        final Output output = new Output(INITIAL_OUTPUT_BYTES, -1);
        final Input heapInput = new Input();
        final ByteBufferInput directInput = new ByteBufferInput();

        KryoCodec(ClassLoader userClassLoader) {
            kryo.setRegistrationRequired(false);
            // References on, as with Java serialization, the other fallback: a POJO graph with a cycle (a
            // child pointing back at its parent) works instead of overflowing the stack, an object reached
            // twice comes back as one, and copy() keeps that sharing. The cost, an identity map per record,
            // is paid only on this fallback path.
            kryo.setReferences(true);
            kryo.setClassLoader(userClassLoader);
            kryo.setInstantiatorStrategy(new DefaultInstantiatorStrategy(new StdInstantiatorStrategy()));
            // Kryo writes any lambda (a field of a POJO, say) as a ClosureSerializer.Closure
            kryo.register(ClosureSerializer.Closure.class, new LambdaSerializer(userClassLoader));
        }

        void shrinkOutput() {
            if (output.getBuffer().length > MAX_RETAINED_OUTPUT_BYTES) {
                output.setBuffer(new byte[INITIAL_OUTPUT_BYTES], -1);
            }
        }

        /** Lets go of the record's buffer, so an idle codec pins no network buffer. */
        void releaseInput(Input input) {
            if (input == heapInput) {
                heapInput.setBuffer(NO_BYTES);
            } else {
                directInput.setBuffer(NO_BUFFER);
            }
        }
    }
}
