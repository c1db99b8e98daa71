package io.floe.runtime.operators.windowing;

import io.floe.api.OutputTag;
import io.floe.api.functions.windowing.ProcessWindowFunction;
import io.floe.api.state.KeyedStateStore;
import io.floe.api.windowing.windows.Window;
import io.floe.runtime.operators.KeyedTimerService;
import io.floe.runtime.operators.Output;

/**
 * What a window function sees besides the elements: the window that fires, the time, the state
 * of that window and of the key, and the side outputs. The operator sets {@link #window} before
 * each call.
 */
final class WindowFunctionContext<K, V, OUT, W extends Window> extends ProcessWindowFunction<V, OUT, K, W>.Context {
    private final KeyedTimerService<K, ?> timers;
    private final Output<OUT> output;
    private final WindowScopedState<W> windowState;
    private final KeyedStateStore globalState;
    W window;

    WindowFunctionContext(
            ProcessWindowFunction<V, OUT, K, W> function,
            KeyedTimerService<K, ?> timers,
            Output<OUT> output,
            WindowScopedState<W> windowState,
            KeyedStateStore globalState) {
        function.super();
        this.timers = timers;
        this.output = output;
        this.windowState = windowState;
        this.globalState = globalState;
    }

    @Override
    public W window() {
        return window;
    }

    @Override
    public long currentProcessingTime() {
        return timers.currentProcessingTime();
    }

    @Override
    public long currentWatermark() {
        return timers.currentWatermark();
    }

    @Override
    public KeyedStateStore windowState() {
        windowState.setWindow(window);
        return windowState;
    }

    @Override
    public KeyedStateStore globalState() {
        return globalState;
    }

    @Override
    public <X> void output(OutputTag<X> outputTag, X value) {
        output.collect(outputTag, value);
    }
}
