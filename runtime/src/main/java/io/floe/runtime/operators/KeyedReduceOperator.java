package io.floe.runtime.operators;

import io.floe.api.functions.KeySelector;
import io.floe.api.functions.ReduceFunction;
import io.floe.api.state.ValueState;
import io.floe.api.state.ValueStateDescriptor;

/**
 * A running {@link ReduceFunction} per key, kept in the keyed state backend (as value state
 * {@code _reduce}, so it is part of the operator's state like a user's). In STREAMING mode every
 * update is emitted; in BATCH mode only the final value of each key, when the input ends.
 */
public final class KeyedReduceOperator<T, K> extends UserFunctionOperator<T, T, ReduceFunction<T>> {
    private static final long serialVersionUID = 1L;
    static final String STATE_NAME = "_reduce";

    private transient ValueState<T> values;
    private transient boolean emitOnlyFinal;

    public KeyedReduceOperator(ReduceFunction<T> function, KeySelector<T, K> keySelector) {
        super(function);
        setStateKeySelector(keySelector);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void open() throws Exception {
        super.open();
        values = keyedStateBackend.getOrCreateState(new ValueStateDescriptor<>(STATE_NAME, (Class<T>) Object.class));
        emitOnlyFinal = context.batch();
    }

    @Override
    public void processElement(T element) throws Exception {
        T current = values.value();
        T updated = current == null ? element : userFunction.reduce(current, element);
        values.update(updated);
        if (!emitOnlyFinal) {
            output.collect(updated);
        }
    }

    @Override
    public void endInput() throws Exception {
        if (emitOnlyFinal) {
            keyedStateBackend.forEachKey(STATE_NAME, key -> output.collect(values.value()));
        }
    }
}
