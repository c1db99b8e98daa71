package io.floe.runtime.operators.sink;

import io.floe.api.functions.SinkFunction;
import io.floe.runtime.operators.StreamOperator;

/** Runs a user's {@link SinkFunction}. */
public final class SinkOperator<T> extends StreamOperator<T, Void> {
    private static final long serialVersionUID = 1L;
    private final SinkFunction<T> function;

    public SinkOperator(SinkFunction<T> function) {
        this.function = function;
    }

    @Override
    public void open() throws Exception {
        function.open();
    }

    @Override
    public void processElement(T element) throws Exception {
        function.invoke(element);
    }

    @Override
    public void endInput() throws Exception {
        function.finish();
    }

    @Override
    public void close() throws Exception {
        function.close();
    }
}
