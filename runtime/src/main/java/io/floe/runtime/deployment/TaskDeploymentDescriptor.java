package io.floe.runtime.deployment;

import io.floe.api.JobId;
import io.floe.runtime.checkpoint.TaskRestore;
import io.floe.runtime.network.InputChannelDescriptor;
import io.floe.runtime.types.AllocationId;
import io.floe.runtime.types.ExecutionAttemptId;
import io.floe.runtime.types.JobVertexId;
import io.floe.runtime.types.ResultPartitionId;
import java.util.List;
import java.util.Map;

/**
 * Everything a TaskManager needs to run one subtask attempt: the serialized operator chain, the
 * partitions it writes (one per network output, one subpartition per consumer subtask), the
 * channels it reads, and the job's jars and settings. Jars named {@code blob:<key>} are fetched
 * from the BlobServer at {@code blobServerAddress} (host:port); others are URLs or paths.
 * {@code restore} is the checkpoint state the subtask starts from, or null for a fresh start.
 */
public record TaskDeploymentDescriptor(
        JobId jobId,
        String jobName,
        ExecutionAttemptId attemptId,
        AllocationId allocationId,
        JobVertexId vertexId,
        String taskName,
        int subtaskIndex,
        int parallelism,
        int maxParallelism,
        int attemptNumber,
        boolean batch,
        byte[] serializedChain,
        List<PartitionSpec> outputs,
        List<InputChannelDescriptor> inputChannels,
        List<String> userJars,
        String blobServerAddress,
        Map<String, String> jobConfiguration,
        TaskRestore restore,
        int firstInputChannels) {

    /** A task with one input: every channel is its first input's. */
    public TaskDeploymentDescriptor(
            JobId jobId,
            String jobName,
            ExecutionAttemptId attemptId,
            AllocationId allocationId,
            JobVertexId vertexId,
            String taskName,
            int subtaskIndex,
            int parallelism,
            int maxParallelism,
            int attemptNumber,
            boolean batch,
            byte[] serializedChain,
            List<PartitionSpec> outputs,
            List<InputChannelDescriptor> inputChannels,
            List<String> userJars,
            String blobServerAddress,
            Map<String, String> jobConfiguration,
            TaskRestore restore) {
        this(
                jobId,
                jobName,
                attemptId,
                allocationId,
                vertexId,
                taskName,
                subtaskIndex,
                parallelism,
                maxParallelism,
                attemptNumber,
                batch,
                serializedChain,
                outputs,
                inputChannels,
                userJars,
                blobServerAddress,
                jobConfiguration,
                restore,
                inputChannels.size());
    }

    /** A result partition this subtask writes. */
    public record PartitionSpec(ResultPartitionId id, int numberOfSubpartitions) {}

    public String displayName() {
        return taskName + " (" + (subtaskIndex + 1) + "/" + parallelism + ")#" + attemptNumber;
    }
}
