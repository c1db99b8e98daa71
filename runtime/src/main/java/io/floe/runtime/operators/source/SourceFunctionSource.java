package io.floe.runtime.operators.source;

import io.floe.api.functions.SourceFunction;
import io.floe.runtime.operators.SourceOperator;

/** {@code addSource(fn)}: runs a user's {@link SourceFunction}; treated as unbounded, as in Flink. */
public final class SourceFunctionSource<T> extends SourceOperator<T> {
    private static final long serialVersionUID = 1L;
    private final SourceFunction<T> function;

    public SourceFunctionSource(SourceFunction<T> function) {
        this.function = function;
    }

    @Override
    public void run() throws Exception {
        Object lock = new Object();
        function.run(new SourceFunction.SourceContext<T>() {
            @Override
            public void collect(T element) {
                output.collect(element);
            }

            @Override
            public Object getCheckpointLock() {
                return lock;
            }
        });
    }

    @Override
    public void cancel() {
        super.cancel();
        function.cancel();
    }

    @Override
    public boolean isBounded() {
        return false;
    }

    @Override
    public String describe() {
        return "addSource(" + function.getClass().getName() + ")";
    }
}
