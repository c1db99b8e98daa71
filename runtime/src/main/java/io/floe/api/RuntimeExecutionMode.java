package io.floe.api;

/**
 * How a job runs. {@code STREAMING} emits every update as it happens; {@code BATCH} requires
 * bounded sources and lets keyed aggregations emit one final record per key when the input ends;
 * {@code AUTOMATIC} picks {@code BATCH} when every source is bounded.
 */
public enum RuntimeExecutionMode {
    STREAMING,
    BATCH,
    AUTOMATIC
}
