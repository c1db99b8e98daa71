package io.floe.runtime.operators;

import io.floe.api.TaskInfo;
import java.time.Duration;

/**
 * What an operator knows about the subtask it runs in; also the {@link TaskInfo} its functions see.
 * {@code batch} is true when the job runs in BATCH mode, where keyed aggregations emit only their
 * final value per key; {@code checkpointing} when the job takes checkpoints, so that sinks hold
 * their output back until the checkpoint that covers it completes. {@code timestamp} is the event
 * timestamp of the record being processed, shared by the chain; {@code processingTime} schedules
 * wall-clock callbacks; periodic watermark generators emit every {@code autoWatermarkInterval}
 * (zero: never).
 */
public record OperatorContext(
        String taskName,
        int subtaskIndex,
        int parallelism,
        int maxParallelism,
        int attemptNumber,
        boolean batch,
        boolean checkpointing,
        ClassLoader userClassLoader,
        ElementTimestamp timestamp,
        ProcessingTimeService processingTime,
        Duration autoWatermarkInterval)
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
