package io.floe.runtime.jobgraph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.api.functions.MapFunction;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Externalizable;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInput;
import java.io.ObjectInputStream;
import java.io.ObjectOutput;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.ObjectStreamConstants;
import java.io.Serializable;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The class names read from a stream's descriptors are exactly those Java's own
 * ObjectInputStream resolves when it reads the stream, for the shapes user code takes.
 */
class SerializedClassNamesTest {

    /** Fields of every kind, an enum, arrays, and a nested collection. */
    static final class Everything implements Serializable {
        byte b = 1;
        char c = 'c';
        short s = 2;
        int i = 3;
        long l = 4;
        float f = 5;
        double d = 6;
        boolean z = true;
        String text = "text";
        TimeUnit unit = TimeUnit.SECONDS;
        int[] numbers = {1, 2, 3};
        String[][] grid = {{"a"}, {"b", null}};
        Map<String, List<Integer>> nested = new HashMap<>(Map.of("k", new ArrayList<>(List.of(7, 8))));
        Class<?> type = Inner.class;
        Object self = this; // a back reference
    }

    static final class Inner implements Serializable {}

    /** A writeObject that adds data and an object after its fields, as the specification allows. */
    static final class WithWriteMethod implements Serializable {
        String name = "w";

        private void writeObject(ObjectOutputStream out) throws IOException {
            out.defaultWriteObject();
            out.writeInt(42);
            out.writeObject(new Inner());
            out.writeUTF("tail");
        }

        private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
            in.defaultReadObject();
            in.readInt();
            in.readObject();
            in.readUTF();
        }
    }

    public static final class Outside implements Externalizable {
        public Outside() {}

        @Override
        public void writeExternal(ObjectOutput out) throws IOException {
            out.writeObject(new Inner());
            out.writeLong(9);
        }

        @Override
        public void readExternal(ObjectInput in) throws IOException, ClassNotFoundException {
            in.readObject();
            in.readLong();
        }
    }

    interface Greeting {
        String greet();
    }

    static final class Handler implements InvocationHandler, Serializable {
        @Override
        public Object invoke(Object proxy, Method method, Object[] args) {
            return "hello";
        }
    }

    @Test
    void namesWhatObjectInputStreamResolves() throws Exception {
        MapFunction<String, Integer> lambda = String::length;
        Object proxy =
                Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Greeting.class}, new Handler());
        List<Object> graph = new ArrayList<>(List.of(
                new Everything(),
                new WithWriteMethod(),
                new Outside(),
                lambda,
                new InvalidClassException("a Throwable, with its stack trace")));
        graph.add(proxy);

        byte[] bytes = serialize(graph);
        Set<String> scanned = SerializedClassNames.of(bytes).orElseThrow();

        assertEquals(resolvedWhenRead(bytes), scanned);
        for (Class<?> expected : List.of(
                Everything.class,
                Inner.class,
                WithWriteMethod.class,
                Outside.class,
                Greeting.class,
                Handler.class,
                TimeUnit.class,
                HashMap.class,
                Integer.class,
                getClass())) {
            assertTrue(scanned.contains(expected.getName()), expected.getName() + " in " + scanned);
        }
    }

    @Test
    void aStreamItCannotFollowGivesNothingRatherThanAGuess() throws Exception {
        byte[] bytes = serialize(new Everything());
        assertEquals(Optional.empty(), SerializedClassNames.of(Arrays.copyOf(bytes, bytes.length / 2)), "truncated");
        assertEquals(Optional.empty(), SerializedClassNames.of("not serialized at all".getBytes()), "no stream");
        ByteArrayOutputStream oldProtocol = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(oldProtocol)) {
            out.useProtocolVersion(ObjectStreamConstants.PROTOCOL_VERSION_1);
            out.writeObject(new Outside());
        }
        assertEquals(
                Optional.empty(), SerializedClassNames.of(oldProtocol.toByteArray()), "old Externalizable protocol");
    }

    private static byte[] serialize(Object object) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(object);
        }
        return bytes.toByteArray();
    }

    /** The classes Java's reader resolves, arrays by their element class, proxies by their interfaces. */
    private static Set<String> resolvedWhenRead(byte[] bytes) throws Exception {
        Set<String> resolved = new LinkedHashSet<>();
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes)) {
            @Override
            protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
                String name = desc.getName();
                int dims = name.lastIndexOf('[') + 1;
                if (dims == 0) {
                    resolved.add(name);
                } else if (name.charAt(dims) == 'L') {
                    resolved.add(name.substring(dims + 1, name.length() - 1));
                }
                return super.resolveClass(desc);
            }

            @Override
            protected Class<?> resolveProxyClass(String[] interfaces) throws IOException, ClassNotFoundException {
                resolved.addAll(List.of(interfaces));
                return super.resolveProxyClass(interfaces);
            }
        }) {
            in.readObject();
        }
        return resolved;
    }
}
