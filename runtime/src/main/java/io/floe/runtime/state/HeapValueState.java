package io.floe.runtime.state;

import io.floe.api.state.ValueState;
import io.floe.api.state.ValueStateDescriptor;

/** {@link ValueState} on the heap: the entry is the value, or a {@link TtlValue} holding it. */
final class HeapValueState<K, V> extends AbstractHeapState<K> implements ValueState<V> {
    private final V defaultValue;

    @SuppressWarnings("deprecation")
    HeapValueState(HeapKeyedStateBackend<K> backend, ValueStateDescriptor<V> descriptor, TtlPolicy ttl) {
        super(backend, descriptor, ttl);
        this.defaultValue = descriptor.getDefaultValue();
    }

    @Override
    @SuppressWarnings("unchecked")
    public V value() {
        // a private copy while a snapshot shares the value: the caller may change what it gets in place
        if (ttl == null) { // the common case, kept short: W2 and W3 run through here per record
            Object value = storedWithoutTtl();
            if (value == null) {
                return defaultValue;
            }
            return sharedWithSnapshot() ? (V) privateValue(value) : (V) value;
        }
        Object value = TimedEntries.read(this, stored());
        return value == null ? defaultValue : (V) privateValue(value);
    }

    @Override
    public void update(V value) {
        if (ttl == null && value != null) {
            storeWithoutTtl(value);
        } else {
            store(value == null || ttl == null ? value : new TtlValue(value, ttl.now()));
        }
    }
}
