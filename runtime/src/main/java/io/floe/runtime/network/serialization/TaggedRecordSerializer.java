package io.floe.runtime.network.serialization;

import io.floe.api.tuple.Tuple2;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufInputStream;
import io.netty.buffer.ByteBufUtil;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Serializes records that carry no static type information: every value is written as a one-byte
 * tag followed by its bytes.
 *
 * <p>Built-in tags cover null, the boxed primitives, {@link String} (length-prefixed UTF-8),
 * {@code byte[]} and {@link Tuple2} (its two fields written recursively). Any other
 * {@link Serializable} value falls back to Java serialization, read back through the user class
 * loader; that is the only place Java serialization occurs on the data plane. A value that is
 * none of these fails with an {@link IllegalArgumentException} naming its class.
 *
 * <p>Stateless apart from the class loader, so one instance may be shared by threads.
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

    private final ClassLoader userClassLoader;

    public TaggedRecordSerializer(ClassLoader userClassLoader) {
        this.userClassLoader = Objects.requireNonNull(userClassLoader, "userClassLoader");
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
            target.writeByte(LONG);
            target.writeLong((Long) record);
        } else if (type == String.class) {
            writeString((String) record, target);
        } else if (type == Tuple2.class) {
            Tuple2<?, ?> tuple = (Tuple2<?, ?>) record;
            target.writeByte(TUPLE2);
            serialize(tuple.f0, target);
            serialize(tuple.f1, target);
        } else if (type == Integer.class) {
            target.writeByte(INTEGER);
            target.writeInt((Integer) record);
        } else if (type == Double.class) {
            target.writeByte(DOUBLE);
            target.writeDouble((Double) record);
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
            writeJavaSerialized(record, target);
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

    private static void writeJavaSerialized(Object record, ByteBuf target) {
        if (!(record instanceof Serializable)) {
            throw new IllegalArgumentException(
                    "Cannot send a record of class " + record.getClass().getName()
                            + ": it is not a built-in type and does not implement java.io.Serializable");
        }
        // into a byte[] first: the length prefix must be known before the bytes
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(record);
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "Cannot Java-serialize a record of class "
                            + record.getClass().getName() + ": " + e,
                    e);
        }
        target.writeByte(JAVA_SERIALIZED);
        target.writeInt(bytes.size());
        target.writeBytes(bytes.toByteArray());
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
}
