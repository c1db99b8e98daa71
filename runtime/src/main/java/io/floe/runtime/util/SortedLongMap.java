package io.floe.runtime.util;

import java.util.Arrays;
import java.util.Objects;

/**
 * A map from {@code long} to value, sorted by key, in two arrays: for a handful of entries (a
 * window operator's panes of one key) it costs a search of a few longs where a {@code
 * HashMap<Long, V>} boxes the key and hashes it. Not thread-safe. Record serialization knows it,
 * so it can be a state value.
 */
public final class SortedLongMap<V> {
    private static final int INITIAL_CAPACITY = 4;

    private long[] keys;
    private Object[] values;
    private int size;

    public SortedLongMap() {
        this(INITIAL_CAPACITY);
    }

    public SortedLongMap(int capacity) {
        keys = new long[Math.max(1, capacity)];
        values = new Object[keys.length];
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** The index of {@code key}, or {@code -(insertion point) - 1} when it is absent. */
    public int indexOf(long key) {
        // keys mostly come in time order: the last entry, or past it, first; then a short scan back; then bisection
        int last = size - 1;
        if (last < 0 || key > keys[last]) {
            return -size - 1;
        }
        int stop = Math.max(0, size - 8);
        for (int i = last; i >= stop; i--) {
            if (keys[i] <= key) {
                return keys[i] == key ? i : -(i + 1) - 1;
            }
        }
        return stop == 0 ? -1 : Arrays.binarySearch(keys, 0, stop, key);
    }

    /** The value of {@code key}, or null. */
    public V get(long key) {
        int index = indexOf(key);
        return index >= 0 ? valueAt(index) : null;
    }

    public long keyAt(int index) {
        Objects.checkIndex(index, size);
        return keys[index];
    }

    @SuppressWarnings("unchecked")
    public V valueAt(int index) {
        Objects.checkIndex(index, size);
        return (V) values[index];
    }

    public void setValueAt(int index, V value) {
        Objects.checkIndex(index, size);
        values[index] = value;
    }

    /** Sets the value of {@code key}; appending a key later than all others is the cheap case. */
    public void put(long key, V value) {
        int index = indexOf(key);
        if (index >= 0) {
            values[index] = value;
            return;
        }
        insertAt(index, key, value);
    }

    /** Inserts {@code key}, which {@link #indexOf} just reported absent as {@code missing}, saving a second search. */
    public void insertAt(int missing, long key, V value) {
        int at = -missing - 1;
        if (at < 0 || at > size || (at < size && keys[at] <= key) || (at > 0 && keys[at - 1] >= key)) {
            throw new IllegalArgumentException("Not where " + key + " is missing: " + missing);
        }
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        System.arraycopy(keys, at, keys, at + 1, size - at);
        System.arraycopy(values, at, values, at + 1, size - at);
        keys[at] = key;
        values[at] = value;
        size++;
    }

    /** Removes {@code key}'s entry, if any; returns its value or null. */
    public V remove(long key) {
        int index = indexOf(key);
        if (index < 0) {
            return null;
        }
        V removed = valueAt(index);
        System.arraycopy(keys, index + 1, keys, index, size - index - 1);
        System.arraycopy(values, index + 1, values, index, size - index - 1);
        values[--size] = null;
        return removed;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof SortedLongMap<?> other) || other.size != size) {
            return false;
        }
        for (int i = 0; i < size; i++) {
            if (keys[i] != other.keys[i] || !Objects.equals(values[i], other.values[i])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int hash = 1;
        for (int i = 0; i < size; i++) {
            hash = 31 * (31 * hash + Long.hashCode(keys[i])) + Objects.hashCode(values[i]);
        }
        return hash;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("{");
        for (int i = 0; i < size; i++) {
            text.append(i == 0 ? "" : ", ").append(keys[i]).append('=').append(values[i]);
        }
        return text.append('}').toString();
    }
}
