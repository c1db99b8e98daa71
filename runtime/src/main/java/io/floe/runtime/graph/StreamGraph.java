package io.floe.runtime.graph;

import java.util.Collection;
import java.util.Map;

/** The program as operators and edges, with parallelism resolved; nodes iterate in topological order. */
public record StreamGraph(String jobName, boolean batch, Map<Integer, StreamNode> nodes) {
    public Collection<StreamNode> getNodes() {
        return nodes.values();
    }
}
