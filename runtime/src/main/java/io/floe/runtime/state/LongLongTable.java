package io.floe.runtime.state;

/**
 * The values of a {@code ValueState<Long>} ({@code <Integer>}, {@code <Double>} as raw bits)
 * whose keys are {@code Long}s, the common counter per id: an open-addressing table of primitive
 * pairs, probed linearly, the key at {@code 2s} and the value at {@code 2s + 1}, with one bit
 * per slot saying that it is taken. A lookup reads one line of the pairs (and one of the bit set,
 * which is small enough to stay cached), where the generic table reads four (the hash, the key
 * reference, the key object and the value cell); with a million keys each of them is a cache
 * miss. A snapshot copies the two arrays. Used by one task thread; not thread-safe.
 */
final class LongLongTable {
    private static final int MIN_CAPACITY = 64;

    private long[] pairs;
    private long[] taken;
    private int size;
    private int mask;

    LongLongTable() {
        allocate(MIN_CAPACITY);
    }

    /** Where {@code key} lives, or the free slot where it would go (negative: -(slot + 1)). */
    int find(long key) {
        int slot = home(key, mask);
        while (true) {
            if ((taken[slot >>> 6] & (1L << slot)) == 0) {
                return -(slot + 1);
            }
            if (pairs[slot << 1] == key) {
                return slot;
            }
            slot = (slot + 1) & mask;
        }
    }

    long valueAt(int slot) {
        return pairs[(slot << 1) + 1];
    }

    void setValueAt(int slot, long value) {
        pairs[(slot << 1) + 1] = value;
    }

    /**
     * Inserts a key that {@link #find} reported missing at {@code -(slot + 1)}.
     *
     * @return the slot the key now lives in (it moves when the table grew)
     */
    int insertAt(int missing, long key, long value) {
        int slot = -missing - 1;
        put(slot, key, value);
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
    void removeAt(int slot) {
        int hole = slot;
        int next = (hole + 1) & mask;
        while (isTaken(next)) {
            int home = home(pairs[next << 1], mask);
            // the entry at next may fill the hole if its home slot is not between hole and next (cyclically)
            boolean homeBetween = hole <= next ? (home > hole && home <= next) : (home > hole || home <= next);
            if (!homeBetween) {
                pairs[hole << 1] = pairs[next << 1];
                pairs[(hole << 1) + 1] = pairs[(next << 1) + 1];
                hole = next;
            }
            next = (next + 1) & mask;
        }
        taken[hole >>> 6] &= ~(1L << hole);
        size--;
    }

    int size() {
        return size;
    }

    /** The number of slots; with {@link #isTaken} and {@link #keyAt} for scans. */
    int capacity() {
        return mask + 1;
    }

    boolean isTaken(int slot) {
        return (taken[slot >>> 6] & (1L << slot)) != 0;
    }

    long keyAt(int slot) {
        return pairs[slot << 1];
    }

    /**
     * A copy of the table as it is now, for a snapshot written while the table changes: two array
     * copies. {@code type} says what the value bits are.
     */
    Frozen freeze(LongCell.Type type) {
        return new Frozen(pairs.clone(), taken.clone(), size, type);
    }

    /** The table as {@link #freeze} found it. */
    record Frozen(long[] pairs, long[] taken, int size, LongCell.Type type) {
        int capacity() {
            return pairs.length >> 1;
        }

        boolean isTaken(int slot) {
            return (taken[slot >>> 6] & (1L << slot)) != 0;
        }

        long keyAt(int slot) {
            return pairs[slot << 1];
        }

        long valueAt(int slot) {
            return pairs[(slot << 1) + 1];
        }
    }

    private void put(int slot, long key, long value) {
        pairs[slot << 1] = key;
        pairs[(slot << 1) + 1] = value;
        taken[slot >>> 6] |= 1L << slot;
    }

    private void resize() {
        long[] oldPairs = pairs;
        long[] oldTaken = taken;
        allocate((mask + 1) * 2);
        for (int i = 0; i < oldPairs.length >> 1; i++) {
            if ((oldTaken[i >>> 6] & (1L << i)) != 0) {
                long key = oldPairs[i << 1];
                int slot = home(key, mask);
                while (isTaken(slot)) {
                    slot = (slot + 1) & mask;
                }
                put(slot, key, oldPairs[(i << 1) + 1]);
            }
        }
    }

    private void allocate(int capacity) {
        pairs = new long[capacity * 2];
        taken = new long[Math.max(1, capacity >>> 6)];
        mask = capacity - 1;
    }

    /** Spreads all 64 bits over the slot index (keys are often small, dense or strided ids). */
    private static int home(long key, int mask) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }

    @Override
    public String toString() {
        return "LongLongTable{size=" + size + ", capacity=" + capacity() + "}";
    }
}
