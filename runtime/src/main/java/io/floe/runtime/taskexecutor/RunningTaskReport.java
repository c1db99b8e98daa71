package io.floe.runtime.taskexecutor;

import io.floe.runtime.types.ExecutionAttemptId;

/**
 * What a TaskManager's heartbeat answer tells a JobMaster about one of its running tasks: that it
 * runs, and the watermark its input has reached (Long.MIN_VALUE for a source, or before the first).
 */
public record RunningTaskReport(ExecutionAttemptId attemptId, long currentInputWatermark) {}
