package io.floe.runtime.state;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.BiConsumer;

/**
 * The value of each key of a keyed operator on the heap: an open-addressing hash table with
 * parallel arrays of hashes, keys and values, probed linearly. Compared with a HashMap it needs
 * no node per entry and finds a key by scanning an int array, which matters when every record
 * does one lookup. Keys must not be null. Used by one task thread; not thread-safe.
 */
public final class KeyedValueMap<K, V> {
    private static final int MIN_CAPACITY = 64;

    private int[] hashes;
    private Object[] keys;
    private Object[] values;
    private int size;
    private int mask;

    public KeyedValueMap() {
        allocate(MIN_CAPACITY);
    }

    /** Where {@code key} lives, or the free slot where it would go (negative: -(slot + 1)). */
    public int find(K key) {
        int hash = spread(key.hashCode());
        int slot = hash & mask;
        while (true) {
            Object stored = keys[slot];
            if (stored == null) {
                return -(slot + 1);
            }
            if (hashes[slot] == hash && (stored == key || stored.equals(key))) {
                return slot;
            }
            slot = (slot + 1) & mask;
        }
    }

    @SuppressWarnings("unchecked")
    public V valueAt(int slot) {
        return (V) values[slot];
    }

    /** The key as first stored: callers may reuse it instead of an equal copy. */
    @SuppressWarnings("unchecked")
    public K keyAt(int slot) {
        return (K) keys[slot];
    }

    public void setValueAt(int slot, V value) {
        values[slot] = value;
    }

    /**
     * Inserts a key that {@link #find} reported missing at {@code -(slot + 1)}.
     *
     * @return the slot the key now lives in (it moves when the table grew)
     */
    public int insertAt(int missing, K key, V value) {
        int slot = -missing - 1;
        hashes[slot] = spread(key.hashCode());
        keys[slot] = Objects.requireNonNull(key, "keys must not be null");
        values[slot] = value;
        if (++size > (mask + 1) * 2 / 3) {
            resize();
            return find(key);
        }
        return slot;
    }

    /**
     * Removes the entry in {@code slot} and shifts later entries of its probe run back, so no
     * tombstones are left. Entries may move: slots found before are stale afterwards.
     */
    public void removeAt(int slot) {
        int hole = slot;
        int next = (hole + 1) & mask;
        while (keys[next] != null) {
            int home = hashes[next] & mask;
            // the entry at next may fill the hole if its home slot is not between hole and next (cyclically)
            boolean homeBetween = hole <= next ? (home > hole && home <= next) : (home > hole || home <= next);
            if (!homeBetween) {
                hashes[hole] = hashes[next];
                keys[hole] = keys[next];
                values[hole] = values[next];
                hole = next;
            }
            next = (next + 1) & mask;
        }
        hashes[hole] = 0;
        keys[hole] = null;
        values[hole] = null;
        size--;
    }

    public boolean remove(K key) {
        int slot = find(key);
        if (slot < 0) {
            return false;
        }
        removeAt(slot);
        return true;
    }

    /**
     * A copy of the table as it is now, for a snapshot that is written while the table changes:
     * two array copies, no per-entry work. The values are shared, not copied.
     */
    public Frozen<K, V> freeze() {
        return new Frozen<>(Arrays.copyOf(keys, keys.length), Arrays.copyOf(values, values.length), size);
    }

    /** What {@link #freeze()} returns: the keys and values by slot (null keys are empty slots). */
    public record Frozen<K, V>(Object[] keys, Object[] values, int size) {
        @SuppressWarnings("unchecked")
        public void forEach(BiConsumer<K, V> action) {
            for (int i = 0; i < keys.length; i++) {
                if (keys[i] != null) {
                    action.accept((K) keys[i], (V) values[i]);
                }
            }
        }
    }

    /** The number of slots; with {@link #isOccupied} for scans that resume where they stopped. */
    public int capacity() {
        return keys.length;
    }

    public boolean isOccupied(int slot) {
        return keys[slot] != null;
    }

    public V get(K key) {
        int slot = find(key);
        return slot >= 0 ? valueAt(slot) : null;
    }

    public void put(K key, V value) {
        int slot = find(key);
        if (slot >= 0) {
            values[slot] = value;
        } else {
            insertAt(slot, key, value);
        }
    }

    public int size() {
        return size;
    }

    @SuppressWarnings("unchecked")
    public void forEach(BiConsumer<K, V> action) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != null) {
                action.accept((K) keys[i], (V) values[i]);
            }
        }
    }

    private void resize() {
        int[] oldHashes = hashes;
        Object[] oldKeys = keys;
        Object[] oldValues = values;
        allocate(keys.length * 2);
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != null) {
                int slot = oldHashes[i] & mask;
                while (keys[slot] != null) {
                    slot = (slot + 1) & mask;
                }
                hashes[slot] = oldHashes[i];
                keys[slot] = oldKeys[i];
                values[slot] = oldValues[i];
            }
        }
    }

    private void allocate(int capacity) {
        hashes = new int[capacity];
        keys = new Object[capacity];
        values = new Object[capacity];
        mask = capacity - 1;
    }

    /** Mixes the high bits in, so keys whose hash codes differ only there spread over the table. */
    private static int spread(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        return h ^ (h >>> 13);
    }

    @Override
    public String toString() {
        return "KeyedValueMap{size=" + size + ", capacity=" + keys.length + "}";
    }

    /** Removes every entry. */
    public void clear() {
        Arrays.fill(hashes, 0);
        Arrays.fill(keys, null);
        Arrays.fill(values, null);
        size = 0;
    }
}
