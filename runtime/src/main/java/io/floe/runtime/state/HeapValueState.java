package io.floe.runtime.state;

import io.floe.api.state.ValueState;
import io.floe.api.state.ValueStateDescriptor;
import java.util.function.Consumer;

/**
 * {@link ValueState} on the heap: the entry is the value, or a {@link TtlValue} holding it. A
 * {@code Long}, {@code Integer} or {@code Double} state without time-to-live keeps its values as
 * primitive bits: in a {@link LongLongTable} while every key is a {@code Long}, else in a {@link
 * LongCell} per key of the generic table (the first key of another type moves the values there).
 */
final class HeapValueState<K, V> extends AbstractHeapState<K> implements ValueState<V> {
    private final V defaultValue;
    /** Null unless the values are kept as primitive bits. */
    private final LongCell.Type cells;
    /** The values while every key was a {@code Long} (with {@link #cells} only); null afterwards. */
    private LongLongTable longs;

    private long longSlotEpoch = -1;
    private int longSlot;

    @SuppressWarnings("deprecation")
    HeapValueState(HeapKeyedStateBackend<K> backend, ValueStateDescriptor<V> descriptor, TtlPolicy ttl) {
        super(backend, descriptor, ttl);
        this.defaultValue = descriptor.getDefaultValue();
        this.cells = ttl == null ? LongCell.Type.of(descriptor.getTypeClass()) : null;
        this.longs = cells == null ? null : new LongLongTable();
    }

    @Override
    void adopt(KeyedValueMap<K, Object> restored) {
        if (cells != null) {
            boolean allLong = true;
            for (int slot = 0; slot < restored.capacity() && allLong; slot++) {
                allLong = !restored.isOccupied(slot) || restored.keyAt(slot) instanceof Long;
            }
            for (int slot = 0; slot < restored.capacity(); slot++) {
                if (restored.isOccupied(slot)) {
                    long bits = cells.toBits(restored.valueAt(slot));
                    if (allLong) {
                        long key = (Long) restored.keyAt(slot);
                        longs.insertAt(longs.find(key), key, bits);
                    } else {
                        restored.setValueAt(slot, new LongCell(bits));
                    }
                }
            }
            if (allLong) {
                restored.clear();
            } else {
                longs = null;
            }
        }
        super.adopt(restored);
    }

    /**
     * With cells, also the value of every cell as it is now: the cells go on changing in place
     * while the snapshot is written. One pass over the cells, on the task thread. With the long
     * table, a copy of its two arrays.
     */
    @Override
    KeyedValueMap.Frozen<K, Object> freeze() {
        if (longs != null) {
            return KeyedValueMap.Frozen.ofLongs(longs.freeze(cells));
        }
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
        return new KeyedValueMap.Frozen<>(entries, frozen.size(), values, cells::fromBits, null);
    }

    @Override
    int numberOfKeys() {
        return super.numberOfKeys() + (longs == null ? 0 : longs.size());
    }

    @Override
    @SuppressWarnings("unchecked")
    void forEachKey(Consumer<K> action) {
        super.forEachKey(action);
        if (longs != null) {
            for (int slot = 0; slot < longs.capacity(); slot++) {
                if (longs.isTaken(slot)) {
                    action.accept((K) (Long) longs.keyAt(slot));
                }
            }
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public V value() {
        if (cells != null) {
            long bits;
            LongLongTable table = longsForCurrentKey();
            if (table != null) {
                int slot = currentLongSlot(table);
                if (slot < 0) {
                    return defaultValue;
                }
                bits = table.valueAt(slot);
            } else {
                Object cell = storedWithoutTtl();
                if (cell == null) {
                    return defaultValue;
                }
                bits = ((LongCell) cell).bits;
            }
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
            long bits = cells == LongCell.Type.LONG ? (Long) value : cells.toBits(value);
            LongLongTable table = longsForCurrentKey();
            if (table != null) {
                int slot = currentLongSlot(table);
                if (slot >= 0) {
                    table.setValueAt(slot, bits);
                } else {
                    longSlot = table.insertAt(slot, (Long) backend.getCurrentKey(), bits);
                }
                return;
            }
            Object cell = storedWithoutTtl();
            if (cell != null) {
                ((LongCell) cell).bits = bits; // a snapshot took the values out at its freeze
            } else {
                storeWithoutTtl(new LongCell(bits));
            }
        } else if (ttl == null && value != null) {
            storeWithoutTtl(value);
        } else if (value == null) {
            clear();
        } else {
            store(new TtlValue(value, ttl.now()));
        }
    }

    @Override
    public void clear() {
        LongLongTable table = longsForCurrentKey();
        if (table == null) {
            super.clear();
            return;
        }
        int slot = currentLongSlot(table);
        if (slot >= 0) {
            table.removeAt(slot);
            longSlotEpoch = -1; // entries moved
        }
    }

    /**
     * The long table, if the values are still there and the current key is a {@code Long}. The
     * first key of another type moves every value into cells of the generic table; without a key,
     * null too, so that the generic path reports the missing key.
     */
    private LongLongTable longsForCurrentKey() {
        LongLongTable table = longs;
        if (table != null) {
            Object key = backend.getCurrentKey();
            if (!(key instanceof Long)) {
                if (key != null) {
                    moveToCells(table);
                }
                return null;
            }
        }
        return table;
    }

    /** The current key's slot in the long table, found once per key like {@link AbstractHeapState}'s. */
    private int currentLongSlot(LongLongTable table) {
        long epoch = backend.keyEpoch();
        if (longSlotEpoch != epoch) {
            longSlot = table.find((Long) backend.getCurrentKey());
            longSlotEpoch = epoch;
        }
        return longSlot;
    }

    @SuppressWarnings("unchecked")
    private void moveToCells(LongLongTable table) {
        for (int slot = 0; slot < table.capacity(); slot++) {
            if (table.isTaken(slot)) {
                this.table.put((K) (Long) table.keyAt(slot), new LongCell(table.valueAt(slot)));
            }
        }
        longs = null;
    }
}
