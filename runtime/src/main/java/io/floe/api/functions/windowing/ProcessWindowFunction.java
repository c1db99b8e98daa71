package io.floe.api.functions.windowing;

import io.floe.api.Collector;
import io.floe.api.OutputTag;
import io.floe.api.functions.AbstractRichFunction;
import io.floe.api.state.KeyedStateStore;
import io.floe.api.windowing.windows.Window;

/**
 * Evaluates a window of a keyed stream when it fires: all its elements (or, after an incremental
 * {@code reduce}/{@code aggregate}, their one result), with the key and the window.
 */
public abstract class ProcessWindowFunction<IN, OUT, KEY, W extends Window> extends AbstractRichFunction {
    private static final long serialVersionUID = 1L;

    public abstract void process(KEY key, Context context, Iterable<IN> elements, Collector<OUT> out) throws Exception;

    /** The window is gone (after its allowed lateness): delete what {@link Context#windowState()} holds. */
    public void clear(Context context) throws Exception {}

    /** What {@link #process} can see besides the elements. */
    public abstract class Context {
        public abstract W window();

        public abstract long currentProcessingTime();

        public abstract long currentWatermark();

        /** State of this key and window: kept across the window's firings, until it is cleared. */
        public abstract KeyedStateStore windowState();

        /** State of this key, shared by all its windows. */
        public abstract KeyedStateStore globalState();

        public abstract <X> void output(OutputTag<X> outputTag, X value);
    }
}
