package io.floe.runtime.state;

import io.floe.api.state.StateDescriptor;
import io.floe.runtime.network.serialization.TaggedRecordSerializer;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.function.LongFunction;

/**
 * The keyed state of one subtask, frozen at one moment by {@link HeapKeyedStateBackend#snapshot}
 * and written later, possibly on another thread, while the task goes on changing its state.
 *
 * <p>The format is a sequence of chunks, each of one state and one key group, so that a restore
 * at another parallelism reads only the groups its subtask owns and skips the others unread. A key
 * group may have several chunks, in no particular order: the writer goes through a table once, in
 * its own order, and writes a group's chunk when it is full.
 *
 * <pre>
 * int magic 'FKS2', int maxParallelism, int stateCount,
 *   per state: UTF name, byte kind ({@link StateDescriptor.Type} ordinal), boolean timed (time-to-live)
 * per chunk: int keyGroup, int stateIndex, int entries, int byteLength,
 *   then per entry: key, entry ({@link StateEntryCodec})
 * int -1 (the end)
 * </pre>
 *
 * <p>{@link #release()} must follow {@link #writeTo} (or replace it, when the snapshot is
 * abandoned): until then the backend copies what it changes in place.
 */
public final class KeyedStateSnapshot {
    static final int MAGIC = 0x464B5332; // "FKS2"
    /** Where a key group would stand, the end of the chunks. */
    static final int END_OF_CHUNKS = -1;

    /** One state as frozen: its table, and its policy when expired entries are left out of the snapshot. */
    record FrozenState(
            String name,
            StateDescriptor.Type type,
            boolean timed,
            TtlPolicy cleanupPolicy,
            KeyedValueMap.Frozen<Object, Object> entries) {}

    private final int maxParallelism;
    private final KeyGroupRange keyGroupRange;
    private final List<FrozenState> states;
    private final TaggedRecordSerializer serializer;
    private final Runnable onRelease;
    private final long frozenAt;
    private boolean released;

    KeyedStateSnapshot(
            int maxParallelism,
            KeyGroupRange keyGroupRange,
            List<FrozenState> states,
            TaggedRecordSerializer serializer,
            long frozenAt,
            Runnable onRelease) {
        this.maxParallelism = maxParallelism;
        this.keyGroupRange = keyGroupRange;
        this.states = List.copyOf(states);
        this.serializer = serializer;
        this.frozenAt = frozenAt;
        this.onRelease = onRelease;
    }

    public KeyGroupRange keyGroupRange() {
        return keyGroupRange;
    }

    /** How many entries (keys with a value) the snapshot holds over all its states. */
    public long numberOfEntries() {
        return states.stream().mapToLong(s -> s.entries().size()).sum();
    }

    /** Writes the snapshot; any thread, once. Does not close {@code stream}. */
    public void writeTo(OutputStream stream) throws IOException {
        DataOutputStream out = new DataOutputStream(stream);
        out.writeInt(MAGIC);
        out.writeInt(maxParallelism);
        out.writeInt(states.size());
        for (FrozenState state : states) {
            out.writeUTF(state.name());
            out.writeByte(state.type().ordinal());
            out.writeBoolean(state.timed());
        }
        try (GroupChunks chunks = new GroupChunks(out, keyGroupRange)) {
            for (int s = 0; s < states.size(); s++) {
                writeState(s, states.get(s), chunks);
                chunks.flushAll();
            }
        }
        out.writeInt(END_OF_CHUNKS);
        out.flush();
    }

    /** Lets the backend stop copying on write. Idempotent. */
    public synchronized void release() {
        if (!released) {
            released = true;
            onRelease.run();
        }
    }

    /**
     * Writes the entries of one state in the order of its table, which reads the frozen arrays
     * front to back (the key and value objects they point to are the cache misses, and in this
     * order the processor overlaps them), each into the chunk of its key group.
     */
    private void writeState(int stateIndex, FrozenState state, GroupChunks chunks) throws IOException {
        Object[] entries = state.entries().entries();
        long[] longValues = state.entries().longValues();
        LongFunction<Object> boxer = state.entries().boxer();
        chunks.startState(stateIndex);
        LongLongTable.Frozen longs = state.entries().longs();
        if (longs != null) {
            writeLongs(longs, chunks);
            return;
        }
        for (int i = 0; i < entries.length; i += 2) {
            Object key = entries[i];
            if (key == null) {
                continue;
            }
            Object entry = longValues != null ? boxer.apply(longValues[i >> 1]) : entries[i + 1];
            if (state.cleanupPolicy() != null) {
                entry = Expiry.withoutExpired(state.type(), state.cleanupPolicy(), entry, frozenAt);
                if (entry == null) {
                    continue;
                }
            }
            writeEntry(state, key, entry, chunks);
        }
    }

