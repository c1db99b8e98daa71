package io.floe.yarn;

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

    DeploymentFailureHook(YarnClient client, ApplicationId appId, ApplicationStaging staging) {
        this.hook = () -> {
            LOG.warn("The client stops while {} is being deployed: killing it and deleting its staging directory", appId);
            try {
                client.killApplication(appId);
            } catch (Exception e) {
                LOG.warn("Could not kill {}", appId, e);
            }
            try {
                staging.delete();
            } catch (Exception e) {
                LOG.warn("Could not delete the staging directory {} of {}", staging.path(), appId, e);
            }
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
