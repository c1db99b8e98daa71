package io.floe.runtime.operators;

import io.floe.api.functions.MapFunction;

/** Applies a {@link MapFunction}. */
public final class MapOperator<IN, OUT> extends StreamOperator<IN, OUT> {
    private static final long serialVersionUID = 1L;
    private final MapFunction<IN, OUT> function;

    public MapOperator(MapFunction<IN, OUT> function) {
        this.function = function;
    }

    @Override
    public void processElement(IN element) throws Exception {
        output.collect(function.map(element));
    }
}
