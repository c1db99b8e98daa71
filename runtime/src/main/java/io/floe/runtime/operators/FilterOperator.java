package io.floe.runtime.operators;

import io.floe.api.functions.FilterFunction;

/** Keeps the records a {@link FilterFunction} accepts. */
public final class FilterOperator<T> extends UserFunctionOperator<T, T, FilterFunction<T>> {
    private static final long serialVersionUID = 1L;

    public FilterOperator(FilterFunction<T> function) {
        super(function);
    }

    @Override
    public void processElement(T element) throws Exception {
        if (userFunction.filter(element)) {
            output.collect(element);
        }
    }
}
