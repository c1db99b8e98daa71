package io.floe.runtime.operators.sink;

import io.floe.api.functions.RichFunction;
import io.floe.api.functions.sink.SinkFunction;
import io.floe.runtime.operators.UserFunctionOperator;

/** Runs a user's {@link SinkFunction}; a {@code RichSinkFunction} gets its life cycle as well. */
public final class SinkOperator<T> extends UserFunctionOperator<T, Void, SinkFunction<T>> {
    private static final long serialVersionUID = 1L;

    public SinkOperator(SinkFunction<T> function) {
        super(function);
    }

    @Override
    public void open() throws Exception {
        super.open();
        userFunction.open();
    }

    @Override
    public void processElement(T element) throws Exception {
        userFunction.invoke(element);
    }

    @Override
    public void endInput() throws Exception {
        userFunction.finish();
    }

    @Override
    public void close() throws Exception {
        super.close(); // a rich sink's close() is SinkFunction's close() too: call it once
        if (!(userFunction instanceof RichFunction)) {
            userFunction.close();
        }
    }
}
