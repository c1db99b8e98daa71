package io.floe.runtime.operators.sink;

import io.floe.runtime.operators.StreamOperator;
import java.io.PrintStream;

/**
 * {@code print()}: one {@code toString()} per line on the stdout of the process running the task,
 * prefixed {@code n> } (n = subtask index + 1) when the sink runs with parallelism above 1.
 */
public final class PrintSinkOperator<T> extends StreamOperator<T, Void> {
    private static final long serialVersionUID = 1L;
    private transient String prefix;
    private transient PrintStream stream;

    @Override
    public void open() {
        stream = System.out;
        prefix = context.parallelism() > 1 ? (context.subtaskIndex() + 1) + "> " : "";
    }

    @Override
    public void processElement(T element) {
        stream.println(prefix + element);
    }

    @Override
    public void close() {
        if (stream != null) {
            stream.flush();
        }
    }
}
