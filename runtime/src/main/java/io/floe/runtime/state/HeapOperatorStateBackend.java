package io.floe.runtime.state;

import io.floe.api.state.ListState;
import io.floe.api.state.ListStateDescriptor;
import io.floe.api.state.OperatorStateStore;
import io.floe.runtime.network.serialization.TaggedRecordSerializer;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The operator (non-keyed) state of one operator instance: named lists, each either split
 * (after a restore at another parallelism its elements are dealt out round-robin over the new
 * instances) or union (every instance gets all of them). Owned by the task's thread; a snapshot
 * copies the elements, so it can be written on another thread.
 *
 * <p>Snapshot format: {@code int magic 'FOS1', int stateCount}, per state {@code UTF name, byte
 * mode, int size}, then the elements, each as the {@link TaggedRecordSerializer} writes it.
 */
public final class HeapOperatorStateBackend implements OperatorStateStore {
    static final int MAGIC = 0x464F5331; // "FOS1"

    /** How a list is spread when a job is restored at another parallelism. */
    enum Mode {
        SPLIT,
        UNION
    }

    private record Registered(Mode mode, OperatorListState<Object> state) {}

    private record Restored(Mode mode, List<Object> elements) {}

    private final TaggedRecordSerializer serializer;
    private final Map<String, Registered> states = new LinkedHashMap<>();
    private final Map<String, Restored> restored = new LinkedHashMap<>();
    private boolean wasRestored;

    public HeapOperatorStateBackend(TaggedRecordSerializer serializer) {
        this.serializer = Objects.requireNonNull(serializer, "serializer");
    }

    @Override
    public <S> ListState<S> getListState(ListStateDescriptor<S> descriptor) {
        return state(descriptor, Mode.SPLIT);
    }

    @Override
    public <S> ListState<S> getUnionListState(ListStateDescriptor<S> descriptor) {
        return state(descriptor, Mode.UNION);
    }

    /** Whether a restore brought any state for this operator. */
    public boolean isRestored() {
        return wasRestored;
    }

    @SuppressWarnings("unchecked")
    private <S> ListState<S> state(ListStateDescriptor<S> descriptor, Mode mode) {
        String name = descriptor.getName();
        Registered existing = states.get(name);
        if (existing != null) {
            if (existing.mode() != mode) {
                throw new IllegalStateException("Operator state '" + name + "' is registered as a "
                        + describe(existing.mode()) + " and cannot also be a " + describe(mode)
                        + ": give each state its own name.");
            }
            return (ListState<S>) existing.state();
        }
        Restored before = restored.remove(name);
        if (before != null && before.mode() != mode) {
            throw new IllegalStateException("Operator state '" + name + "' was restored as a " + describe(before.mode())
                    + ", but the job now asks for a " + describe(mode)
                    + ": keep it, or give the new one another name.");
        }
        OperatorListState<Object> state =
                new OperatorListState<>(name, before == null ? new ArrayList<>() : new ArrayList<>(before.elements()));
        states.put(name, new Registered(mode, state));
        return (ListState<S>) state;
    }

    private static String describe(Mode mode) {
        return mode == Mode.SPLIT ? "list state (getListState)" : "union list state (getUnionListState)";
    }

    /** Copies every list now (task thread); the result may be written on another thread. */
    public Snapshot snapshot() {
        Map<String, Restored> copies = new LinkedHashMap<>();
        states.forEach((name, registered) -> {
            List<Object> elements =
                    new ArrayList<>(registered.state().elements().size());
            for (Object element : registered.state().elements()) {
                elements.add(serializer.copy(element));
            }
            copies.put(name, new Restored(registered.mode(), elements));
        });
        copies.putAll(restored); // restored lists nobody asked for again are carried on, unchanged
        return new Snapshot(copies, serializer);
    }

    /** Operator state frozen by {@link #snapshot()}. */
    public static final class Snapshot {
        private final Map<String, Restored> states;
        private final TaggedRecordSerializer serializer;

        private Snapshot(Map<String, Restored> states, TaggedRecordSerializer serializer) {
            this.states = states;
            this.serializer = serializer;
        }

