package io.floe.runtime.operators;

import io.floe.api.TaskInfo;

/**
 * What an operator knows about the subtask it runs in; also the {@link TaskInfo} its functions see.
 * {@code batch} is true when the job runs in BATCH mode, where keyed aggregations emit only their
 * final value per key; {@code checkpointing} when the job takes checkpoints, so that sinks hold
 * their output back until the checkpoint that covers it completes.
 */
public record OperatorContext(
        String taskName,
        int subtaskIndex,
        int parallelism,
        int maxParallelism,
        int attemptNumber,
        boolean batch,
        boolean checkpointing,
        ClassLoader userClassLoader)
        implements TaskInfo {

    @Override
    public String getTaskName() {
        return taskName;
    }

    @Override
    public int getMaxNumberOfParallelSubtasks() {
        return maxParallelism;
    }

    @Override
    public int getIndexOfThisSubtask() {
        return subtaskIndex;
    }

    @Override
    public int getNumberOfParallelSubtasks() {
        return parallelism;
    }

    @Override
    public int getAttemptNumber() {
        return attemptNumber;
    }
}
