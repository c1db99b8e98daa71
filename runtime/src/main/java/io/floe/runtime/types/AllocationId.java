package io.floe.runtime.types;

import java.util.UUID;

/** Identifies one allocation of a slot to a job; a freed and re-allocated slot gets a new one. */
public record AllocationId(String value) {
    public static AllocationId generate() {
        return new AllocationId(UUID.randomUUID().toString().replace("-", ""));
    }

    @Override
    public String toString() {
        return value;
    }
}
