package io.floe.runtime.operators.windowing;

import io.floe.api.functions.AggregateFunction;
import io.floe.api.functions.ReduceFunction;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * What a window keeps of its elements, and what its function gets when it fires: one reduced
 * value ({@code reduce}), one accumulator ({@code aggregate}), or every element (a window
 * function alone). The kept value is keyed state of the window, so this only says how it grows.
 *
 * @param <IN> the elements
 * @param <ACC> what the window keeps
 * @param <V> what the window function is given
 */
public interface WindowContents<IN, ACC, V> extends Serializable {
    /** {@code kept} with {@code element} added; {@code kept} is null for the window's first element. */
    ACC add(ACC kept, IN element) throws Exception;

    /** The contents of two windows that became one (session windows), or of two panes of one window. */
    ACC merge(ACC a, ACC b) throws Exception;

    /** What the window function is given. */
    Iterable<V> result(ACC kept) throws Exception;

    /** Whether {@link #merge} may change or return one of its inputs (a user's merge or reduce may). */
    default boolean mergeReusesInputs() {
        return true;
    }

    /**
     * What the window function is given for {@code elements} added in one go, when it fires: the
     * contents of an evicting window, which keeps every element and computes when it fires.
     */
    default Iterable<V> resultOf(Iterable<IN> elements) throws Exception {
        ACC kept = null;
        for (IN element : elements) {
            kept = add(kept, element);
        }
        return kept == null ? resultOfNothing() : result(kept);
    }

    /** What the window function is given when eviction left nothing: no value, unless an aggregate says. */
    default Iterable<V> resultOfNothing() throws Exception {
        return List.of();
    }

    /** A running {@link ReduceFunction}: the window keeps one value. */
    static <T> WindowContents<T, T, T> reducing(ReduceFunction<T> reducer) {
        return new WindowContents<>() {
            private static final long serialVersionUID = 1L;

            @Override
            public T add(T kept, T element) throws Exception {
                return kept == null ? element : reducer.reduce(kept, element);
            }

            @Override
            public T merge(T a, T b) throws Exception {
                return reducer.reduce(a, b);
            }

            @Override
            public Iterable<T> result(T kept) {
                return List.of(kept);
            }
        };
    }

    /** An {@link AggregateFunction}: the window keeps its accumulator. */
    static <IN, ACC, R> WindowContents<IN, ACC, R> aggregating(AggregateFunction<IN, ACC, R> function) {
        return new WindowContents<>() {
            private static final long serialVersionUID = 1L;

            @Override
            public ACC add(ACC kept, IN element) {
                return function.add(element, kept == null ? function.createAccumulator() : kept);
            }

            @Override
            public ACC merge(ACC a, ACC b) {
                return function.merge(a, b);
            }

            @Override
            public Iterable<R> result(ACC kept) {
                return java.util.Collections.singletonList(function.getResult(kept));
            }

            @Override
            public Iterable<R> resultOfNothing() {
                return result(function.createAccumulator());
            }
        };
    }

    /** Every element, in arrival order. */
    static <T> WindowContents<T, ArrayList<T>, T> listing() {
        return new WindowContents<>() {
            private static final long serialVersionUID = 1L;

            @Override
            public ArrayList<T> add(ArrayList<T> kept, T element) {
                ArrayList<T> elements = kept == null ? new ArrayList<>() : kept;
                elements.add(element); // kept is the state's own copy (copy-on-write while a snapshot shares it)
                return elements;
            }

            @Override
            public ArrayList<T> merge(ArrayList<T> a, ArrayList<T> b) {
                ArrayList<T> merged = new ArrayList<>(a.size() + b.size());
                merged.addAll(a);
                merged.addAll(b);
                return merged;
            }

            @Override
            public Iterable<T> result(ArrayList<T> kept) {
                return java.util.Collections.unmodifiableList(kept);
            }

            @Override
            public boolean mergeReusesInputs() {
                return false; // a new list
            }
        };
    }
}
