package io.floe.api.functions.source;

/**
 * A {@link SourceFunction} that runs as several subtasks: {@code addSource} gives it the
 * environment's parallelism, and each subtask reads its own share (see
 * {@code getRuntimeContext().getTaskInfo()} in {@link RichParallelSourceFunction}).
 */
public interface ParallelSourceFunction<T> extends SourceFunction<T> {}
