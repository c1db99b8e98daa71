package io.floe.runtime.task;

/** The task's thread was interrupted while blocked on the network: it is being cancelled. */
final class TaskInterruptedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TaskInterruptedException() {
        super("task interrupted", null, false, false);
    }
}
