package io.floe.runtime.operators.windowing;

import io.floe.api.functions.ReduceFunction;
import io.floe.api.state.AggregatingState;
import io.floe.api.state.AggregatingStateDescriptor;
import io.floe.api.state.KeyedStateStore;
import io.floe.api.state.ListState;
import io.floe.api.state.ListStateDescriptor;
import io.floe.api.state.MapState;
import io.floe.api.state.MapStateDescriptor;
import io.floe.api.state.ReducingState;
import io.floe.api.state.ReducingStateDescriptor;
import io.floe.api.state.State;
import io.floe.api.state.StateDescriptor;
import io.floe.api.state.ValueState;
import io.floe.api.state.ValueStateDescriptor;
import io.floe.api.windowing.windows.Window;
import io.floe.runtime.state.KeyedStateBackend;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * State of one key and one window, for triggers ({@code getPartitionedState}) and window
 * functions ({@code windowState()}): each state a {@code MapState} from window to value in the
 * keyed backend (named by a prefix and the state's name), read and written at the window {@link #setWindow}
 * chose. Value, reducing and list state; reducing and list state merge when windows do.
 */
final class WindowScopedState<W extends Window> implements KeyedStateStore {
    private final KeyedStateBackend<?> backend;
    private final String prefix;
    private final Map<String, MapState<W, Object>> states = new HashMap<>();
    private W window;

    /** @param prefix what the backend's state names start with, e.g. {@code _window/} */
    WindowScopedState(KeyedStateBackend<?> backend, String prefix) {
        this.backend = backend;
        this.prefix = prefix;
    }

    void setWindow(W window) {
        this.window = window;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private MapState<W, Object> table(StateDescriptor<?, ?> descriptor) {
        return states.computeIfAbsent(descriptor.getName(), name -> (MapState<W, Object>)
                backend.getOrCreateState(new MapStateDescriptor<>(prefix + name, (Class) Window.class, Object.class)));
    }

    @SuppressWarnings("unchecked")
    <S extends State> S get(StateDescriptor<S, ?> descriptor) {
        return switch (descriptor.getType()) {
            case VALUE -> (S) getState((ValueStateDescriptor<Object>) descriptor);
            case REDUCING -> (S) getReducingState((ReducingStateDescriptor<Object>) descriptor);
            case LIST -> (S) getListState((ListStateDescriptor<Object>) descriptor);
            default -> throw unsupported(descriptor);
        };
    }

    /** Folds the state {@code descriptor} names of {@code merged} into the current window's, and drops theirs. */
    @SuppressWarnings("unchecked")
    void merge(StateDescriptor<?, ?> descriptor, Collection<W> merged) throws Exception {
        MapState<W, Object> table = table(descriptor);
        Object result = table.get(window);
        for (W source : merged) {
            if (source.equals(window)) {
                continue;
            }
            Object value = table.get(source);
            table.remove(source);
            if (value == null) {
                continue;
            }
            if (result == null) {
                result = value;
            } else if (descriptor instanceof ReducingStateDescriptor<?> reducing) {
                result = ((ReduceFunction<Object>) reducing.getReduceFunction()).reduce(result, value);
            } else if (descriptor.getType() == StateDescriptor.Type.LIST) {
                List<Object> both = new ArrayList<>((List<Object>) result);
                both.addAll((List<Object>) value);
                result = both;
            } else {
                throw new UnsupportedOperationException(
                        "Only reducing and list state merge with their windows, not " + descriptor.describe());
            }
        }
        if (result != null) {
            table.put(window, result);
        }
    }

    private static UnsupportedOperationException unsupported(StateDescriptor<?, ?> descriptor) {
        return new UnsupportedOperationException("Window state may be value, reducing or list state; "
                + descriptor.describe() + " is not supported yet. Keep it in the key's state (globalState()).");
    }

    @Override
    public <T> ValueState<T> getState(ValueStateDescriptor<T> descriptor) {
        MapState<W, Object> table = table(descriptor);
        return new ValueState<>() {
            @Override
            @SuppressWarnings("unchecked")
            public T value() {
                try {
                    Object value = table.get(window);
                    return value == null ? descriptor.getDefaultValue() : (T) value;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }

            @Override
            public void update(T value) {
                try {
                    if (value == null) {
                        table.remove(window);
                    } else {
                        table.put(window, value);
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }

            @Override
            public void clear() {
                update(null);
            }
        };
    }

    @Override
    public <T> ReducingState<T> getReducingState(ReducingStateDescriptor<T> descriptor) {
        MapState<W, Object> table = table(descriptor);
        ReduceFunction<T> reducer = descriptor.getReduceFunction();
        return new ReducingState<>() {
            @Override
            @SuppressWarnings("unchecked")
            public T get() throws Exception {
                return (T) table.get(window);
            }

            @Override
            public void add(T value) throws Exception {
                T current = get();
                table.put(window, current == null ? value : reducer.reduce(current, value));
            }

            @Override
            public void clear() {
                try {
                    table.remove(window);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        };
    }

    @Override
    public <T> ListState<T> getListState(ListStateDescriptor<T> descriptor) {
        MapState<W, Object> table = table(descriptor);
        return new ListState<>() {
            @SuppressWarnings("unchecked")
            private ArrayList<T> list() throws Exception {
                return (ArrayList<T>) table.get(window);
            }

            @Override
            public Iterable<T> get() throws Exception {
                ArrayList<T> list = list();
                return list == null ? List.of() : list;
            }

            @Override
            public void add(T value) throws Exception {
                ArrayList<T> list = list();
                if (list == null) {
                    list = new ArrayList<>();
                }
                list.add(value);
                table.put(window, list);
            }

            @Override
            public void update(List<T> values) throws Exception {
                if (values == null || values.isEmpty()) {
                    clear();
                } else {
                    table.put(window, new ArrayList<>(values));
                }
            }

            @Override
            public void addAll(List<T> values) throws Exception {
                for (T value : values) {
                    add(value);
                }
            }

            @Override
            public void clear() {
                try {
                    table.remove(window);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        };
    }

    @Override
    public <IN, ACC, OUT> AggregatingState<IN, OUT> getAggregatingState(
            AggregatingStateDescriptor<IN, ACC, OUT> descriptor) {
        throw unsupported(descriptor);
    }

    @Override
    public <K, V> MapState<K, V> getMapState(MapStateDescriptor<K, V> descriptor) {
        throw unsupported(descriptor);
    }
}
