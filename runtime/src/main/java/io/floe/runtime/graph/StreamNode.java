package io.floe.runtime.graph;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/** One operator of the {@link StreamGraph}, with its resolved parallelism and its edges. */
public final class StreamNode {
    final int id;
    final String name;
    final Serializable operator;
    final int parallelism;
    final int maxParallelism;
    final boolean source;
    final List<StreamEdge> inEdges = new ArrayList<>();
    final List<StreamEdge> outEdges = new ArrayList<>();

    StreamNode(int id, String name, Serializable operator, int parallelism, int maxParallelism, boolean source) {
        this.id = id;
        this.name = name;
        this.operator = operator;
        this.parallelism = parallelism;
        this.maxParallelism = maxParallelism;
        this.source = source;
    }

    public int getId() {
        return id;
    }

    public String getName() {
        return name;
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

    public List<StreamEdge> getInEdges() {
        return inEdges;
    }

    public List<StreamEdge> getOutEdges() {
        return outEdges;
    }
}
