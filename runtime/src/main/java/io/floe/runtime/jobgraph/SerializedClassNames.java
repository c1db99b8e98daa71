package io.floe.runtime.jobgraph;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.ObjectStreamConstants;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The names of the classes a Java-serialized object graph refers to, read from the stream's class
 * descriptors without creating any object: the JobManager checks that a submitted job's operators
 * can be loaded from its jars, and must not run the job's code (static initializers, readObject)
 * to find out. Follows the Object Serialization Stream Protocol (Java Object Serialization
 * Specification, chapter 6).
 *
 * <p>A stream this reader cannot follow (an old-protocol Externalizable, a serialized exception, a
 * writeObject that writes optional data before its fields, contrary to the specification) gives
 * {@link Optional#empty()}: the caller then cannot check, and the classes are found missing, if they
 * are, where the job runs. Stateless; one instance per stream.
 */
public final class SerializedClassNames {
    /** A class descriptor as the stream declared it; a proxy's descriptor has no fields. */
    private record ClassDescriptor(String name, byte flags, List<Character> fieldTypes, ClassDescriptor superclass) {}

    /** What a handle stands for, when it is not a class descriptor (those are kept, being read again). */
    private static final Object OTHER = new Object();

    private final DataInputStream in;
    private final Set<String> names = new LinkedHashSet<>();
    private final List<Object> handles = new ArrayList<>();

    private SerializedClassNames(byte[] bytes) {
        this.in = new DataInputStream(new ByteArrayInputStream(bytes));
    }

    /** The class names of the stream (array classes by their element class), or empty if it cannot be followed. */
    public static Optional<Set<String>> of(byte[] serialized) {
        SerializedClassNames reader = new SerializedClassNames(serialized);
        try {
            reader.readStream();
            return Optional.of(reader.names);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private void readStream() throws IOException {
        if (in.readShort() != ObjectStreamConstants.STREAM_MAGIC
                || in.readShort() != ObjectStreamConstants.STREAM_VERSION) {
            throw new IOException("not a Java serialization stream");
        }
        while (in.available() > 0) {
            readContent();
        }
    }

    /** One element of block-data mode: data bytes or an object. */
    private void readContent() throws IOException {
        byte tag = in.readByte();
        switch (tag) {
            case ObjectStreamConstants.TC_BLOCKDATA -> skip(in.readUnsignedByte());
            case ObjectStreamConstants.TC_BLOCKDATALONG -> skip(in.readInt());
            default -> readObject(tag);
        }
    }

    private void readObject(byte tag) throws IOException {
        switch (tag) {
            case ObjectStreamConstants.TC_NULL, ObjectStreamConstants.TC_REFERENCE -> readReference(tag);
            case ObjectStreamConstants.TC_CLASSDESC, ObjectStreamConstants.TC_PROXYCLASSDESC ->
                readClassDescriptor(tag);
            case ObjectStreamConstants.TC_RESET -> handles.clear();
            case ObjectStreamConstants.TC_STRING -> {
                handles.add(OTHER);
                skip(in.readUnsignedShort());
            }
            case ObjectStreamConstants.TC_LONGSTRING -> {
                handles.add(OTHER);
                skip(in.readLong());
            }
            case ObjectStreamConstants.TC_CLASS -> {
                readClassDescriptor(in.readByte());
                handles.add(OTHER);
            }
            case ObjectStreamConstants.TC_ENUM -> {
                readClassDescriptor(in.readByte());
                handles.add(OTHER);
                readObject(in.readByte()); // the constant's name
            }
            case ObjectStreamConstants.TC_ARRAY -> readArray();
            case ObjectStreamConstants.TC_OBJECT -> readOrdinaryObject();
            default -> throw new IOException("cannot follow stream element 0x" + Integer.toHexString(tag & 0xff));
        }
    }

    private Object readReference(byte tag) throws IOException {
        if (tag == ObjectStreamConstants.TC_NULL) {
            return null;
        }
        return handles.get(in.readInt() - ObjectStreamConstants.baseWireHandle);
    }

    /** Reads a class descriptor in the position {@code tag} starts (TC_NULL for none). */
    private ClassDescriptor readClassDescriptor(byte tag) throws IOException {
        switch (tag) {
            case ObjectStreamConstants.TC_NULL:
            case ObjectStreamConstants.TC_REFERENCE:
                Object referenced = readReference(tag);
                if (referenced != null && !(referenced instanceof ClassDescriptor)) {
                    throw new IOException("a class descriptor reference names no class descriptor");
                }
                return (ClassDescriptor) referenced;
            case ObjectStreamConstants.TC_PROXYCLASSDESC:
                int index = reserveHandle();
                int interfaces = in.readInt();
                for (int i = 0; i < interfaces; i++) {
                    names.add(in.readUTF());
                }
                skipAnnotation();
                ClassDescriptor proxy = new ClassDescriptor(
                        "<proxy>",
                        ObjectStreamConstants.SC_SERIALIZABLE,
                        List.of(),
                        readClassDescriptor(in.readByte()));
                handles.set(index, proxy);
                return proxy;
            case ObjectStreamConstants.TC_CLASSDESC:
                String name = in.readUTF();
                in.readLong(); // serialVersionUID
                int handle = reserveHandle();
                byte flags = in.readByte();
                int fieldCount = in.readShort();
                List<Character> fieldTypes = new ArrayList<>(fieldCount);
                for (int i = 0; i < fieldCount; i++) {
                    char type = (char) in.readByte();
                    in.readUTF(); // field name
                    if (type == '[' || type == 'L') {
                        readObject(in.readByte()); // the field's type signature, a string
                    }
                    fieldTypes.add(type);
                }
                skipAnnotation();
                ClassDescriptor descriptor =
                        new ClassDescriptor(name, flags, fieldTypes, readClassDescriptor(in.readByte()));
                handles.set(handle, descriptor);
                elementClassName(name).ifPresent(names::add);
                return descriptor;
            default:
                throw new IOException("expected a class descriptor, found 0x" + Integer.toHexString(tag & 0xff));
        }
    }

    private void readArray() throws IOException {
        ClassDescriptor descriptor = readClassDescriptor(in.readByte());
        handles.add(OTHER);
        int length = in.readInt();
        char elementType = descriptor.name().charAt(1);
        for (int i = 0; i < length; i++) {
            readValue(elementType);
        }
    }

    private void readOrdinaryObject() throws IOException {
        ClassDescriptor descriptor = readClassDescriptor(in.readByte());
        handles.add(OTHER);
        List<ClassDescriptor> hierarchy = new ArrayList<>();
        for (ClassDescriptor c = descriptor; c != null; c = c.superclass()) {
            hierarchy.add(0, c);
        }
        for (ClassDescriptor c : hierarchy) {
            if ((c.flags() & ObjectStreamConstants.SC_EXTERNALIZABLE) != 0) {
                if ((c.flags() & ObjectStreamConstants.SC_BLOCK_DATA) == 0) {
                    throw new IOException("an Externalizable of the old protocol cannot be followed");
                }
                skipAnnotation();
                continue;
            }
            for (char type : c.fieldTypes()) {
                readValue(type);
            }
            if ((c.flags() & ObjectStreamConstants.SC_WRITE_METHOD) != 0) {
                skipAnnotation();
            }
        }
    }

    private void readValue(char type) throws IOException {
        switch (type) {
            case 'B', 'Z' -> skip(1);
            case 'C', 'S' -> skip(2);
            case 'I', 'F' -> skip(4);
            case 'J', 'D' -> skip(8);
            case 'L', '[' -> readObject(in.readByte());
            default -> throw new IOException("unknown field type " + type);
        }
    }

    /** Block data and objects up to TC_ENDBLOCKDATA: what a class annotation or a writeObject adds. */
    private void skipAnnotation() throws IOException {
        while (true) {
            in.mark(1);
            if (in.readByte() == ObjectStreamConstants.TC_ENDBLOCKDATA) {
                return;
            }
            in.reset();
            readContent();
        }
    }

    private int reserveHandle() {
        handles.add(OTHER);
        return handles.size() - 1;
    }

    private void skip(long bytes) throws IOException {
        if (bytes < 0 || in.skip(bytes) != bytes) {
            throw new IOException("the stream ends early");
        }
    }

    /** {@code [[Lcom.acme.Foo;} names {@code com.acme.Foo}; an array of primitives names no class to check. */
    private static Optional<String> elementClassName(String name) {
        if (!name.startsWith("[")) {
            return Optional.of(name);
        }
        String element = name.substring(name.lastIndexOf('[') + 1);
        return element.startsWith("L") && element.endsWith(";")
                ? Optional.of(element.substring(1, element.length() - 1))
                : Optional.empty();
    }
}
