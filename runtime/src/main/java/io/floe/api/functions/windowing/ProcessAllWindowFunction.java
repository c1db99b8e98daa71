package io.floe.api.functions.windowing;

import io.floe.api.Collector;
import io.floe.api.OutputTag;
import io.floe.api.functions.AbstractRichFunction;
import io.floe.api.state.KeyedStateStore;
import io.floe.api.windowing.windows.Window;

/** Evaluates a window of a whole stream ({@code windowAll}) when it fires. */
public abstract class ProcessAllWindowFunction<IN, OUT, W extends Window> extends AbstractRichFunction {
    private static final long serialVersionUID = 1L;

    public abstract void process(Context context, Iterable<IN> elements, Collector<OUT> out) throws Exception;

    public void clear(Context context) throws Exception {}

    /** What {@link #process} can see besides the elements. */
    public abstract class Context {
        public abstract W window();

        public abstract long currentProcessingTime();

        public abstract long currentWatermark();

        public abstract KeyedStateStore windowState();

        public abstract KeyedStateStore globalState();

        public abstract <X> void output(OutputTag<X> outputTag, X value);
    }
}
