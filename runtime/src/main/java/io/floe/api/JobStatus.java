package io.floe.api;

/** The life of a job, as Flink names it. */
public enum JobStatus {
    INITIALIZING,
    CREATED,
    RUNNING,
    FAILING,
    FAILED,
    CANCELLING,
    CANCELED,
    FINISHED,
    RESTARTING,
    SUSPENDED;

    /** FINISHED, FAILED and CANCELED are final for the whole cluster. */
    public boolean isGloballyTerminal() {
        return this == FINISHED || this == FAILED || this == CANCELED;
    }
}
