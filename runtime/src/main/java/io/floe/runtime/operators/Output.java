package io.floe.runtime.operators;

import io.floe.api.OutputTag;

/**
 * Where an operator emits its records: the next operator of the chain (a direct call), several of
 * them, or a network writer; and, for side outputs, the operators that read the tag's stream.
 * Called on the task's thread only.
 */
public interface Output<T> {
    void collect(T record);

    /** Emits to the side output {@code tag}; dropped when nothing reads it (as in Flink). */
    default <X> void collect(OutputTag<X> tag, X record) {}

    /**
     * Passes event time on: every output of the chain, side outputs too, and every channel of a
     * network output. Outputs that end nowhere drop it.
     */
    default void emitWatermark(long watermark) {}

    /** Passes on that this stream is idle (left out of downstream watermark minimums) or active again. */
    default void emitWatermarkStatus(boolean idle) {}
}
