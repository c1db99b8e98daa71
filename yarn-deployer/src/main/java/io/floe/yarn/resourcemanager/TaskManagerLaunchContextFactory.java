package io.floe.yarn.resourcemanager;

import io.floe.configuration.ClusterOptions;
import io.floe.configuration.Configuration;
import io.floe.runtime.process.ProcessMemory;
import io.floe.yarn.ContainerCommand;
import io.floe.yarn.ContainerEnvironment;
import io.floe.yarn.ShippedResource;
import io.floe.yarn.configuration.YarnConfigOptions;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.yarn.api.records.Container;
import org.apache.hadoop.yarn.api.records.ContainerLaunchContext;
import org.apache.hadoop.yarn.api.records.LocalResource;

/**
 * Builds the launch context of a TaskManager container from the files the client already uploaded
 * (nothing is uploaded per container); the TaskManager learns the JobManager's address and its
 * own id (the container id) through {@code -D} arguments. Immutable; any thread.
 */
final class TaskManagerLaunchContextFactory {
    private final Map<String, LocalResource> resources;
    private final Map<String, String> environment;
    private final ProcessMemory memory;
    private final String jvmOptions;
    private final String jobManagerHost;
    private final int jobManagerPort;

    TaskManagerLaunchContextFactory(
            Configuration configuration,
            org.apache.hadoop.conf.Configuration hadoopConfiguration,
            List<ShippedResource> shipped,
            String jobManagerHost,
            int jobManagerPort) {
        this.resources = ShippedResource.toLocalResources(shipped);
        this.environment = ContainerEnvironment.of(configuration, hadoopConfiguration);
        this.memory = ProcessMemory.taskManager(configuration.get(ClusterOptions.TASK_MANAGER_PROCESS_SIZE));
        this.jvmOptions = ContainerCommand.jvmOptions(configuration, YarnConfigOptions.JVM_OPTIONS_TASK_MANAGER);
        this.jobManagerHost = jobManagerHost;
        this.jobManagerPort = jobManagerPort;
    }

    ContainerLaunchContext create(Container container) {
        String command = ContainerCommand.build(
                "taskmanager",
                memory,
                jvmOptions,
                "io.floe.runtime.entrypoint.TaskManagerEntrypoint",
                List.of(
                        "-D" + ClusterOptions.JOB_MANAGER_ADDRESS.key() + "=" + jobManagerHost,
                        "-D" + ClusterOptions.JOB_MANAGER_PORT.key() + "=" + jobManagerPort,
                        "-D" + ClusterOptions.TASK_MANAGER_RESOURCE_ID.key() + "=" + container.getId(),
                        "-D" + ClusterOptions.TASK_MANAGER_HOST.key() + "="
                                + container.getNodeId().getHost(),
                        "-D" + ClusterOptions.TASK_MANAGER_BIND_HOST.key() + "=0.0.0.0"));
        return ContainerLaunchContext.newInstance(resources, environment, List.of(command), null, null, null);
    }
}
