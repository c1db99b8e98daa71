package io.floe.api.state;

import java.util.List;

/**
 * A list per key. {@link #get()} returns an empty iterable when the key has none; the iterable is
 * a view that the next change to the state may affect.
 */
public interface ListState<T> extends MergingState<T, Iterable<T>> {
    /** Replaces the current key's list; an empty list clears it. */
    void update(List<T> values) throws Exception;

    void addAll(List<T> values) throws Exception;
}
