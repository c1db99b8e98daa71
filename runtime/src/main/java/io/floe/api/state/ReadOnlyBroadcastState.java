package io.floe.api.state;

import java.util.Map;

/** Broadcast state as the non-broadcast side sees it: read, never written (every subtask must keep the same). */
public interface ReadOnlyBroadcastState<K, V> extends State {
    V get(K key) throws Exception;

    boolean contains(K key) throws Exception;

    /** The entries, which cannot be changed through this view. */
    Iterable<Map.Entry<K, V>> immutableEntries() throws Exception;
}
