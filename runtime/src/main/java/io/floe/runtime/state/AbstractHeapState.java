package io.floe.runtime.state;

import io.floe.api.state.State;
import io.floe.api.state.StateDescriptor;

/**
 * The part every heap state shares: its table (one entry per key), the slot of the current key,
 * found once per key and reused by the reads and writes that follow, and the incremental
 * time-to-live cleanup. What an entry holds (a value, a list, a map, possibly wrapped in
 * {@link TtlValue}s) is up to the subclass. Used on the task's thread only.
 */
abstract class AbstractHeapState<K> implements State {
    protected final HeapKeyedStateBackend<K> backend;
    protected final StateDescriptor<?, ?> descriptor;
    protected final KeyedValueMap<K, Object> table = new KeyedValueMap<>();
    /** Null when the state never expires. */
    protected final TtlPolicy ttl;

    private long slotEpoch = -1;
    private int slot;
    private int cleanupCursor;

    AbstractHeapState(HeapKeyedStateBackend<K> backend, StateDescriptor<?, ?> descriptor, TtlPolicy ttl) {
        this.backend = backend;
        this.descriptor = descriptor;
        this.ttl = ttl;
    }

    StateDescriptor<?, ?> descriptor() {
        return descriptor;
    }

    /** How many keys have a value; expired values not cleaned up yet count. */
    int numberOfKeys() {
        return table.size();
    }

    /** What the current key's entry holds, or null. */
    protected final Object stored() {
        if (ttl != null) {
            incrementalCleanup();
        }
        int current = currentSlot();
        return current >= 0 ? table.valueAt(current) : null;
    }

    /** {@link #stored()} for a state without time-to-live. */
    protected final Object storedWithoutTtl() {
        int current = currentSlot();
        return current >= 0 ? table.valueAt(current) : null;
    }

    /** {@link #store} of a non-null entry, for a state without time-to-live. */
    protected final void storeWithoutTtl(Object entry) {
        int current = currentSlot();
        if (current >= 0) {
            table.setValueAt(current, entry);
        } else {
            slot = table.insertAt(current, backend.getCurrentKey(), entry);
        }
    }

    /** Replaces the current key's entry; {@code null} removes it. */
    protected final void store(Object entry) {
        if (entry == null) {
            removeCurrent();
            return;
        }
        int current = currentSlot();
        if (current >= 0) {
            table.setValueAt(current, entry);
        } else {
            slot = table.insertAt(current, backend.getCurrentKey(), entry);
        }
    }

    protected final void removeCurrent() {
        int current = currentSlot();
        if (current >= 0) {
            table.removeAt(current);
            slotEpoch = -1; // entries moved
        }
    }

    @Override
    public void clear() {
        removeCurrent();
    }

    private int currentSlot() {
        long epoch = backend.keyEpoch();
        if (slotEpoch != epoch) {
            findSlot(epoch);
        }
        return slot;
    }

    /** Out of line, so that {@link #currentSlot()} stays small enough to inline everywhere. */
    private void findSlot(long epoch) {
        K key = backend.getCurrentKey();
        if (key == null) {
            throw new IllegalStateException("No key is set: keyed state " + descriptor.describe()
                    + " can only be used while a keyed function processes a record.");
        }
        slot = table.find(key);
        slotEpoch = epoch;
    }

    /**
     * What is left of an entry once its expired parts are gone: the entry itself, a pruned copy,
     * or null when all of it expired.
     */
    protected abstract Object withoutExpired(Object entry, long now);

    /** Checks the next few entries of the table for expiry, as {@code cleanupIncrementally} asks. */
    final void incrementalCleanup() {
        int budget = ttl.incrementalCleanupSize();
        if (budget == 0 || table.size() == 0) {
            return;
        }
        long now = ttl.now();
        boolean removed = false;
        for (int checked = 0; checked < budget; checked++) {
            if (cleanupCursor >= table.capacity()) {
                cleanupCursor = 0;
            }
            if (table.isOccupied(cleanupCursor)) {
                Object entry = table.valueAt(cleanupCursor);
                Object left = withoutExpired(entry, now);
                if (left == null) {
                    table.removeAt(cleanupCursor);
                    removed = true;
                    continue; // a later entry may have moved into this slot
                }
                if (left != entry) {
                    table.setValueAt(cleanupCursor, left);
                }
            }
            cleanupCursor++;
        }
        if (removed) {
            slotEpoch = -1;
        }
    }
}
