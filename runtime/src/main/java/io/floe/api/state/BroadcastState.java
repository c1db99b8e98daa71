package io.floe.api.state;

import java.util.Iterator;
import java.util.Map;

/**
 * A map every parallel instance of an operator holds the same of, written by the broadcast side
 * ({@code processBroadcastElement}); checkpointed with the operator and given to every subtask on
 * restore, at any parallelism.
 */
public interface BroadcastState<K, V> extends ReadOnlyBroadcastState<K, V> {
    void put(K key, V value) throws Exception;

    void putAll(Map<K, V> map) throws Exception;

    void remove(K key) throws Exception;

    Iterator<Map.Entry<K, V>> iterator() throws Exception;

    Iterable<Map.Entry<K, V>> entries() throws Exception;
}
