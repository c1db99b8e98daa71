package io.floe.runtime.state;

import io.floe.api.state.AggregatingStateDescriptor;
import io.floe.api.state.ListStateDescriptor;
import io.floe.api.state.MapStateDescriptor;
import io.floe.api.state.ReducingStateDescriptor;
import io.floe.api.state.State;
import io.floe.api.state.StateDescriptor;
import io.floe.api.state.ValueStateDescriptor;
import io.floe.runtime.network.serialization.TaggedRecordSerializer;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Keyed state as objects on the task's heap ({@code state.backend.type: hashmap}): one hash table
 * per state, from key to value. The tables are not split by key group in memory, which keeps a
 * state access to one probe; a snapshot computes each key's group as it writes, so what is
 * written is organised by key group. Owned by the task's thread.
 */
public final class HeapKeyedStateBackend<K> implements KeyedStateBackend<K> {
    private final KeyGroupRange keyGroupRange;
    private final int maxParallelism;
    private final LongSupplier ttlClock;
    private final TaggedRecordSerializer serializer;
    /** States restored from snapshots that no function has asked for yet; kept in later snapshots. */
    private final Map<String, RestoredState<K>> restored = new LinkedHashMap<>();
    /** Snapshots frozen and not yet released: while there are any, state changes copy first. */
    private static final VarHandle IN_FLIGHT;

