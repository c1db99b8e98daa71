package io.floe.runtime.state;

import io.floe.api.state.MapState;
import io.floe.api.state.MapStateDescriptor;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@link MapState} on the heap: the entry is a {@link HashMap}, its values in {@link TtlValue}s
 * when the state expires (map entries expire one by one, as in Flink). Without expiry the
 * iterables are live views of the map; with it they are copies of the entries not expired.
 */
final class HeapMapState<K, UK, UV> extends AbstractHeapState<K> implements MapState<UK, UV> {

    HeapMapState(HeapKeyedStateBackend<K> backend, MapStateDescriptor<UK, UV> descriptor, TtlPolicy ttl) {
        super(backend, descriptor, ttl);
    }

    @Override
    @SuppressWarnings("unchecked")
    public UV get(UK key) {
        Map<UK, Object> map = map();
        if (map == null) {
            return null;
        }
        Object value = map.get(key);
        if (ttl == null || value == null) {
            Object copy = copyIfShared(value); // the caller may change the value in place
            if (copy != value) {
                mapForWrite().put(key, copy);
            }
            return (UV) copy;
        }
        TtlValue timed = (TtlValue) value;
        long now = ttl.now();
        if (ttl.isExpired(timed, now)) {
            remove(key);
            return ttl.returnsExpired() ? (UV) timed.value() : null;
        }
        if (ttl.refreshesOnRead()) {
            mapForWrite().put(key, new TtlValue(timed.value(), now));
        }
        return (UV) timed.value();
    }

    @Override
    public void put(UK key, UV value) {
        Map<UK, Object> map = mapForWrite();
        if (map == null) {
            map = new HashMap<>();
            store(map);
        }
        map.put(key, ttl == null ? value : new TtlValue(value, ttl.now()));
    }

    @Override
    public void putAll(Map<UK, UV> values) {
        for (Map.Entry<UK, UV> entry : values.entrySet()) {
            put(entry.getKey(), entry.getValue());
        }
    }

    @Override
    public void remove(UK key) {
        Map<UK, Object> map = mapForWrite();
        if (map != null) {
            map.remove(key);
            if (map.isEmpty()) {
                removeCurrent();
            }
        }
    }

    @Override
    public boolean contains(UK key) {
        if (ttl == null) {
            Map<UK, Object> map = map();
            return map != null && map.containsKey(key);
        }
        return visible().containsKey(key);
    }

    @Override
    public Iterable<Map.Entry<UK, UV>> entries() {
        return visible().entrySet();
    }

    @Override
    public Iterable<UK> keys() {
        return visible().keySet();
    }

    @Override
    public Iterable<UV> values() {
        return visible().values();
    }

    @Override
    public Iterator<Map.Entry<UK, UV>> iterator() {
        return visible().entrySet().iterator();
    }

    @Override
    public boolean isEmpty() {
        return visible().isEmpty();
    }

    @SuppressWarnings("unchecked")
    private Map<UK, Object> map() {
        return (Map<UK, Object>) stored();
    }

    /** The current key's map, ready to change: a copy (now stored) while a snapshot shares it. */
    private Map<UK, Object> mapForWrite() {
        Map<UK, Object> map = map();
        if (map != null && sharedWithSnapshot()) {
            map = new HashMap<>(map);
            store(map);
        }
        return map;
    }

    /** The current key's entries a reader may see: the map itself without expiry, else the live ones. */
    @SuppressWarnings("unchecked")
    private Map<UK, UV> visible() {
        Map<UK, Object> map = map();
        if (map == null) {
            return Collections.emptyMap();
        }
        if (ttl == null) {
            return (Map<UK, UV>) (Map<UK, ?>) map;
        }
        long now = ttl.now();
        map = mapForWrite(); // expired entries are removed below
        Map<UK, UV> visible = new LinkedHashMap<>();
        Iterator<Map.Entry<UK, Object>> entries = map.entrySet().iterator();
        while (entries.hasNext()) {
            Map.Entry<UK, Object> entry = entries.next();
            TtlValue timed = (TtlValue) entry.getValue();
            boolean expired = ttl.isExpired(timed, now);
            if (!expired || ttl.returnsExpired()) {
                visible.put(entry.getKey(), (UV) timed.value());
            }
            if (expired) {
                entries.remove();
            } else if (ttl.refreshesOnRead()) {
                entry.setValue(new TtlValue(timed.value(), now));
            }
        }
        if (map.isEmpty()) {
            removeCurrent();
        }
        return visible;
    }
}
