package io.floe.api;

/** Whether a job's completed checkpoints stay on storage after the job ends (Flink's enum). */
public enum ExternalizedCheckpointRetention {
    /** Kept when the job fails, deleted when it is cancelled or finishes. */
    DELETE_ON_CANCELLATION,
    /** Kept when the job fails or is cancelled, deleted when it finishes. */
    RETAIN_ON_CANCELLATION,
    /** Deleted whenever the job ends (the default). */
    NO_EXTERNALIZED_CHECKPOINTS
}
