package io.floe.runtime.operators.windowing;

import io.floe.api.Collector;
import io.floe.api.OutputTag;
import io.floe.api.functions.Function;
import io.floe.api.functions.OpenContext;
import io.floe.api.functions.RichFunction;
import io.floe.api.functions.RuntimeContext;
import io.floe.api.functions.windowing.AllWindowFunction;
import io.floe.api.functions.windowing.ProcessAllWindowFunction;
import io.floe.api.functions.windowing.ProcessWindowFunction;
import io.floe.api.functions.windowing.WindowFunction;
import io.floe.api.state.KeyedStateStore;
import io.floe.api.windowing.windows.Window;

/**
 * Every kind of window function as the one kind the window operator runs, a {@link
 * ProcessWindowFunction}: the results of {@code reduce}/{@code aggregate} passed through, a {@link
 * WindowFunction}, and the functions of {@code windowAll}. A wrapped rich function gets its life
 * cycle from the wrapper.
 */
public final class WindowFunctions {
    private WindowFunctions() {}

    /** Emits what the window holds: the result of an incremental {@code reduce} or {@code aggregate}. */
    public static <T, K, W extends Window> ProcessWindowFunction<T, T, K, W> passThrough() {
        return new PassThrough<>();
    }

    public static <IN, OUT, K, W extends Window> ProcessWindowFunction<IN, OUT, K, W> of(
            WindowFunction<IN, OUT, K, W> function) {
        return new Wrapped<>(function) {
            private static final long serialVersionUID = 1L;

            @Override
            public void process(K key, Context context, Iterable<IN> elements, Collector<OUT> out) throws Exception {
                function.apply(key, context.window(), elements, out);
            }
        };
    }

    public static <IN, OUT, K, W extends Window> ProcessWindowFunction<IN, OUT, K, W> of(
            AllWindowFunction<IN, OUT, W> function) {
        return new Wrapped<>(function) {
            private static final long serialVersionUID = 1L;

            @Override
            public void process(K key, Context context, Iterable<IN> elements, Collector<OUT> out) throws Exception {
                function.apply(context.window(), elements, out);
            }
        };
    }

    public static <IN, OUT, K, W extends Window> ProcessWindowFunction<IN, OUT, K, W> of(
            ProcessAllWindowFunction<IN, OUT, W> function) {
        return new AllProcess<>(function);
    }

    private static final class PassThrough<T, K, W extends Window> extends ProcessWindowFunction<T, T, K, W> {
        private static final long serialVersionUID = 1L;

        @Override
        public void process(K key, Context context, Iterable<T> elements, Collector<T> out) {
            for (T element : elements) {
                out.collect(element);
            }
        }
    }

    /** A wrapper that hands the life cycle of a rich function on to it. */
    private abstract static class Wrapped<IN, OUT, K, W extends Window> extends ProcessWindowFunction<IN, OUT, K, W> {
        private static final long serialVersionUID = 1L;
        private final Function wrapped;

        Wrapped(Function wrapped) {
            this.wrapped = wrapped;
        }

        @Override
        public void setRuntimeContext(RuntimeContext context) {
            super.setRuntimeContext(context);
            if (wrapped instanceof RichFunction rich) {
                rich.setRuntimeContext(context);
            }
        }

        @Override
        public void open(OpenContext openContext) throws Exception {
            if (wrapped instanceof RichFunction rich) {
                rich.open(openContext);
            }
        }

        @Override
        public void close() throws Exception {
            if (wrapped instanceof RichFunction rich) {
                rich.close();
            }
        }
    }

    private static final class AllProcess<IN, OUT, K, W extends Window> extends Wrapped<IN, OUT, K, W> {
        private static final long serialVersionUID = 1L;
        private final ProcessAllWindowFunction<IN, OUT, W> function;
        private transient AllContext allContext;

        AllProcess(ProcessAllWindowFunction<IN, OUT, W> function) {
            super(function);
            this.function = function;
        }

        @Override
        public void process(K key, Context context, Iterable<IN> elements, Collector<OUT> out) throws Exception {
            function.process(context(context), elements, out);
        }

        @Override
        public void clear(Context context) throws Exception {
            function.clear(context(context));
        }

        private AllContext context(Context context) {
            if (allContext == null) {
                allContext = new AllContext();
            }
            allContext.keyed = context;
            return allContext;
        }

        /** The keyed context, seen as the context of an all-window function. */
        private final class AllContext extends ProcessAllWindowFunction<IN, OUT, W>.Context {
            private Context keyed;

            AllContext() {
                function.super();
            }

            @Override
            public W window() {
                return keyed.window();
            }

            @Override
            public long currentProcessingTime() {
                return keyed.currentProcessingTime();
            }

            @Override
            public long currentWatermark() {
                return keyed.currentWatermark();
            }

            @Override
            public KeyedStateStore windowState() {
                return keyed.windowState();
            }

            @Override
            public KeyedStateStore globalState() {
                return keyed.globalState();
            }

            @Override
            public <X> void output(OutputTag<X> outputTag, X value) {
                keyed.output(outputTag, value);
            }
        }
    }
}
