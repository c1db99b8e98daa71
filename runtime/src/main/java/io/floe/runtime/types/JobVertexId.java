package io.floe.runtime.types;

/** Identifies a vertex (one chain of operators) within a job graph. */
public record JobVertexId(String value) {
    @Override
    public String toString() {
        return value;
    }
}
