package io.floe.runtime.state;

import io.floe.api.state.State;
import io.floe.api.state.StateDescriptor;
import java.util.function.Consumer;

/**
 * The part every heap state shares: its table (one entry per key), the slot of the current key,
 * found once per key and reused by the reads and writes that follow, and the incremental
 * time-to-live cleanup. What an entry holds (a value, a list, a map, possibly wrapped in
 * {@link TtlValue}s) is up to the subclass. Used on the task's thread only.
 */
abstract class AbstractHeapState<K> implements State {
    protected final HeapKeyedStateBackend<K> backend;
    protected final StateDescriptor<?, ?> descriptor;
    /** Replaced once, by {@link #adopt}, when the state was restored from a snapshot. */
    protected KeyedValueMap<K, Object> table = new KeyedValueMap<>();
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

    /** Takes over the entries restored from a snapshot; before first use. */
    void adopt(KeyedValueMap<K, Object> restored) {
        table = restored;
        slotEpoch = -1;
        cleanupCursor = 0;
    }

    /**
     * Whether a snapshot that is being written shares this state's entries: then an entry's list,
     * map or mutable value must be copied before it is changed in place, or handed to user code
     * that may change it.
     */
    protected final boolean sharedWithSnapshot() {
        return backend.snapshotInFlight();
    }

    /**
     * {@code value} itself, or, while a snapshot shares it, a deep copy (the same object for an
     * immutable value). The caller stores the copy, so that what user code changes in place is
     * the live state's and not the snapshot's.
     */
    protected final Object copyIfShared(Object value) {
        return value != null && backend.snapshotInFlight()
                ? backend.serializer().copy(value)
                : value;
    }

    /**
     * The current key's single value (value or reducing state), ready to hand to user code: while a
     * snapshot shares it, a copy that replaces it in the table.
     */
    protected final Object privateValue(Object value) {
        Object copy = copyIfShared(value);
        if (copy != value) {
            store(ttl == null ? copy : new TtlValue(copy, ((TtlValue) stored()).lastAccess()));
        }
        return copy;
    }

    /** The entries as they are now, for a snapshot written while the state changes. */
    KeyedValueMap.Frozen<K, Object> freeze() {
        return table.freeze();
    }

    /** Calls {@code action} with every key that has a value; the action must not change the state. */
    void forEachKey(Consumer<K> action) {
        table.forEach((key, entry) -> action.accept(key));
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

    /** What is left of an entry once its expired parts are gone; see {@link Expiry}. */
    private Object withoutExpired(Object entry, long now) {
        return Expiry.withoutExpired(descriptor.getType(), ttl, entry, now);
    }

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
