package io.floe.runtime.jobgraph;

/**
 * One task of the job: a chain of operators run by one thread per subtask. The chain (user code)
 * travels as opaque bytes and is deserialized only in the TaskManager, in the job's class loader.
 */
public record JobVertex(
        JobVertexId id,
        String name,
        int parallelism,
        int maxParallelism,
        boolean source,
        int numberOfOutputs,
        byte[] serializedChain) {}
