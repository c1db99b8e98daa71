package io.floe.yarn;

import java.util.function.Consumer;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.util.ShutdownHookManager;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.client.api.YarnClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kills a deployment's application and deletes its staging directory, so neither is left behind:
 * when the deployment fails ({@link #cleanUp}), or from a shutdown hook armed while it is under way,
 * if the client dies before the ApplicationMaster is up. The clean-up runs once, whoever asks
 * first; the other waits for it. (A kill from the hook makes the deployment fail too, and its
 * clean-up must not close the clients under the hook's feet.)
 *
 * <p>The hook runs through Hadoop's {@link ShutdownHookManager}, ahead of the hook that closes every
 * {@link FileSystem}: a plain JVM hook would race it and could find the staging directory's file
 * system closed. It says what it did on the console, since log4j may have stopped by then.
 */
final class DeploymentFailureHook {
    private static final Logger LOG = LoggerFactory.getLogger(DeploymentFailureHook.class);

    private final YarnClient client;
    private final ApplicationId appId;
    private final ApplicationStaging staging;
    private final Runnable hook;
    /** Guarded by this; null until the clean-up ran. */
    private String outcome;

    /**
     * @param console where the user's lines go
     */
    DeploymentFailureHook(
            YarnClient client, ApplicationId appId, ApplicationStaging staging, Consumer<String> console) {
        this.client = client;
        this.appId = appId;
        this.staging = staging;
        this.hook = () -> {
            LOG.warn(
                    "The client stops while {} is being deployed: killing it and deleting its staging directory",
                    appId);
            console.accept("Stopped while deploying: " + cleanUp() + ".");
        };
        ShutdownHookManager.get().addShutdownHook(hook, FileSystem.SHUTDOWN_HOOK_PRIORITY + 1);
    }

    /** The deployment is up or cleaned up: the client may stop without killing it. */
    void disarm() {
        try {
            ShutdownHookManager.get().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway, and cleans up at most once
        }
    }

    /** Kills the application and deletes its staging directory, unless done already; returns what happened. */
    synchronized String cleanUp() {
        if (outcome != null) {
            return outcome;
        }
        String result;
        try {
            client.killApplication(appId);
            result = "killed " + appId;
        } catch (Exception e) {
            LOG.warn("Could not kill {}", appId, e);
            result = "could not kill " + appId + " (" + e.getMessage() + "); kill it with: yarn application -kill "
                    + appId;
        }
        try {
            staging.delete();
            result += " and deleted its staging directory";
        } catch (Exception e) {
            LOG.warn("Could not delete the staging directory {} of {}", staging.path(), appId, e);
            result += "; could not delete its staging directory " + staging.path() + " (" + e.getMessage() + ")";
        }
        outcome = result;
        return result;
    }
}
