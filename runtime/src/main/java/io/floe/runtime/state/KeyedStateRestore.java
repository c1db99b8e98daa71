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
        while (true) {
            int keyGroup = in.readInt();
            if (keyGroup == KeyedStateSnapshot.END_OF_CHUNKS) {
                return;
            }
            int stateIndex = in.readInt();
            int entries = in.readInt();
            int length = in.readInt();
            if (keyGroup < 0
                    || keyGroup >= maxParallelism
                    || stateIndex < 0
                    || stateIndex >= stateCount
                    || entries < 0
                    || length < 0) {
                throw new IOException("Corrupt keyed-state snapshot: a chunk of key group " + keyGroup + ", state "
                        + stateIndex + ", " + entries + " entries, " + length + " bytes");
            }
            if (!range.contains(keyGroup)) {
                in.skipNBytes(length);
                continue;
            }
            byte[] bytes = new byte[length];
            in.readFully(bytes);
            readChunk(Unpooled.wrappedBuffer(bytes), entries, states.get(stateIndex), backend);
        }
    }

    @SuppressWarnings("unchecked")
    private static <K> void readChunk(
            ByteBuf chunk,
            int entries,
            HeapKeyedStateBackend.RestoredState<K> state,
            HeapKeyedStateBackend<K> backend) {
        for (int i = 0; i < entries; i++) {
            K key = (K) backend.serializer().deserialize(chunk);
            Object entry = StateEntryCodec.read(state.type(), state.timed(), backend.serializer(), chunk);
            state.table().put(key, entry);
        }
    }
}
