package io.floe.runtime.operators;

import java.io.Serializable;

/**
 * An operator with one input. Created on the client, shipped serialized inside a task's chain,
 * and used on that task's thread only: {@link #setup} → {@link #open} → {@link #processElement}*
 * → {@link #endInput} (only when the input ended, not on cancel) → {@link #close}.
 */
public abstract class StreamOperator<IN, OUT> implements Serializable {
    private static final long serialVersionUID = 1L;

    protected transient OperatorContext context;
    protected transient Output<OUT> output;

    public void setup(OperatorContext context, Output<OUT> output) {
        this.context = context;
        this.output = output;
    }

    public void open() throws Exception {}

    public abstract void processElement(IN element) throws Exception;

    /** The input has ended for good; emit whatever waited for the end. */
    public void endInput() throws Exception {}

    public void close() throws Exception {}
}
