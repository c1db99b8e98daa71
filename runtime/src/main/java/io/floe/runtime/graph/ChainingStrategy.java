package io.floe.runtime.graph;

/** Whether an operator may share a task (a thread, direct calls) with its neighbours. */
public enum ChainingStrategy {
    /** Chained to its input and its outputs where the edges allow it (the default). */
    ALWAYS,
    /** Starts a new chain: not chained to its input, but its outputs may chain to it ({@code startNewChain()}). */
    HEAD,
    /** Chained to nothing ({@code disableChaining()}). */
    NEVER
}
