package io.floe.runtime.state;

import io.floe.api.state.StateDescriptor;
import io.floe.runtime.network.serialization.TaggedRecordSerializer;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * The keyed state of one subtask, frozen at one moment by {@link HeapKeyedStateBackend#snapshot}
 * and written later, possibly on another thread, while the task goes on changing its state.
 *
 * <p>The format is organised by key group, so that a restore at another parallelism reads only
 * the groups its subtask owns:
 *
 * <pre>
 * int magic 'FKS1', int maxParallelism, int stateCount,
 *   per state: UTF name, byte kind ({@link StateDescriptor.Type} ordinal), boolean timed (time-to-live)
 * int groupCount, per non-empty key group (ascending):
 *   int keyGroup, int byteLength, then per state: int entries, per entry: key, entry ({@link StateEntryCodec})
 * </pre>
 *
 * <p>{@link #release()} must follow {@link #writeTo} (or replace it, when the snapshot is
 * abandoned): until then the backend copies what it changes in place.
 */
public final class KeyedStateSnapshot {
    static final int MAGIC = 0x464B5331; // "FKS1"

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
        int[][] slotsByGroup = new int[states.size()][];
        int[][] groupStarts = new int[states.size()][];
        for (int s = 0; s < states.size(); s++) {
            groupStarts[s] = new int[keyGroupRange.size() + 1];
            slotsByGroup[s] = sortSlotsByKeyGroup(states.get(s).entries(), groupStarts[s]);
        }
        int nonEmptyGroups = 0;
        for (int g = 0; g < keyGroupRange.size(); g++) {
            for (int s = 0; s < states.size(); s++) {
                if (groupStarts[s][g + 1] > groupStarts[s][g]) {
                    nonEmptyGroups++;
                    break;
                }
            }
        }
        out.writeInt(nonEmptyGroups);
        ByteBuf group = Unpooled.buffer(64 * 1024);
        try {
            for (int g = 0; g < keyGroupRange.size(); g++) {
                group.clear();
                boolean any = false;
                for (int s = 0; s < states.size(); s++) {
                    // a group counts as written even if all of its entries turn out expired
                    any |= groupStarts[s][g + 1] > groupStarts[s][g];
                    writeGroupOfState(states.get(s), slotsByGroup[s], groupStarts[s], g, group);
                }
                if (any) {
                    out.writeInt(keyGroupRange.start() + g);
                    out.writeInt(group.readableBytes());
                    group.readBytes(out, group.readableBytes());
                }
            }
        } finally {
            group.release();
        }
        out.flush();
    }

    /** Lets the backend stop copying on write. Idempotent. */
    public synchronized void release() {
        if (!released) {
            released = true;
            onRelease.run();
        }
    }

    /** Writes the entries of {@code state} in group {@code g}, leaving out the expired ones if asked. */
    private void writeGroupOfState(FrozenState state, int[] slots, int[] starts, int g, ByteBuf out) {
        int countIndex = out.writerIndex();
        out.writeInt(0);
        int written = 0;
        Object[] keys = state.entries().keys();
        Object[] values = state.entries().values();
        for (int i = starts[g]; i < starts[g + 1]; i++) {
            Object entry = values[slots[i]];
            if (state.cleanupPolicy() != null) {
                entry = Expiry.withoutExpired(state.type(), state.cleanupPolicy(), entry, frozenAt);
                if (entry == null) {
                    continue;
                }
            }
            serializer.serialize(keys[slots[i]], out);
            StateEntryCodec.write(state.type(), state.timed(), entry, serializer, out);
            written++;
        }
        out.setInt(countIndex, written);
    }

    /** The occupied slots ordered by key group (a counting sort); {@code starts[g]} is where group g begins. */
    private int[] sortSlotsByKeyGroup(KeyedValueMap.Frozen<Object, Object> entries, int[] starts) {
        Object[] keys = entries.keys();
        int[] groupOfSlot = new int[keys.length];
        for (int slot = 0; slot < keys.length; slot++) {
            if (keys[slot] != null) {
                int g = KeyGroupRangeAssignment.assignToKeyGroup(keys[slot], maxParallelism) - keyGroupRange.start();
                if (g < 0 || g >= keyGroupRange.size()) {
                    throw new IllegalStateException("Key " + keys[slot] + " of key group " + (g + keyGroupRange.start())
                            + " is not in this subtask's range " + keyGroupRange
                            + ": the key's hashCode() changed, or keyBy used another key than the state");
                }
                groupOfSlot[slot] = g;
                starts[g + 1]++;
            }
        }
        for (int g = 0; g < keyGroupRange.size(); g++) {
            starts[g + 1] += starts[g];
        }
        int[] next = starts.clone();
        int[] sorted = new int[starts[keyGroupRange.size()]];
        for (int slot = 0; slot < keys.length; slot++) {
            if (keys[slot] != null) {
                sorted[next[groupOfSlot[slot]]++] = slot;
            }
        }
        return sorted;
    }
}
