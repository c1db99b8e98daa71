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
    private int maxParallelism = -1;
    private ChainingStrategy chainingStrategy = ChainingStrategy.ALWAYS;
    private String slotSharingGroup;

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

    /** The max parallelism set by the user, or -1 for the job's. */
    public int getMaxParallelism() {
        return maxParallelism;
    }

    public void setMaxParallelism(int maxParallelism) {
        if (maxParallelism < 1 || maxParallelism > 32768) {
            throw new IllegalArgumentException(
                    "Max parallelism must be between 1 and 32768, was " + maxParallelism + " for '" + name + "'.");
        }
        this.maxParallelism = maxParallelism;
    }

    public ChainingStrategy getChainingStrategy() {
        return chainingStrategy;
    }

    public void setChainingStrategy(ChainingStrategy chainingStrategy) {
        this.chainingStrategy = chainingStrategy;
    }

    /** The slot sharing group set by the user, or null to take the inputs' (or {@code default}). */
    public String getSlotSharingGroup() {
        return slotSharingGroup;
    }

    public void setSlotSharingGroup(String slotSharingGroup) {
        if (slotSharingGroup.isBlank()) {
            throw new IllegalArgumentException("A slot sharing group needs a non-empty name, for '" + name + "'.");
        }
        this.slotSharingGroup = slotSharingGroup;
    }

    /** The transformations this one reads from. */
    public abstract List<Transformation> getInputs();

    @Override
    public String toString() {
        return getClass().getSimpleName() + "{id=" + id + ", name='" + name + "'}";
    }
}