        public boolean isEmpty() {
            return states.values().stream().allMatch(s -> s.elements().isEmpty());
        }

        /** Writes the snapshot; any thread. Does not close {@code stream}. */
        public void writeTo(OutputStream stream) throws IOException {
            DataOutputStream out = new DataOutputStream(stream);
            out.writeInt(MAGIC);
            out.writeInt(states.size());
            ByteBuf buffer = Unpooled.buffer(1024);
            try {
                for (Map.Entry<String, Restored> state : states.entrySet()) {
                    out.writeUTF(state.getKey());
                    out.writeByte(state.getValue().mode().ordinal());
                    buffer.clear();
                    for (Object element : state.getValue().elements()) {
                        serializer.serialize(element, buffer);
                    }
                    out.writeInt(state.getValue().elements().size());
                    out.writeInt(buffer.readableBytes());
                    buffer.readBytes(out, buffer.readableBytes());
                }
            } finally {
                buffer.release();
            }
            out.flush();
        }
    }

    /**
     * Restores this instance, {@code index} of {@code parallelism}, from the snapshots of all
     * instances of the previous run ({@code previous}, in the order of their index). Union lists
     * go whole to each instance. Split lists: at the same parallelism each instance keeps its own
     * ({@code own}, the index in {@code previous} of its snapshot, or a negative number if it
     * wrote none), as in Flink, so elements that belong together stay together; at another
     * parallelism ({@code rescaled}) they are dealt out round-robin. Before any state is used.
     */
    public void restore(List<InputStream> previous, boolean rescaled, int own, int index, int parallelism)
            throws IOException {
        if (!states.isEmpty()) {
            throw new IllegalStateException("Operator state is restored before any state is used");
        }
        Map<String, Restored> all = new LinkedHashMap<>();
        Map<String, Restored> mineUnchanged = new LinkedHashMap<>();
        for (int i = 0; i < previous.size(); i++) {
            Map<String, Restored> snapshot = new LinkedHashMap<>();
            read(previous.get(i), snapshot);
            merge(snapshot, all);
            if (i == own) {
                mineUnchanged = snapshot;
            }
        }
        for (Map.Entry<String, Restored> state : all.entrySet()) {
            List<Object> elements = state.getValue().elements();
            if (state.getValue().mode() == Mode.SPLIT) {
                if (rescaled) {
                    List<Object> mine = new ArrayList<>();
                    for (int i = index; i < elements.size(); i += parallelism) {
                        mine.add(elements.get(i));
                    }
                    elements = mine;
                } else {
                    Restored kept = mineUnchanged.get(state.getKey());
                    elements = kept == null ? new ArrayList<>() : kept.elements();
                }
            }
            restored.put(state.getKey(), new Restored(state.getValue().mode(), elements));
        }
        wasRestored = !previous.isEmpty();
    }

    private static void merge(Map<String, Restored> snapshot, Map<String, Restored> into) throws IOException {
        for (Map.Entry<String, Restored> state : snapshot.entrySet()) {
            Restored merged = into.computeIfAbsent(
                    state.getKey(), name -> new Restored(state.getValue().mode(), new ArrayList<>()));
            if (merged.mode() != state.getValue().mode()) {
                throw new IOException("The snapshots disagree about operator state '" + state.getKey() + "'");
            }
            merged.elements().addAll(state.getValue().elements());
        }
    }

    private void read(InputStream stream, Map<String, Restored> into) throws IOException {
        DataInputStream in = new DataInputStream(stream);
        if (in.readInt() != MAGIC) {
            throw new IOException("Not a Floe operator-state snapshot (wrong magic number)");
        }
        int count = in.readInt();
        for (int s = 0; s < count; s++) {
            String name = in.readUTF();
            Mode mode = Mode.values()[in.readByte()];
            int size = in.readInt();
            byte[] bytes = new byte[in.readInt()];
            in.readFully(bytes);
            ByteBuf buffer = Unpooled.wrappedBuffer(bytes);
            Restored state = into.computeIfAbsent(name, n -> new Restored(mode, new ArrayList<>()));
            for (int i = 0; i < size; i++) {
                state.elements().add(serializer.deserialize(buffer));
            }
        }
    }
}
