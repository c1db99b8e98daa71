package io.floe.runtime.entrypoint;

import io.floe.configuration.ClusterOptions;
import io.floe.runtime.minicluster.TaskManagerRunner;
import io.floe.runtime.process.ProcessRunner;
import io.floe.runtime.security.ClusterSecretLoader;
import io.floe.runtime.taskexecutor.TaskExecutor;

/**
 * A TaskManager process ({@code taskmanager.sh start}): finds the JobManager through
 * {@code jobmanager.rpc.address}/{@code port}, registers its {@code taskmanager.numberOfTaskSlots}
 * slots and runs tasks until stopped. On YARN the ApplicationMaster starts it with
 * {@code -D taskmanager.resource-id=<containerId>}, so its registration names its container.
 */
public final class TaskManagerEntrypoint {
    private TaskManagerEntrypoint() {}

    public static void main(String[] args) {
        ProcessRunner.run("TaskManager", args, TaskManagerEntrypoint.class, configuration -> {
            String resourceManager = TaskExecutor.resourceManagerAddress(
                    configuration.get(ClusterOptions.JOB_MANAGER_ADDRESS),
                    configuration.get(ClusterOptions.JOB_MANAGER_PORT));
            TaskManagerRunner runner = new TaskManagerRunner(
                    configuration,
                    resourceManager,
                    configuration.get(ClusterOptions.NUM_TASK_SLOTS),
                    ClusterSecretLoader.load(configuration, ClusterConfigurationLoader.configurationDirectory()));
            runner.start();
            return runner;
        });
    }
}
