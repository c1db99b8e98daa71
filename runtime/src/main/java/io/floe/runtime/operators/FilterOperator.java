package io.floe.runtime.operators;

import io.floe.api.functions.FilterFunction;

/** Keeps the records a {@link FilterFunction} accepts. */
public final class FilterOperator<T> extends StreamOperator<T, T> {
    private static final long serialVersionUID = 1L;
    private final FilterFunction<T> function;

    public FilterOperator(FilterFunction<T> function) {
        this.function = function;
    }

    @Override
    public void processElement(T element) throws Exception {
        if (function.filter(element)) {
            output.collect(element);
        }
    }
}
