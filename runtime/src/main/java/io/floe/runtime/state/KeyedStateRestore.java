package io.floe.runtime.state;

import io.floe.api.state.StateDescriptor;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/** Reads a {@link KeyedStateSnapshot} into a backend: the key groups of its range, skipping the others. */
final class KeyedStateRestore {
    private KeyedStateRestore() {}

    static <K> void read(InputStream stream, HeapKeyedStateBackend<K> backend) throws IOException {
        DataInputStream in = new DataInputStream(stream);
        if (in.readInt() != KeyedStateSnapshot.MAGIC) {
            throw new IOException("Not a Floe keyed-state snapshot (wrong magic number)");
        }
        int maxParallelism = backend.snapshotMaxParallelismCheck(in.readInt());
        int stateCount = in.readInt();
        List<HeapKeyedStateBackend.RestoredState<K>> states = new ArrayList<>(stateCount);
        StateDescriptor.Type[] types = StateDescriptor.Type.values();
        for (int i = 0; i < stateCount; i++) {
            String name = in.readUTF();
            StateDescriptor.Type type = types[in.readByte()];
            boolean timed = in.readBoolean();
            states.add(backend.restoredState(name, type, timed));
        }
        KeyGroupRange range = backend.getKeyGroupRange();
        int groups = in.readInt();
        for (int g = 0; g < groups; g++) {
            int keyGroup = in.readInt();
            int length = in.readInt();
            if (keyGroup < 0 || keyGroup >= maxParallelism || length < 0) {
                throw new IOException("Corrupt keyed-state snapshot: key group " + keyGroup + ", " + length + " bytes");
            }
            if (!range.contains(keyGroup)) {
                in.skipNBytes(length);
                continue;
            }
            byte[] bytes = new byte[length];
            in.readFully(bytes);
            readGroup(Unpooled.wrappedBuffer(bytes), states, backend);
        }
    }

    @SuppressWarnings("unchecked")
    private static <K> void readGroup(
            ByteBuf group, List<HeapKeyedStateBackend.RestoredState<K>> states, HeapKeyedStateBackend<K> backend) {
        for (HeapKeyedStateBackend.RestoredState<K> state : states) {
            int entries = group.readInt();
            for (int i = 0; i < entries; i++) {
                K key = (K) backend.serializer().deserialize(group);
                Object entry = StateEntryCodec.read(state.type(), state.timed(), backend.serializer(), group);
                state.table().put(key, entry);
            }
        }
    }
}
