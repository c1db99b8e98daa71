package io.floe.api;

import java.util.UUID;

/** Identifies a job: 32 hex digits, as Flink prints job ids. */
public record JobId(String value) {
    public JobId {
        if (value == null || !value.matches("[0-9a-f]{32}")) {
            throw new IllegalArgumentException("A job id is 32 hex digits, not '" + value + "'.");
        }
    }

    public static JobId generate() {
        return new JobId(UUID.randomUUID().toString().replace("-", ""));
    }

    @Override
    public String toString() {
        return value;
    }
}
