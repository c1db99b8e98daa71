package io.floe.api;

/** What a checkpoint guarantees about records and state after a restore (Flink's enum). */
public enum CheckpointingMode {
    /** Barriers are aligned: every record changes the state exactly once, also after a failure. */
    EXACTLY_ONCE,
    /** Barriers are not aligned: after a failure some records may change the state again. */
    AT_LEAST_ONCE
}
