package io.floe.runtime.network.serialization;

import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectStreamClass;

/** Java deserialization that resolves classes through the job's user class loader first. */
final class ClassLoaderObjectInputStream extends ObjectInputStream {

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
            // primitives ("int") and classes only the platform loader knows
            return super.resolveClass(desc);
        }
    }
}
