package io.floe.api.functions.windowing;

import io.floe.api.Collector;
import io.floe.api.functions.Function;
import io.floe.api.windowing.windows.Window;

/** The older form of {@link ProcessAllWindowFunction}: the window and its elements. */
@FunctionalInterface
public interface AllWindowFunction<IN, OUT, W extends Window> extends Function {
    void apply(W window, Iterable<IN> values, Collector<OUT> out) throws Exception;
}
