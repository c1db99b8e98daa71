package io.floe.runtime.graph;

import java.util.List;

/**
 * One node of the program as the user wrote it: a source, an operator, a repartitioning, a union
 * or a sink. Built by the {@code DataStream} API on the client's thread; turned into a
 * {@link StreamGraph} by {@link StreamGraphGenerator} when the job is executed.
 */
public abstract class Transformation {
    private final int id;
    private String name;
    private String uid;
    private int parallelism;

    protected Transformation(int id, String name, int parallelism) {
        this.id = id;
        this.name = name;
        this.parallelism = parallelism;
    }

    public int getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getUid() {
        return uid;
    }

    public void setUid(String uid) {
        this.uid = uid;
    }

    /** The parallelism set by the user, or -1 for the environment's default. */
    public int getParallelism() {
        return parallelism;
    }

    public void setParallelism(int parallelism) {
        if (parallelism < 1 && parallelism != -1) {
            throw new IllegalArgumentException(
                    "Parallelism must be at least 1, was " + parallelism + " for '" + name + "'.");
        }
        this.parallelism = parallelism;
    }

    /** The transformations this one reads from. */
    public abstract List<Transformation> getInputs();

    @Override
    public String toString() {
        return getClass().getSimpleName() + "{id=" + id + ", name='" + name + "'}";
    }
}
