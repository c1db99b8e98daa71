package io.floe.api.functions.windowing;

import io.floe.api.Collector;
import io.floe.api.functions.Function;
import io.floe.api.windowing.windows.Window;

/** The older form of {@link ProcessWindowFunction}: the key, the window and its elements. */
@FunctionalInterface
public interface WindowFunction<IN, OUT, KEY, W extends Window> extends Function {
    void apply(KEY key, W window, Iterable<IN> input, Collector<OUT> out) throws Exception;
}
