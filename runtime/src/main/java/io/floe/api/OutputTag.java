package io.floe.api;

import java.io.Serializable;
import java.util.Objects;

/**
 * Names a side output: a process function emits to it with {@code ctx.output(tag, value)} and the
 * program reads it with {@code getSideOutput(tag)}. Tags are equal when their ids are. Flink's
 * {@code new OutputTag<String>("late") {}} (an anonymous subclass, for its type information)
 * works as well as {@code new OutputTag<>("late")}.
 */
public class OutputTag<T> implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String id;

    public OutputTag(String id) {
        Objects.requireNonNull(id, "OutputTag id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("An OutputTag needs a non-empty id.");
        }
        this.id = id;
    }

    public String getId() {
        return id;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OutputTag<?> tag && tag.id.equals(id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "OutputTag(" + id + ")";
    }
}
