package io.floe.yarn;

import java.util.function.Consumer;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.util.ShutdownHookManager;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.client.api.YarnClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A shutdown hook armed while a deployment is under way: if the client dies before the
 * ApplicationMaster is up, it kills the application and deletes its staging directory, so neither
 * is left behind. Disarmed once the deployment succeeded or failed on its own. It runs through
 * Hadoop's {@link ShutdownHookManager} ahead of the hook that closes every {@link FileSystem}: a
 * plain JVM hook would race it and could find the staging directory's file system closed.
 */
final class DeploymentFailureHook {
    private static final Logger LOG = LoggerFactory.getLogger(DeploymentFailureHook.class);

    private final Runnable hook;

    /**
     * @param console where the user's lines go: log4j may have stopped already when the hook runs
     */
    DeploymentFailureHook(YarnClient client, ApplicationId appId, ApplicationStaging staging, Consumer<String> console) {
        this.hook = () -> {
            LOG.warn("The client stops while {} is being deployed: killing it and deleting its staging directory", appId);
            String outcome = "killed " + appId;
            try {
                client.killApplication(appId);
            } catch (Exception e) {
                LOG.warn("Could not kill {}", appId, e);
                outcome = "could not kill " + appId + " (" + e.getMessage() + "); kill it with: yarn application -kill " + appId;
            }
            try {
                staging.delete();
                outcome += " and deleted its staging directory";
            } catch (Exception e) {
                LOG.warn("Could not delete the staging directory {} of {}", staging.path(), appId, e);
                outcome += "; could not delete its staging directory " + staging.path() + " (" + e.getMessage() + ")";
            }
            console.accept("Stopped while deploying: " + outcome + ".");
        };
        ShutdownHookManager.get().addShutdownHook(hook, FileSystem.SHUTDOWN_HOOK_PRIORITY + 1);
    }

    void disarm() {
        try {
            ShutdownHookManager.get().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway
        }
    }
}
