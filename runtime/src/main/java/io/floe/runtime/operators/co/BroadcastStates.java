package io.floe.runtime.operators.co;

import io.floe.api.state.BroadcastState;
import io.floe.api.state.ListState;
import io.floe.api.state.ListStateDescriptor;
import io.floe.api.state.MapStateDescriptor;
import io.floe.api.state.OperatorStateStore;
import io.floe.api.tuple.Tuple2;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The broadcast states of one operator: the maps its {@code broadcast(descriptors...)} declared,
 * kept in union operator state, so that at a restore (at any parallelism) every subtask gets every
 * entry back. Task thread only.
 */
final class BroadcastStates implements Serializable {
    private static final long serialVersionUID = 1L;

    private final List<MapStateDescriptor<?, ?>> descriptors;
    private transient Map<String, HeapBroadcastState<Object, Object>> states;
    private transient Map<String, ListState<Tuple2<Object, Object>>> snapshots;

    BroadcastStates(List<MapStateDescriptor<?, ?>> descriptors) {
        if (descriptors.isEmpty()) {
            throw new IllegalArgumentException("broadcast(...) needs at least one MapStateDescriptor");
        }
        this.descriptors = List.copyOf(descriptors);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    void initialize(OperatorStateStore store) throws Exception {
        states = new LinkedHashMap<>();
        snapshots = new HashMap<>();
        for (MapStateDescriptor<?, ?> descriptor : descriptors) {
            ListState<Tuple2<Object, Object>> snapshot =
                    (ListState<Tuple2<Object, Object>>) (ListState<?>) store.getUnionListState(
                            new ListStateDescriptor<>("_broadcast/" + descriptor.getName(), (Class) Tuple2.class));
            HeapBroadcastState<Object, Object> state = new HeapBroadcastState<>();
            for (Tuple2<Object, Object> entry : snapshot.get()) { // every subtask's copy: the same entries
                state.put(entry.f0, entry.f1);
            }
            states.put(descriptor.getName(), state);
            snapshots.put(descriptor.getName(), snapshot);
        }
    }

    void snapshot() throws Exception {
        for (Map.Entry<String, HeapBroadcastState<Object, Object>> state : states.entrySet()) {
            List<Tuple2<Object, Object>> entries = new ArrayList<>();
            for (Map.Entry<Object, Object> entry : state.getValue().entries()) {
                entries.add(Tuple2.of(entry.getKey(), entry.getValue()));
            }
            snapshots.get(state.getKey()).update(entries);
        }
    }

    @SuppressWarnings("unchecked")
    <K, V> HeapBroadcastState<K, V> get(MapStateDescriptor<K, V> descriptor) {
        HeapBroadcastState<Object, Object> state = states.get(descriptor.getName());
        if (state == null) {
            throw new IllegalArgumentException("The broadcast state '" + descriptor.getName() + "' was not declared:"
                    + " pass its MapStateDescriptor to broadcast(...); declared: " + states.keySet());
        }
        return (HeapBroadcastState<K, V>) state;
    }

    /** One broadcast state: a map on the heap. */
    static final class HeapBroadcastState<K, V> implements BroadcastState<K, V> {
        private final Map<K, V> entries = new HashMap<>();

        @Override
        public V get(K key) {
            return entries.get(key);
        }

        @Override
        public boolean contains(K key) {
            return entries.containsKey(key);
        }

        @Override
        public Iterable<Map.Entry<K, V>> immutableEntries() {
            return Collections.unmodifiableMap(entries).entrySet();
        }

        @Override
        public void put(K key, V value) {
            entries.put(key, value);
        }

        @Override
        public void putAll(Map<K, V> map) {
            entries.putAll(map);
        }

        @Override
        public void remove(K key) {
            entries.remove(key);
        }

        @Override
        public Iterator<Map.Entry<K, V>> iterator() {
            return entries.entrySet().iterator();
        }

        @Override
        public Iterable<Map.Entry<K, V>> entries() {
            return entries.entrySet();
        }

        @Override
        public void clear() {
            entries.clear();
        }
    }
}
