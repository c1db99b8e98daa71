package io.floe.runtime.entrypoint;

import io.floe.configuration.ClusterOptions;
import io.floe.configuration.Configuration;
import io.floe.runtime.highavailability.DurableStorage;
import io.floe.runtime.highavailability.HighAvailabilityMode;
import io.floe.runtime.highavailability.HighAvailabilityServices;
import io.floe.runtime.highavailability.LeaderRetrieval;
import io.floe.runtime.minicluster.TaskManagerRunner;
import io.floe.runtime.process.ProcessRunner;
import io.floe.runtime.security.ClusterSecretLoader;
import io.floe.runtime.taskexecutor.TaskExecutor;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A TaskManager process ({@code taskmanager.sh start}): finds the JobManager through
 * {@code jobmanager.rpc.address}/{@code port}, registers its {@code taskmanager.numberOfTaskSlots}
 * slots and runs tasks until stopped. On YARN the ApplicationMaster starts it with
 * {@code -D taskmanager.resource-id=<containerId>}, so its registration names its container; with
 * {@code high-availability.type: yarn} it follows the attempt that leads, so a new attempt takes
 * it over; with {@code zookeeper}, the JobManager elected there.
 */
public final class TaskManagerEntrypoint {
    private TaskManagerEntrypoint() {}

    public static void main(String[] args) {
        ProcessRunner.run("TaskManager", args, TaskManagerEntrypoint.class, configuration -> {
            String resourceManager = TaskExecutor.resourceManagerAddress(
                    configuration.get(ClusterOptions.JOB_MANAGER_ADDRESS),
                    configuration.get(ClusterOptions.JOB_MANAGER_PORT));
            if (HighAvailabilityMode.of(configuration) == HighAvailabilityMode.ZOOKEEPER) {
                HighAvailabilityServices highAvailability = HighAvailabilityServices.create(configuration);
                try {
                    TaskManagerRunner runner =
                            start(configuration, highAvailability.leaderRetrieval(), resourceManager);
                    return () -> {
                        runner.close();
                        highAvailability.close();
                    };
                } catch (RuntimeException e) {
                    highAvailability.close();
                    throw e;
                }
            }
            return start(configuration, leaderRetrieval(configuration, resourceManager), resourceManager);
        });
    }

    private static TaskManagerRunner start(
            Configuration configuration, LeaderRetrieval leaders, String resourceManager) {
        TaskManagerRunner runner = new TaskManagerRunner(
                configuration,
                leaders,
                resourceManager,
                configuration.get(ClusterOptions.NUM_TASK_SLOTS),
                ClusterSecretLoader.load(configuration, ClusterConfigurationLoader.configurationDirectory()));
        runner.start();
        return runner;
    }

    /**
     * With {@code high-availability.type: yarn}, the leader published under the storage directory
     * (a new YARN application attempt takes over this TaskManager); else {@code resourceManager}.
     */
    private static LeaderRetrieval leaderRetrieval(Configuration configuration, String resourceManager) {
        if (HighAvailabilityMode.of(configuration) != HighAvailabilityMode.YARN) {
            return LeaderRetrieval.fixed(resourceManager);
        }
        String storageDir = configuration.get(ClusterOptions.HA_STORAGE_DIR);
        try {
            return DurableStorage.factoryFor(storageDir).createLeaderStore(storageDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the leader store in " + storageDir + ": " + e.getMessage(), e);
        }
    }
}
