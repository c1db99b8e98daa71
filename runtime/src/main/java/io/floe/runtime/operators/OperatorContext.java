package io.floe.runtime.operators;

/**
 * What an operator knows about the subtask it runs in. {@code batch} is true when the job runs in
 * BATCH mode, where keyed aggregations emit only their final value per key.
 */
public record OperatorContext(
        String taskName,
        int subtaskIndex,
        int parallelism,
        int maxParallelism,
        int attemptNumber,
        boolean batch,
        ClassLoader userClassLoader) {}
