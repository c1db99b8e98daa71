package io.floe.yarn;

import java.io.IOException;
import java.util.EnumSet;
import java.util.Set;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.YarnApplicationState;
import org.apache.hadoop.yarn.client.api.YarnClient;
import org.apache.hadoop.yarn.exceptions.YarnException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes the staging directories ({@code <base>/.floe/<appId>/}, with the HA data of the
 * application in {@code ha/}) that applications which ended without cleaning up left behind: an
 * ApplicationMaster whose last attempt was killed, a detached session killed through YARN. Each
 * deployment sweeps the base it stages into, so such leftovers live until the next Floe application
 * of the user starts. Only directories of applications YARN reports as ended go. Stateless.
 */
final class StagingSweeper {
    private static final Logger LOG = LoggerFactory.getLogger(StagingSweeper.class);
    private static final Set<YarnApplicationState> ENDED =
            EnumSet.of(YarnApplicationState.FINISHED, YarnApplicationState.FAILED, YarnApplicationState.KILLED);

    private StagingSweeper() {}

    /** Deletes the staging directories under {@code floeBase} of ended applications; logs and carries on on errors. */
    static void sweep(FileSystem fs, org.apache.hadoop.fs.Path floeBase, YarnClient yarnClient) {
        FileStatus[] children;
        try {
            children = fs.listStatus(floeBase);
        } catch (IOException e) {
            LOG.debug("Could not list {} for leftover staging directories", floeBase, e);
            return;
        }
        for (FileStatus child : children) {
            ApplicationId application = applicationIdOf(child);
            if (application == null) {
                continue; // the framework jar cache, or something not Floe's
            }
            try {
                YarnApplicationState state =
                        yarnClient.getApplicationReport(application).getYarnApplicationState();
                if (ENDED.contains(state) && fs.delete(child.getPath(), true)) {
                    LOG.info(
                            "Deleted the staging directory {} that {} ({}) left behind",
                            child.getPath(),
                            application,
                            state);
                }
            } catch (YarnException | IOException e) { // unknown to this ResourceManager: leave it
                LOG.debug("Left {} alone: {}", child.getPath(), e.toString());
            }
        }
    }

    private static ApplicationId applicationIdOf(FileStatus child) {
        if (!child.isDirectory() || !child.getPath().getName().startsWith("application_")) {
            return null;
        }
        try {
            return ApplicationId.fromString(child.getPath().getName());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
