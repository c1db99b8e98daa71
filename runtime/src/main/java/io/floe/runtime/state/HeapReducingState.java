package io.floe.runtime.state;

import io.floe.api.functions.ReduceFunction;
import io.floe.api.state.ReducingState;
import io.floe.api.state.ReducingStateDescriptor;

/** {@link ReducingState} on the heap: the entry is the reduced value, or a {@link TtlValue} holding it. */
final class HeapReducingState<K, V> extends AbstractHeapState<K> implements ReducingState<V> {
    private final ReduceFunction<V> reduceFunction;

    HeapReducingState(HeapKeyedStateBackend<K> backend, ReducingStateDescriptor<V> descriptor, TtlPolicy ttl) {
        super(backend, descriptor, ttl);
        this.reduceFunction = descriptor.getReduceFunction();
    }

    @Override
    @SuppressWarnings("unchecked")
    public V get() {
        Object value = TimedEntries.read(this, stored());
        return value == null ? null : (V) privateValue(value);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void add(V value) throws Exception {
        if (value == null) {
            throw new NullPointerException("Cannot add null to " + descriptor.describe());
        }
        // reduce functions may change and return their first argument
        V current = (V) copyIfShared(TimedEntries.readForUpdate(this, stored()));
        V reduced = current == null ? value : reduceFunction.reduce(current, value);
        store(ttl == null ? reduced : new TtlValue(reduced, ttl.now()));
    }
}
