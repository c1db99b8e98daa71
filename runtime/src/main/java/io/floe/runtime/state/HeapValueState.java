package io.floe.runtime.state;

import io.floe.api.state.ValueState;
import io.floe.api.state.ValueStateDescriptor;

/**
 * {@link ValueState} on the heap: the entry is the value, or a {@link TtlValue} holding it; for a
 * {@code Long} state without time-to-live, a {@link LongCell}.
 */
final class HeapValueState<K, V> extends AbstractHeapState<K> implements ValueState<V> {
    private final V defaultValue;
    private final boolean longCells;

    @SuppressWarnings("deprecation")
    HeapValueState(HeapKeyedStateBackend<K> backend, ValueStateDescriptor<V> descriptor, TtlPolicy ttl) {
        super(backend, descriptor, ttl);
        this.defaultValue = descriptor.getDefaultValue();
        this.longCells = ttl == null && descriptor.getTypeClass() == Long.class;
    }

    @Override
    void adopt(KeyedValueMap<K, Object> restored) {
        if (longCells) {
            for (int slot = 0; slot < restored.capacity(); slot++) {
                if (restored.isOccupied(slot)) {
                    restored.setValueAt(slot, new LongCell((Long) restored.valueAt(slot)));
                }
            }
        }
        super.adopt(restored);
    }

    /**
     * With cells, also the value of every cell as it is now: the cells go on changing in place
     * while the snapshot is written. One pass over the cells, on the task thread.
     */
    @Override
    KeyedValueMap.Frozen<K, Object> freeze() {
        KeyedValueMap.Frozen<K, Object> frozen = super.freeze();
        if (!longCells) {
            return frozen;
        }
        Object[] entries = frozen.entries();
        long[] values = new long[entries.length / 2];
        for (int slot = 0; slot < values.length; slot++) {
            Object cell = entries[2 * slot + 1];
            if (cell != null) {
                values[slot] = ((LongCell) cell).value;
            }
        }
        return new KeyedValueMap.Frozen<>(entries, frozen.size(), values);
    }

    @Override
    @SuppressWarnings("unchecked")
    public V value() {
        if (longCells) {
            Object cell = storedWithoutTtl();
            return cell == null ? defaultValue : (V) (Long) ((LongCell) cell).value;
        }
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
        if (longCells && value != null) {
            Object cell = storedWithoutTtl();
            if (cell != null) {
                ((LongCell) cell).value = (Long) value; // a snapshot took the values out at its freeze
            } else {
                storeWithoutTtl(new LongCell((Long) value));
            }
        } else if (ttl == null && value != null) {
            storeWithoutTtl(value);
        } else {
            store(value == null || ttl == null ? value : new TtlValue(value, ttl.now()));
        }
    }
}
