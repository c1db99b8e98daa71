package io.floe.runtime.operators;

import io.floe.api.functions.Function;
import io.floe.api.functions.KeySelector;

/**
 * An operator with two inputs of their own types ({@code connect}, interval join): the task hands
 * records of its first input's channels to {@link #processElement1}, of the second's to {@link
 * #processElement2}. Watermarks are the minimum over both inputs' channels. When both inputs are
 * keyed ({@link #setStateKeySelectors}), each record's key is set on the keyed state first, from
 * its own input's key selector.
 */
public abstract class TwoInputStreamOperator<IN1, IN2, OUT, F extends Function>
        extends UserFunctionOperator<Object, OUT, F> {
    private static final long serialVersionUID = 1L;

    private KeySelector<IN2, ?> stateKeySelector2;

    protected TwoInputStreamOperator(F userFunction) {
        super(userFunction);
    }

    /** Keys the operator by both inputs; called when the program is built. */
    @SuppressWarnings("unchecked")
    public final void setStateKeySelectors(KeySelector<IN1, ?> first, KeySelector<IN2, ?> second) {
        setStateKeySelector((KeySelector<Object, ?>) (KeySelector<?, ?>) first);
        this.stateKeySelector2 = second;
    }

    /**
     * Keys the operator by its first input only: the second (a broadcast stream) has no key, and
     * its records leave the current key as it is.
     */
    @SuppressWarnings("unchecked")
    public final void setStateKeySelectorOfFirstInput(KeySelector<IN1, ?> first) {
        setStateKeySelector((KeySelector<Object, ?>) (KeySelector<?, ?>) first);
        this.stateKeySelector2 = null;
    }

    /** Sets the key of a second-input record as the keyed state's current key; keyed operators only. */
    public final void setKeyContextElement2(IN2 record) throws Exception {
        if (stateKeySelector2 != null) {
            keyedStateBackend.setCurrentKey(stateKeySelector2.getKey(record));
        }
    }

    /** Not used: records come through {@link #processElement1} and {@link #processElement2}. */
    @Override
    public final void processElement(Object element) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " has two inputs");
    }

    public abstract void processElement1(IN1 element) throws Exception;

    public abstract void processElement2(IN2 element) throws Exception;
}
