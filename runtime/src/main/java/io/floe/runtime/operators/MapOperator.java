package io.floe.runtime.operators;

import io.floe.api.functions.MapFunction;

/** Applies a {@link MapFunction}. */
public final class MapOperator<IN, OUT> extends UserFunctionOperator<IN, OUT, MapFunction<IN, OUT>> {
    private static final long serialVersionUID = 1L;

    public MapOperator(MapFunction<IN, OUT> function) {
        super(function);
    }

    @Override
    public void processElement(IN element) throws Exception {
        output.collect(userFunction.map(element));
    }
}
