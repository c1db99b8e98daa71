package io.floe.runtime.webmonitor;

import java.util.List;

/** The failures of a job, newest first; the first is the root exception shown by REST. */
public record JobExceptionsInfo(List<ExceptionHistoryEntry> history) {}
