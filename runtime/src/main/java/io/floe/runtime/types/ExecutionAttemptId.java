package io.floe.runtime.types;

import java.util.UUID;

/** Identifies one attempt of one subtask; every restart deploys new attempts. */
public record ExecutionAttemptId(String value) {
    public static ExecutionAttemptId generate() {
        return new ExecutionAttemptId(UUID.randomUUID().toString().replace("-", ""));
    }

    @Override
    public String toString() {
        return value;
    }
}
