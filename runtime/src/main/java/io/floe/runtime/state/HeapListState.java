package io.floe.runtime.state;

import io.floe.api.state.ListState;
import io.floe.api.state.ListStateDescriptor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * {@link ListState} on the heap: the entry is an {@link ArrayList} of the elements, each in a
 * {@link TtlValue} when the state expires (elements expire one by one, as in Flink).
 */
final class HeapListState<K, V> extends AbstractHeapState<K> implements ListState<V> {

    HeapListState(HeapKeyedStateBackend<K> backend, ListStateDescriptor<V> descriptor, TtlPolicy ttl) {
        super(backend, descriptor, ttl);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Iterable<V> get() {
        List<Object> elements = (List<Object>) stored();
        if (elements == null) {
            return Collections.emptyList();
        }
        if (ttl == null) {
            Object copy = copyIfShared(elements); // elements may be changed in place by the caller
            if (copy != elements) {
                store(copy);
            }
            return (List<V>) copy;
        }
        long now = ttl.now();
        List<V> visible = new ArrayList<>(elements.size());
        List<Object> kept = new ArrayList<>(elements.size());
        for (Object element : elements) {
            TtlValue timed = (TtlValue) element;
            boolean expired = ttl.isExpired(timed, now);
            if (!expired || ttl.returnsExpired()) {
                visible.add((V) timed.value());
            }
            if (!expired) {
                kept.add(ttl.refreshesOnRead() ? new TtlValue(timed.value(), now) : timed);
            }
        }
        store(kept.isEmpty() ? null : kept);
        return visible;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void add(V value) {
        Objects.requireNonNull(value, () -> "Cannot add null to " + descriptor.describe());
        List<Object> elements = (List<Object>) stored();
        if (elements == null || sharedWithSnapshot()) {
            elements = elements == null ? new ArrayList<>() : new ArrayList<>(elements);
            elements.add(wrap(value));
            store(elements);
        } else {
            elements.add(wrap(value));
        }
    }

    @Override
    public void addAll(List<V> values) {
        Objects.requireNonNull(values, () -> "Cannot add a null list to " + descriptor.describe());
        for (V value : values) {
            add(value);
        }
    }

    @Override
    public void update(List<V> values) {
        if (values == null || values.isEmpty()) {
            clear();
            return;
        }
        List<Object> elements = new ArrayList<>(values.size());
        for (V value : values) {
            elements.add(wrap(Objects.requireNonNull(value, () -> "Cannot add null to " + descriptor.describe())));
        }
        store(elements);
    }

    private Object wrap(V value) {
        return ttl == null ? value : new TtlValue(value, ttl.now());
    }
}
