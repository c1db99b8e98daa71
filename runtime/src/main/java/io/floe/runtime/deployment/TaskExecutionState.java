package io.floe.runtime.deployment;

import io.floe.api.JobId;
import io.floe.runtime.execution.ErrorInfo;
import io.floe.runtime.execution.ExecutionState;
import io.floe.runtime.types.ExecutionAttemptId;

/** A subtask attempt changed state; {@code error} is set when it FAILED. */
public record TaskExecutionState(JobId jobId, ExecutionAttemptId attemptId, ExecutionState state, ErrorInfo error) {}
