package io.floe.runtime.checkpoint;

/** Why a checkpoint or savepoint did not complete; the message says it in Flink's words where Flink has them. */
public class CheckpointException extends Exception {
    private static final long serialVersionUID = 1L;

    public CheckpointException(String message) {
        super(message);
    }

    public CheckpointException(String message, Throwable cause) {
        super(message, cause);
    }
}
