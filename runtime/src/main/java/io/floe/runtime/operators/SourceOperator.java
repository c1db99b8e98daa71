package io.floe.runtime.operators;

import java.io.Serializable;

/**
 * The head of a source task. {@link #run()} runs on the task's thread and emits into the output
 * until the source is exhausted (bounded) or {@link #cancel()} is called from another thread.
 */
public abstract class SourceOperator<OUT> implements Serializable {
    private static final long serialVersionUID = 1L;

    protected transient OperatorContext context;
    protected transient Output<OUT> output;
    protected transient volatile boolean running;

    public void setup(OperatorContext context, Output<OUT> output) {
        this.context = context;
        this.output = output;
        this.running = true;
    }

    public void open() throws Exception {}

    public abstract void run() throws Exception;

    /** Asks {@link #run()} to return soon; called from a thread other than the task's. */
    public void cancel() {
        running = false;
    }

    public void close() throws Exception {}

    /** Whether the source ends by itself; BATCH mode needs every source bounded. */
    public abstract boolean isBounded();

    /** A short description for error messages, such as {@code socketTextStream(localhost:9999)}. */
    public abstract String describe();
}
