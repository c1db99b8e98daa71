package io.floe.runtime.operators;

/**
 * Where an operator emits its records: the next operator of the chain (a direct call), several of
 * them, or a network writer. Called on the task's thread only.
 */
public interface Output<T> {
    void collect(T record);
}
