package io.floe.runtime.state;

import io.floe.api.state.ValueState;
import io.floe.api.state.ValueStateDescriptor;

/**
 * {@link ValueState} on the heap: the entry is the value, or a {@link TtlValue} holding it; for a
 * {@code Long}, {@code Integer} or {@code Double} state without time-to-live, a {@link LongCell}.
 */
final class HeapValueState<K, V> extends AbstractHeapState<K> implements ValueState<V> {
    private final V defaultValue;
    /** Null unless the values live in {@link LongCell}s. */
    private final LongCell.Type cells;

    @SuppressWarnings("deprecation")
    HeapValueState(HeapKeyedStateBackend<K> backend, ValueStateDescriptor<V> descriptor, TtlPolicy ttl) {
        super(backend, descriptor, ttl);
        this.defaultValue = descriptor.getDefaultValue();
        this.cells = ttl == null ? LongCell.Type.of(descriptor.getTypeClass()) : null;
    }

    @Override
    void adopt(KeyedValueMap<K, Object> restored) {
        if (cells != null) {
            for (int slot = 0; slot < restored.capacity(); slot++) {
                if (restored.isOccupied(slot)) {
                    restored.setValueAt(slot, new LongCell(cells.toBits(restored.valueAt(slot))));
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
        if (cells == null) {
            return frozen;
        }
        Object[] entries = frozen.entries();
        long[] values = new long[entries.length / 2];
        for (int slot = 0; slot < values.length; slot++) {
            Object cell = entries[2 * slot + 1];
            if (cell != null) {
                values[slot] = ((LongCell) cell).bits;
            }
        }
        return new KeyedValueMap.Frozen<>(entries, frozen.size(), values, cells::fromBits);
    }

    @Override
    @SuppressWarnings("unchecked")
    public V value() {
        if (cells != null) {
            Object cell = storedWithoutTtl();
            if (cell == null) {
                return defaultValue;
            }
            long bits = ((LongCell) cell).bits;
            // Long first and without the switch: W4's counters run through here, and value() must stay small
            // enough to inline, so that the box it returns is never allocated
            return cells == LongCell.Type.LONG ? (V) (Long) bits : (V) cells.fromBits(bits);
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
        if (cells != null && value != null) {
            Object cell = storedWithoutTtl();
            long bits = cells == LongCell.Type.LONG ? (Long) value : cells.toBits(value);
            if (cell != null) {
                ((LongCell) cell).bits = bits; // a snapshot took the values out at its freeze
            } else {
                storeWithoutTtl(new LongCell(bits));
            }
        } else if (ttl == null && value != null) {
            storeWithoutTtl(value);
        } else {
            store(value == null || ttl == null ? value : new TtlValue(value, ttl.now()));
        }
    }
}
