package io.floe.runtime.graph;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/** One operator of the {@link StreamGraph}, with its resolved parallelism, chaining, slot sharing group and edges. */
public final class StreamNode {
    public static final String DEFAULT_SLOT_SHARING_GROUP = "default";

    final int id;
    final String name;
    final String uid;
    final Serializable operator;
    final int parallelism;
    final int maxParallelism;
    final boolean source;
    final ChainingStrategy chainingStrategy;
    final String slotSharingGroup;
    final List<StreamEdge> inEdges = new ArrayList<>();
    final List<StreamEdge> outEdges = new ArrayList<>();

    StreamNode(
            Transformation transformation,
            Serializable operator,
            int parallelism,
            int maxParallelism,
            boolean source,
            String slotSharingGroup) {
        this.id = transformation.getId();
        this.name = transformation.getName();
        this.uid = transformation.getUid();
        this.operator = operator;
        this.parallelism = parallelism;
        this.maxParallelism = maxParallelism;
        this.source = source;
        this.chainingStrategy = transformation.getChainingStrategy();
        this.slotSharingGroup = slotSharingGroup;
    }

    public int getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    /** The user's {@code uid(...)}, or null. */
    public String getUid() {
        return uid;
    }

    public Serializable getOperator() {
        return operator;
    }

    public int getParallelism() {
        return parallelism;
    }

    public int getMaxParallelism() {
        return maxParallelism;
    }

    public boolean isSource() {
        return source;
    }

    public ChainingStrategy getChainingStrategy() {
        return chainingStrategy;
    }

    public String getSlotSharingGroup() {
        return slotSharingGroup;
    }

    public List<StreamEdge> getInEdges() {
        return inEdges;
    }

    public List<StreamEdge> getOutEdges() {
        return outEdges;
    }
}
