package io.floe.api;

/** Receives the records a function emits. Not thread-safe: call it from the function's own thread. */
public interface Collector<T> {
    void collect(T record);

    /** Called by the runtime when no more records follow; functions need not call it. */
    default void close() {}
}
