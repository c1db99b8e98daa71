package io.floe.runtime.jobgraph;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;

/**
 * Java serialization of user code (operators holding the program's functions). Used only for
 * these opaque payloads, never for control messages, and deserialized only where the code runs,
 * in the job's own class loader.
 */
public final class UserCodeSerializer {
    private UserCodeSerializer() {}

    public static byte[] serialize(Object object, String what) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(object);
        } catch (NotSerializableException e) {
            throw new IllegalArgumentException(
                    "The function of " + what + " is not serializable: it refers to a " + e.getMessage()
                            + ". Make that class Serializable, or create it in the function's open().",
                    e);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot serialize " + what + ": " + e, e);
        }
        return bytes.toByteArray();
    }

    public static <T> T deserialize(byte[] bytes, ClassLoader classLoader) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new ClassLoaderObjectInputStream(new ByteArrayInputStream(bytes), classLoader)) {
            @SuppressWarnings("unchecked")
            T object = (T) in.readObject();
            return object;
        }
    }

    /** Resolves classes through the job's class loader. */
    private static final class ClassLoaderObjectInputStream extends ObjectInputStream {
        private final ClassLoader classLoader;

        ClassLoaderObjectInputStream(InputStream in, ClassLoader classLoader) throws IOException {
            super(in);
            this.classLoader = classLoader;
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
            try {
                return Class.forName(desc.getName(), false, classLoader);
            } catch (ClassNotFoundException e) {
                return super.resolveClass(desc);
            }
        }
    }
}
