package io.floe.api.functions.sink;

import io.floe.api.functions.Function;

/**
 * Consumes records at the end of a pipeline. {@code stream.addSink(v -> ...)} works as a lambda;
 * a sink that needs set-up or tear-down overrides {@link #open()} and {@link #close()}, which run
 * on the task's thread before the first and after the last record.
 */
@FunctionalInterface
public interface SinkFunction<T> extends Function {
    void invoke(T value) throws Exception;

    default void open() throws Exception {}

    /** Called once when the input ended normally, before {@link #close()}. */
    default void finish() throws Exception {}

    default void close() throws Exception {}
}
