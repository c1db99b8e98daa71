package io.floe.runtime.webmonitor;

import java.util.Map;

/** One vertex of a running or ended job: its subtasks counted by {@link ExecutionState} name. */
public record JobVertexInfo(
        String id,
        String name,
        int parallelism,
        String status,
        long startTime,
        long endTime,
        Map<String, Integer> tasksPerState) {}