    /**
     * The entries of a table of primitive keys and values (no time-to-live), in slot order,
     * written as the serializer writes their boxes, without making them.
     */
    private void writeLongs(LongLongTable.Frozen longs, GroupChunks chunks) throws IOException {
        for (int slot = 0; slot < longs.capacity(); slot++) {
            if (longs.isTaken(slot)) {
                long key = longs.keyAt(slot);
                ByteBuf chunk = chunks.chunkFor(keyGroupOf(key));
                int before = chunk.writerIndex();
                TaggedRecordSerializer.serializeLong(key, chunk);
                longs.type().write(longs.valueAt(slot), chunk);
                chunks.entryWritten(chunk.writerIndex() - before);
            }
        }
    }

    /** {@link #keyGroupOf(Object)} of a {@code Long} key, without its box. */
    private int keyGroupOf(long key) {
        int group = KeyGroupRangeAssignment.murmurHash(Long.hashCode(key)) % maxParallelism;
        if (!keyGroupRange.contains(group)) {
            return keyGroupOf((Object) key); // reports it
        }
        return group;
    }

    private void writeEntry(FrozenState state, Object key, Object entry, GroupChunks chunks) throws IOException {
        ByteBuf chunk = chunks.chunkFor(keyGroupOf(key));
        int before = chunk.writerIndex();
        serializer.serialize(key, chunk);
        StateEntryCodec.write(state.type(), state.timed(), entry, serializer, chunk);
        chunks.entryWritten(chunk.writerIndex() - before);
    }

    private int keyGroupOf(Object key) {
        int group = KeyGroupRangeAssignment.assignToKeyGroup(key, maxParallelism);
        if (!keyGroupRange.contains(group)) {
            throw new IllegalStateException("Key " + key + " of key group " + group
                    + " is not in this subtask's range " + keyGroupRange
                    + ": the key's hashCode() changed, or keyBy used another key than the state");
        }
        return group;
    }

    /**
     * The open chunk of every key group of the range, written out when it is full or when all
     * chunks together reach a budget, so a snapshot of any size is written with a few megabytes.
     */
    private static final class GroupChunks implements AutoCloseable {
        /** A chunk is written when it holds this many bytes. */
        private static final int CHUNK_BYTES = 32 * 1024;
        /** All open chunks are written when together they hold this many bytes. */
        private static final int BUDGET_BYTES = 4 * 1024 * 1024;

        private final DataOutputStream out;
        private final KeyGroupRange range;
        private final ByteBuf[] chunks;
        private final int[] entries;
        private int stateIndex;
        private int current;
        private long buffered;

        GroupChunks(DataOutputStream out, KeyGroupRange range) {
            this.out = out;
            this.range = range;
            this.chunks = new ByteBuf[range.size()];
            this.entries = new int[range.size()];
        }

        void startState(int index) {
            stateIndex = index;
        }

        /** The chunk of {@code keyGroup}, for one entry; {@link #entryWritten} must follow. */
        ByteBuf chunkFor(int keyGroup) {
            current = keyGroup - range.start();
            ByteBuf chunk = chunks[current];
            if (chunk == null) {
                chunk = Unpooled.buffer(1024);
                chunks[current] = chunk;
            }
            return chunk;
        }

        void entryWritten(int bytes) throws IOException {
            entries[current]++;
            buffered += bytes;
            if (chunks[current].readableBytes() >= CHUNK_BYTES) {
                flush(current);
            } else if (buffered >= BUDGET_BYTES) {
                flushAll();
            }
        }

        void flushAll() throws IOException {
            for (int g = 0; g < chunks.length; g++) {
                flush(g);
            }
        }

        private void flush(int g) throws IOException {
            if (entries[g] == 0) {
                return;
            }
            ByteBuf chunk = chunks[g];
            int length = chunk.readableBytes();
            out.writeInt(range.start() + g);
            out.writeInt(stateIndex);
            out.writeInt(entries[g]);
            out.writeInt(length);
            chunk.readBytes(out, length);
            chunk.clear();
            entries[g] = 0;
            buffered -= length;
        }

        @Override
        public void close() {
            for (ByteBuf chunk : chunks) {
                if (chunk != null) {
                    chunk.release();
                }
            }
        }
    }
}
