package io.floe.runtime.jobmaster;

import io.floe.runtime.checkpoint.TaskRestore;
import io.floe.runtime.deployment.TaskDeploymentDescriptor;
import io.floe.runtime.execution.ExecutionState;
import io.floe.runtime.jobgraph.JobEdge;
import io.floe.runtime.jobgraph.JobGraph;
import io.floe.runtime.jobgraph.JobVertex;
import io.floe.runtime.network.InputChannelDescriptor;
import io.floe.runtime.types.ExecutionAttemptId;
import io.floe.runtime.types.ResultPartitionId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The attempts of one run of the job: subtask i of every vertex of a slot sharing group goes into
 * the group's slot i,
 * and every subtask learns where its producers' partitions live. A restart builds a new graph
 * with new attempt ids. Main thread of the JobMaster only.
 */
final class ExecutionGraph {
    private final JobGraph jobGraph;
    private final int attemptNumber;
    private final Map<ExecutionAttemptId, Execution> byAttempt = new LinkedHashMap<>();
    private final Map<String, Execution> bySubtask = new HashMap<>();

    private final String blobServerAddress;
    /** The job's effective configuration, as its tasks see it. */
    private final Map<String, String> configuration;

    ExecutionGraph(
            JobGraph jobGraph,
            int attemptNumber,
            List<AcceptedSlot> slots,
            String blobServerAddress,
            Map<String, String> configuration) {
        this.jobGraph = jobGraph;
        this.blobServerAddress = blobServerAddress;
        this.configuration = configuration;
        this.attemptNumber = attemptNumber;
        for (JobVertex vertex : jobGraph.vertices()) {
            int firstSlot = jobGraph.firstSlotOf(vertex);
            for (int i = 0; i < vertex.parallelism(); i++) {
                Execution execution = new Execution(vertex, i, slots.get(firstSlot + i));
                byAttempt.put(execution.attemptId, execution);
                bySubtask.put(vertex.id() + "#" + i, execution);
            }
        }
    }

    int attemptNumber() {
        return attemptNumber;
    }

    Iterable<Execution> executions() {
        return byAttempt.values();
    }

    Execution find(ExecutionAttemptId attemptId) {
        return byAttempt.get(attemptId);
    }

    boolean allFinished() {
        return byAttempt.values().stream().allMatch(e -> e.state == ExecutionState.FINISHED);
    }

    boolean allRunning() {
        return byAttempt.values().stream().allMatch(e -> e.state == ExecutionState.RUNNING);
    }

    boolean allRunningOrFinished() {
        return byAttempt.values().stream()
                .allMatch(e -> e.state == ExecutionState.RUNNING || e.state == ExecutionState.FINISHED);
    }

    /** Whether every subtask of every vertex {@code vertex} reads from has finished. */
    boolean allInputsFinished(JobVertex vertex) {
        for (JobEdge edge : jobGraph.inputsOf(vertex.id())) {
            JobVertex producer = jobGraph.vertex(edge.source());
            for (int i = 0; i < producer.parallelism(); i++) {
                if (bySubtask.get(producer.id() + "#" + i).state != ExecutionState.FINISHED) {
                    return false;
                }
            }
        }
        return true;
    }

    boolean allTerminal() {
        return byAttempt.values().stream().allMatch(e -> e.state.isTerminal());
    }

    int size() {
        return byAttempt.size();
    }

    /** @param restore the state the subtask starts from, or null */
    TaskDeploymentDescriptor descriptorFor(Execution execution, TaskRestore restore) {
        JobVertex vertex = execution.vertex;
        List<TaskDeploymentDescriptor.PartitionSpec> outputs = new ArrayList<>();
        for (JobEdge edge : sortedOutputs(vertex)) {
            outputs.add(new TaskDeploymentDescriptor.PartitionSpec(
                    partitionId(execution, edge.sourceOutputIndex()),
                    jobGraph.vertex(edge.target()).parallelism()));
        }
        List<InputChannelDescriptor> inputs = new ArrayList<>();
        int firstInputChannels = 0;
        for (JobEdge edge : jobGraph.inputsOf(vertex.id())) { // a two-input vertex's first input first
            JobVertex producer = jobGraph.vertex(edge.source());
            if (edge.targetInput() <= 1) {
                firstInputChannels += producer.parallelism();
            }
            for (int j = 0; j < producer.parallelism(); j++) {
                Execution producerExecution = bySubtask.get(producer.id() + "#" + j);
                inputs.add(new InputChannelDescriptor(
                        partitionId(producerExecution, edge.sourceOutputIndex()),
                        execution.subtaskIndex,
                        producerExecution.slot.location().dataHost(),
                        producerExecution.slot.location().dataPort()));
            }
        }
        return new TaskDeploymentDescriptor(
                jobGraph.jobId(),
                jobGraph.jobName(),
                execution.attemptId,
                execution.slot.allocationId(),
                vertex.id(),
                vertex.name(),
                execution.subtaskIndex,
                vertex.parallelism(),
                vertex.maxParallelism(),
                attemptNumber,
                jobGraph.batch(),
                vertex.serializedChain(),
                outputs,
                inputs,
                jobGraph.userJars(),
                blobServerAddress,
                configuration,
                restore,
                firstInputChannels);
    }

    private List<JobEdge> sortedOutputs(JobVertex vertex) {
        List<JobEdge> outputs = new ArrayList<>(jobGraph.outputsOf(vertex.id()));
        outputs.sort((a, b) -> Integer.compare(a.sourceOutputIndex(), b.sourceOutputIndex()));
        return outputs;
    }

    private static ResultPartitionId partitionId(Execution producer, int outputIndex) {
        return new ResultPartitionId(producer.attemptId.value() + "-" + outputIndex);
    }
}
