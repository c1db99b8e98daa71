package io.floe.runtime.operators;

import io.floe.api.functions.KeySelector;
import io.floe.api.functions.ReduceFunction;
import io.floe.runtime.state.KeyedValueMap;

/**
 * A running {@link ReduceFunction} per key, kept on the heap. In STREAMING mode every update is
 * emitted; in BATCH mode only the final value of each key, when the input ends.
 */
public final class KeyedReduceOperator<T, K> extends StreamOperator<T, T> {
    private static final long serialVersionUID = 1L;
    private final ReduceFunction<T> function;
    private final KeySelector<T, K> keySelector;
    private transient KeyedValueMap<K, T> values;
    private transient boolean emitOnlyFinal;

    public KeyedReduceOperator(ReduceFunction<T> function, KeySelector<T, K> keySelector) {
        this.function = function;
        this.keySelector = keySelector;
    }

    @Override
    public void open() {
        values = new KeyedValueMap<>();
        emitOnlyFinal = context.batch();
    }

    @Override
    public void processElement(T element) throws Exception {
        K key = keySelector.getKey(element);
        // one probe per record: the slot found serves both the read and the write
        int slot = values.find(key);
        T updated;
        if (slot >= 0) {
            updated = function.reduce(values.valueAt(slot), element);
            values.setValueAt(slot, updated);
        } else {
            updated = element;
            values.insertAt(slot, key, element);
        }
        if (!emitOnlyFinal) {
            output.collect(updated);
        }
    }

    @Override
    public void endInput() {
        if (emitOnlyFinal) {
            values.forEach((key, value) -> output.collect(value));
        }
    }

    @Override
    public void close() {
        values = null;
    }
}
