package io.floe.runtime.state;

import io.floe.api.state.AggregatingStateDescriptor;
import io.floe.api.state.ListStateDescriptor;
import io.floe.api.state.MapStateDescriptor;
import io.floe.api.state.ReducingStateDescriptor;
import io.floe.api.state.State;
import io.floe.api.state.StateDescriptor;
import io.floe.api.state.ValueStateDescriptor;
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
    private final Map<String, AbstractHeapState<K>> states = new LinkedHashMap<>();
    /** The states whose time-to-live cleanup runs on every record; usually none. */
    @SuppressWarnings("unchecked")
    private AbstractHeapState<K>[] cleanedUpPerRecord = new AbstractHeapState[0];

    private K currentKey;
    /** Changes with every {@link #setCurrentKey}, so states know when the slot they found is stale. */
    private long keyEpoch;

    /**
     * @param ttlClock the processing-time clock that state expiry follows, in epoch milliseconds
     */
    public HeapKeyedStateBackend(KeyGroupRange keyGroupRange, int maxParallelism, LongSupplier ttlClock) {
        this.keyGroupRange = Objects.requireNonNull(keyGroupRange, "keyGroupRange");
        this.maxParallelism = maxParallelism;
        this.ttlClock = Objects.requireNonNull(ttlClock, "ttlClock");
    }

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
        state.table.forEach((key, entry) -> keys.add(key));
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
        cleanedUpPerRecord = Arrays.copyOf(cleanedUpPerRecord, 0);
        currentKey = null;
    }
}
