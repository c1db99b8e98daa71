package io.floe.runtime.state;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.LongFunction;

/**
 * The value of each key of a keyed operator on the heap: an open-addressing hash table, probed
 * linearly, with an array of hashes and one array holding each slot's key and value side by
 * side. Compared with a HashMap it needs no node per entry, and a lookup touches few cache lines
 * (the hash, the key and value pair, the key object): with a million keys every record's lookup
 * misses the caches, so each line counts. Keys must not be null. Used by one task thread; not
 * thread-safe.
 */
public final class KeyedValueMap<K, V> {
    private static final int MIN_CAPACITY = 64;

    private int[] hashes;
    /** The key of slot s at {@code 2s}, its value at {@code 2s + 1}: both in one cache line. */
    private Object[] entries;

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
            Object stored = entries[slot << 1];
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
        return (V) entries[(slot << 1) + 1];
    }

    /** The key as first stored: callers may reuse it instead of an equal copy. */
    @SuppressWarnings("unchecked")
    public K keyAt(int slot) {
        return (K) entries[slot << 1];
    }

    public void setValueAt(int slot, V value) {
        entries[(slot << 1) + 1] = value;
    }

    /**
     * Inserts a key that {@link #find} reported missing at {@code -(slot + 1)}.
     *
     * @return the slot the key now lives in (it moves when the table grew)
     */
    public int insertAt(int missing, K key, V value) {
        int slot = -missing - 1;
        hashes[slot] = spread(key.hashCode());
        entries[slot << 1] = Objects.requireNonNull(key, "keys must not be null");
        entries[(slot << 1) + 1] = value;
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
        while (entries[next << 1] != null) {
            int home = hashes[next] & mask;
            // the entry at next may fill the hole if its home slot is not between hole and next (cyclically)
            boolean homeBetween = hole <= next ? (home > hole && home <= next) : (home > hole || home <= next);
            if (!homeBetween) {
                hashes[hole] = hashes[next];
                entries[hole << 1] = entries[next << 1];
                entries[(hole << 1) + 1] = entries[(next << 1) + 1];
                hole = next;
            }
            next = (next + 1) & mask;
        }
        hashes[hole] = 0;
        entries[hole << 1] = null;
        entries[(hole << 1) + 1] = null;
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
     * one array copy, no per-entry work. The values are shared, not copied.
     */
    public Frozen<K, V> freeze() {
        return new Frozen<>(Arrays.copyOf(entries, entries.length), size, null, null, null);
    }

    /**
     * What {@link #freeze()} returns: by slot, the key at {@code 2 * slot} (null for an empty
     * slot) and the value at {@code 2 * slot + 1}; or, where the table's values are mutable cells
     * of a primitive, {@code longValues[slot]} holds the value as it was frozen, and
     * {@code boxer} turns it into the value (else both are null). A state whose keys and values
     * are primitive has {@code longs} instead (the other components are then null).
     */
    public record Frozen<K, V>(
            Object[] entries, int size, long[] longValues, LongFunction<Object> boxer, LongLongTable.Frozen longs) {
        static <K, V> Frozen<K, V> ofLongs(LongLongTable.Frozen longs) {
            return new Frozen<>(null, longs.size(), null, null, longs);
        }
    }

    /** The number of slots; with {@link #isOccupied} for scans that resume where they stopped. */
    public int capacity() {
        return hashes.length;
    }

    public boolean isOccupied(int slot) {
        return entries[slot << 1] != null;
    }

    public V get(K key) {
        int slot = find(key);
        return slot >= 0 ? valueAt(slot) : null;
    }

    public void put(K key, V value) {
        int slot = find(key);
        if (slot >= 0) {
            setValueAt(slot, value);
        } else {
            insertAt(slot, key, value);
        }
    }

    public int size() {
        return size;
    }

    @SuppressWarnings("unchecked")
    public void forEach(BiConsumer<K, V> action) {
        for (int i = 0; i < entries.length; i += 2) {
            if (entries[i] != null) {
                action.accept((K) entries[i], (V) entries[i + 1]);
            }
        }
    }

    private void resize() {
        int[] oldHashes = hashes;
        Object[] oldEntries = entries;
        allocate(hashes.length * 2);
        for (int i = 0; i < oldHashes.length; i++) {
            if (oldEntries[i << 1] != null) {
                int slot = oldHashes[i] & mask;
                while (entries[slot << 1] != null) {
                    slot = (slot + 1) & mask;
                }
                hashes[slot] = oldHashes[i];
                entries[slot << 1] = oldEntries[i << 1];
                entries[(slot << 1) + 1] = oldEntries[(i << 1) + 1];
            }
        }
    }

    private void allocate(int capacity) {
        hashes = new int[capacity];
        entries = new Object[capacity * 2];
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
        return "KeyedValueMap{size=" + size + ", capacity=" + hashes.length + "}";
    }

    /** Removes every entry. */
    public void clear() {
        Arrays.fill(hashes, 0);
        Arrays.fill(entries, null);
        size = 0;
    }
}