    static {
        try {
            IN_FLIGHT =
                    MethodHandles.lookup().findVarHandle(HeapKeyedStateBackend.class, "snapshotsInFlight", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /**
     * Snapshots frozen and not released. Changed atomically (the release comes from the writer's
     * thread), read plainly on every state access: the task thread always sees its own increment,
     * and seeing a release late only means copying a little longer.
     */
    @SuppressWarnings("unused") // through IN_FLIGHT
    private volatile int snapshotsInFlight;

    private final Map<String, AbstractHeapState<K>> states = new LinkedHashMap<>();
    /** The states whose time-to-live cleanup runs on every record; usually none. */
    @SuppressWarnings("unchecked")
    private AbstractHeapState<K>[] cleanedUpPerRecord = new AbstractHeapState[0];

    private K currentKey;
    /** Changes with every {@link #setCurrentKey}, so states know when the slot they found is stale. */
    private long keyEpoch;

    /**
     * @param ttlClock the processing-time clock that state expiry follows, in epoch milliseconds
     * @param serializer writes keys and values into snapshots (and copies them), in the job's class loader
     */
    public HeapKeyedStateBackend(
            KeyGroupRange keyGroupRange, int maxParallelism, LongSupplier ttlClock, TaggedRecordSerializer serializer) {
        this.keyGroupRange = Objects.requireNonNull(keyGroupRange, "keyGroupRange");
        this.maxParallelism = maxParallelism;
        this.ttlClock = Objects.requireNonNull(ttlClock, "ttlClock");
        this.serializer = Objects.requireNonNull(serializer, "serializer");
    }

    /** A state read from a snapshot: its kind, whether it has time-to-live, and its entries of this range. */
    record RestoredState<K>(String name, StateDescriptor.Type type, boolean timed, KeyedValueMap<K, Object> table) {}

    @Override
    public void setCurrentKey(K key) {
        currentKey = key;
        keyEpoch++;
        if (cleanedUpPerRecord.length > 0) {
            for (AbstractHeapState<K> state : cleanedUpPerRecord) {
                state.incrementalCleanup();
            }
        }
    }

    @Override
    public K getCurrentKey() {
        return currentKey;
    }

    long keyEpoch() {
        return keyEpoch;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <S extends State> S getOrCreateState(StateDescriptor<S, ?> descriptor) {
        Objects.requireNonNull(descriptor, "state descriptor");
        AbstractHeapState<K> existing = states.get(descriptor.getName());
        if (existing != null) {
            checkSameKind(existing.descriptor(), descriptor);
            return (S) existing;
        }
        TtlPolicy ttl = TtlPolicy.of(descriptor.getTtlConfig(), ttlClock);
        AbstractHeapState<K> state = create(descriptor, ttl);
        RestoredState<K> restoredState = restored.remove(descriptor.getName());
        if (restoredState != null) {
            state.adopt(adapted(restoredState, descriptor, ttl != null));
        }
        states.put(descriptor.getName(), state);
        if (ttl != null && ttl.cleansUpForEveryRecord()) {
            cleanedUpPerRecord = Arrays.copyOf(cleanedUpPerRecord, cleanedUpPerRecord.length + 1);
            cleanedUpPerRecord[cleanedUpPerRecord.length - 1] = state;
        }
        return (S) state;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private AbstractHeapState<K> create(StateDescriptor<?, ?> descriptor, TtlPolicy ttl) {
        return switch (descriptor.getType()) {
            case VALUE -> new HeapValueState<>(this, (ValueStateDescriptor) descriptor, ttl);
            case LIST -> new HeapListState<>(this, (ListStateDescriptor) descriptor, ttl);
            case MAP -> new HeapMapState<>(this, (MapStateDescriptor) descriptor, ttl);
            case REDUCING -> new HeapReducingState<>(this, (ReducingStateDescriptor) descriptor, ttl);
            case AGGREGATING -> new HeapAggregatingState<>(this, (AggregatingStateDescriptor) descriptor, ttl);
        };
    }

    /** The restored entries, checked against the descriptor and with time-to-live added or dropped to match it. */
    private KeyedValueMap<K, Object> adapted(RestoredState<K> state, StateDescriptor<?, ?> descriptor, boolean timed) {
        if (state.type() != descriptor.getType()) {
            throw new IllegalStateException("State '" + state.name() + "' was restored as " + state.type()
                    + " state, but the job now asks for " + descriptor.describe()
                    + ": keep the kind of a state, or give the new one another name.");
        }
        KeyedValueMap<K, Object> table = state.table();
        if (state.timed() != timed) {
            long now = ttlClock.getAsLong();
            for (int slot = 0; slot < table.capacity(); slot++) {
                if (table.isOccupied(slot)) {
                    table.setValueAt(slot, StateEntryCodec.convertTtl(state.type(), table.valueAt(slot), timed, now));
                }
            }
        }
        return table;
    }

    /**
     * Freezes every state as it is now (an array copy per state) and returns the snapshot,
     * which may be written on another thread while this one goes on. Until the snapshot is
     * released, changes in place copy the entry first. Task thread.
     */
    public KeyedStateSnapshot snapshot() {
        List<KeyedStateSnapshot.FrozenState> frozen = new ArrayList<>();
        for (AbstractHeapState<K> state : states.values()) {
            StateDescriptor<?, ?> descriptor = state.descriptor();
            TtlPolicy cleanup =
                    state.ttl != null && descriptor.getTtlConfig().isCleanupInFullSnapshot() ? state.ttl : null;
            frozen.add(frozen(descriptor.getName(), descriptor.getType(), state.ttl != null, cleanup, state.freeze()));
        }
        for (RestoredState<K> state : restored.values()) {
            frozen.add(frozen(
                    state.name(),
                    state.type(),
                    state.timed(),
                    null,
                    state.table().freeze()));
        }
        IN_FLIGHT.getAndAdd(this, 1);
        return new KeyedStateSnapshot(
                maxParallelism,
                keyGroupRange,
                frozen,
                serializer,
                ttlClock.getAsLong(),
                () -> IN_FLIGHT.getAndAdd(this, -1));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static KeyedStateSnapshot.FrozenState frozen(
            String name,
            StateDescriptor.Type type,
            boolean timed,
            TtlPolicy cleanup,
            KeyedValueMap.Frozen<?, Object> entries) {
        return new KeyedStateSnapshot.FrozenState(name, type, timed, cleanup, (KeyedValueMap.Frozen) entries);
    }

    /**
     * Adds the entries of a snapshot that belong to this subtask's key groups; called once per
     * snapshot to restore from (a restore at another parallelism reads several), before any state
     * is used.
     *
     * @throws IOException if the stream cannot be read or is not a keyed-state snapshot
     * @throws IllegalStateException if the snapshot was written with another max parallelism
     */
    public void restore(InputStream stream) throws IOException {
        if (!states.isEmpty()) {
            throw new IllegalStateException("Keyed state is restored before any state is used");
        }
        KeyedStateRestore.read(stream, this);
    }

    int snapshotMaxParallelismCheck(int written) {
        if (written != maxParallelism) {
            throw new IllegalStateException("The keyed state was written with max parallelism " + written
                    + ", but the operator now has max parallelism " + maxParallelism
                    + ": a stateful operator keeps its max parallelism (set it with setMaxParallelism).");
        }
        return written;
    }

    RestoredState<K> restoredState(String name, StateDescriptor.Type type, boolean timed) {
        RestoredState<K> state =
                restored.computeIfAbsent(name, n -> new RestoredState<>(n, type, timed, new KeyedValueMap<>()));
        if (state.type() != type || state.timed() != timed) {
            throw new IllegalStateException("The snapshots to restore disagree about state '" + name + "'");
        }
        return state;
    }

    TaggedRecordSerializer serializer() {
        return serializer;
    }

    boolean snapshotInFlight() {
        return (int) IN_FLIGHT.get(this) > 0; // plain read, see the field
    }

    private static void checkSameKind(StateDescriptor<?, ?> registered, StateDescriptor<?, ?> asked) {
        boolean same = registered.getType() == asked.getType()
                && registered.getTypeClass() == asked.getTypeClass()
                && (!(registered instanceof MapStateDescriptor<?, ?> map)
                        || map.getKeyClass() == ((MapStateDescriptor<?, ?>) asked).getKeyClass());
        if (!same) {
            throw new IllegalStateException("State '" + registered.getName() + "' is registered as "
                    + registered.describe() + " and cannot also be " + asked.describe()
                    + ": give each state its own name.");
        }
    }

    @Override
    public void forEachKey(String stateName, KeyAction<K> action) throws Exception {
        AbstractHeapState<K> state = states.get(stateName);
        if (state == null) {
            return;
        }
        // the keys first: the action may change the table while we go through it
        List<K> keys = new ArrayList<>(state.numberOfKeys());
        state.forEachKey(keys::add);
        for (K key : keys) {
            setCurrentKey(key);
            action.apply(key);
        }
    }

    /** How many keys state {@code name} holds a value for (for tests and metrics); 0 if it does not exist. */
    public int numberOfKeys(String name) {
        AbstractHeapState<K> state = states.get(name);
        return state == null ? 0 : state.numberOfKeys();
    }

    @Override
    public KeyGroupRange getKeyGroupRange() {
        return keyGroupRange;
    }

    @Override
    public int getMaxParallelism() {
        return maxParallelism;
    }

    @Override
    public void dispose() {
        states.clear();
        restored.clear();
        cleanedUpPerRecord = Arrays.copyOf(cleanedUpPerRecord, 0);
        currentKey = null;
    }
}
