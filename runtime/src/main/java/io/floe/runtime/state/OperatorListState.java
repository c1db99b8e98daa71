package io.floe.runtime.state;

import io.floe.api.state.ListState;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A list of one operator instance (not keyed): {@link ListState} over an {@link ArrayList}. Task thread. */
final class OperatorListState<T> implements ListState<T> {
    private final String name;
    private final List<T> elements;

    OperatorListState(String name, List<T> elements) {
        this.name = name;
        this.elements = elements;
    }

    List<T> elements() {
        return elements;
    }

    @Override
    public Iterable<T> get() {
        return elements;
    }

    @Override
    public void add(T value) {
        elements.add(Objects.requireNonNull(value, () -> "Cannot add null to operator state '" + name + "'"));
    }

    @Override
    public void addAll(List<T> values) {
        values.forEach(this::add);
    }

    @Override
    public void update(List<T> values) {
        elements.clear();
        if (values != null) {
            addAll(values);
        }
    }

    @Override
    public void clear() {
        elements.clear();
    }
}
