package io.floe.runtime.operators;

import io.floe.api.functions.KeySelector;
import io.floe.api.functions.ReduceFunction;
import java.util.HashMap;
import java.util.Map;

/**
 * A running {@link ReduceFunction} per key, kept on the heap. In STREAMING mode every update is
 * emitted; in BATCH mode only the final value of each key, when the input ends.
 */
public final class KeyedReduceOperator<T, K> extends StreamOperator<T, T> {
    private static final long serialVersionUID = 1L;
    private final ReduceFunction<T> function;
    private final KeySelector<T, K> keySelector;
    private transient Map<K, T> values;
    private transient boolean emitOnlyFinal;

    public KeyedReduceOperator(ReduceFunction<T> function, KeySelector<T, K> keySelector) {
        this.function = function;
        this.keySelector = keySelector;
    }

    @Override
    public void open() {
        values = new HashMap<>();
        emitOnlyFinal = context.batch();
    }

    @Override
    public void processElement(T element) throws Exception {
        K key = keySelector.getKey(element);
        T current = values.get(key);
        T updated = current == null ? element : function.reduce(current, element);
        values.put(key, updated);
        if (!emitOnlyFinal) {
            output.collect(updated);
        }
    }

    @Override
    public void endInput() {
        if (emitOnlyFinal) {
            for (T value : values.values()) {
                output.collect(value);
            }
        }
    }

    @Override
    public void close() {
        values = null;
    }
}
