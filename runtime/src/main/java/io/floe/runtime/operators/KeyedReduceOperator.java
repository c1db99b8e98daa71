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
        // one hash lookup per record: compute() finds the slot once for reading and writing
        T updated = values.compute(key, (k, current) -> current == null ? element : reduce(current, element));
        if (!emitOnlyFinal) {
            output.collect(updated);
        }
    }

    private T reduce(T current, T element) {
        try {
            return function.reduce(current, element);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new ChainedOperatorException(e);
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
