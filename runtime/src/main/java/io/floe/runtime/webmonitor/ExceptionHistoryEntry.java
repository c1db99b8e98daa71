package io.floe.runtime.webmonitor;

import io.floe.runtime.execution.ErrorInfo;

/** One failure of a job: the error, when it happened, and where (task name and TaskManager), if known. */
public record ExceptionHistoryEntry(ErrorInfo error, long timestamp, String taskName, String location) {}
