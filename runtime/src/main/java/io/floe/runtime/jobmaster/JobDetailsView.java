package io.floe.runtime.jobmaster;

import io.floe.runtime.execution.ExecutionState;
import io.floe.runtime.jobgraph.JobGraph;
import io.floe.runtime.jobgraph.JobVertex;
import io.floe.runtime.webmonitor.JobVertexInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How a job's vertices look to REST ({@code /jobs/:jobid}): their subtasks counted by state, and one state each. */
final class JobDetailsView {

    private JobDetailsView() {}

    /** @param executions the current run's subtasks; null before the first deployment */
    static List<JobVertexInfo> vertices(JobGraph jobGraph, ExecutionGraph executions, long startTime, long endTime) {
        List<JobVertexInfo> vertices = new ArrayList<>();
        for (JobVertex vertex : jobGraph.vertices()) {
            Map<String, Integer> perState = new LinkedHashMap<>();
            for (ExecutionState state : ExecutionState.values()) {
                perState.put(state.name(), 0);
            }
            if (executions == null) {
                perState.put(ExecutionState.CREATED.name(), vertex.parallelism());
            } else {
                for (Execution execution : executions.executions()) {
                    if (execution.vertex.id().equals(vertex.id())) {
                        perState.merge(execution.state.name(), 1, Integer::sum);
                    }
                }
            }
            vertices.add(new JobVertexInfo(
                    vertex.id().value(),
                    vertex.name(),
                    vertex.parallelism(),
                    aggregateState(perState, vertex.parallelism()).name(),
                    startTime,
                    endTime,
                    perState));
        }
        return vertices;
    }

    /** A vertex is as far as its least advanced subtask, but FAILED or CANCELING win. */
    private static ExecutionState aggregateState(Map<String, Integer> perState, int parallelism) {
        for (ExecutionState state : List.of(ExecutionState.FAILED, ExecutionState.CANCELING, ExecutionState.CANCELED)) {
            if (perState.get(state.name()) > 0) {
                return state;
            }
        }
        if (perState.get(ExecutionState.FINISHED.name()) == parallelism) {
            return ExecutionState.FINISHED;
        }
        for (ExecutionState state : List.of(
                ExecutionState.CREATED,
                ExecutionState.SCHEDULED,
                ExecutionState.DEPLOYING,
                ExecutionState.INITIALIZING)) {
            if (perState.get(state.name()) > 0) {
                return state;
            }
        }
        return ExecutionState.RUNNING;
    }
}
