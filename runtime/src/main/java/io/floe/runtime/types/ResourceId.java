package io.floe.runtime.types;

import java.util.UUID;

/** Identifies a TaskManager process for the lifetime of that process. */
public record ResourceId(String value) {
    public static ResourceId generate() {
        return new ResourceId(UUID.randomUUID().toString().replace("-", ""));
    }

    @Override
    public String toString() {
        return value;
    }
}
