package io.floe.yarn.cli;

import io.floe.client.rest.RestClientException;
import io.floe.client.rest.RestClusterClient;
import io.floe.yarn.YarnClusterDescriptor;
import io.floe.yarn.YarnClusterDescriptor.DeployedCluster;
import io.floe.yarn.YarnPropertiesFile;
import java.io.PrintStream;
import java.time.Duration;
import java.util.EnumSet;
import java.util.concurrent.locks.LockSupport;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.FinalApplicationStatus;
import org.apache.hadoop.yarn.api.records.YarnApplicationState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches and stops one YARN session: a stop asks the JobManager to shut down over REST (it then
 * deletes its staging directory and unregisters SUCCEEDED); if it does not answer or end in time,
 * YARN kills the application and the staging directory is deleted from here. Either way the
 * properties file goes if it names this session.
 */
final class SessionController {
    private static final Logger LOG = LoggerFactory.getLogger(SessionController.class);
    static final EnumSet<YarnApplicationState> ENDED =
            EnumSet.of(YarnApplicationState.FINISHED, YarnApplicationState.FAILED, YarnApplicationState.KILLED);
    private static final Duration GRACEFUL_STOP = Duration.ofSeconds(60);

    private final YarnClusterDescriptor descriptor;
    private final DeployedCluster session;
    private final YarnPropertiesFile properties;
    private final PrintStream out;

    SessionController(
            YarnClusterDescriptor descriptor, DeployedCluster session, YarnPropertiesFile properties, PrintStream out) {
        this.descriptor = descriptor;
        this.session = session;
        this.properties = properties;
        this.out = out;
    }

    String applicationId() {
        return session.applicationId().toString();
    }

    ApplicationReport report() throws Exception {
        return descriptor.yarnClient().getApplicationReport(session.applicationId());
    }

    /** Stops the session and returns how YARN saw it end. */
    ApplicationReport stop() throws Exception {
        out.println("Stopping YARN session " + applicationId());
        try (RestClusterClient rest = new RestClusterClient(
                session.restHost(),
                session.restPort(),
                Duration.ofSeconds(10),
                Duration.ofSeconds(30),
                session.restAuthorization())) {
            rest.shutDownCluster();
        } catch (RestClientException e) {
            LOG.warn(
                    "The session's JobManager did not take the shutdown request; killing application {}",
                    applicationId(),
                    e);
        }
        ApplicationReport report = awaitEnd(GRACEFUL_STOP);
        if (!ENDED.contains(report.getYarnApplicationState())) {
            out.println("The session did not stop within " + GRACEFUL_STOP.toSeconds() + " s; killing YARN application "
                    + applicationId());
            descriptor.yarnClient().killApplication(session.applicationId());
            report = awaitEnd(Duration.ofSeconds(10));
        }
        ended(report);
        return report;
    }

    /**
     * Reports the end of the session and forgets it in the properties file. A session that did not
     * end SUCCEEDED (killed through YARN, failed) could not delete its staging directory: that goes here.
     */
    void ended(ApplicationReport report) {
        if (report.getFinalApplicationStatus() != FinalApplicationStatus.SUCCEEDED) {
            deleteStagingDirectory();
        }
        out.println("YARN application " + applicationId() + " ended " + report.getYarnApplicationState()
                + " with final status " + report.getFinalApplicationStatus()
                + (report.getDiagnostics() == null || report.getDiagnostics().isBlank()
                        ? ""
                        : ": " + report.getDiagnostics()));
        properties.deleteIfNames(applicationId());
    }

    private ApplicationReport awaitEnd(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        ApplicationReport report = report();
        while (!ENDED.contains(report.getYarnApplicationState()) && System.nanoTime() < deadline) {
            LockSupport.parkNanos(Duration.ofMillis(250).toNanos());
            report = report();
        }
        return report;
    }

    private void deleteStagingDirectory() {
        try {
            Path staging = new Path(session.stagingDirectory());
            FileSystem fs = staging.getFileSystem(descriptor.yarnConfiguration());
            fs.delete(staging, true);
        } catch (Exception e) {
            LOG.warn("Could not delete the staging directory {} of {}", session.stagingDirectory(), applicationId(), e);
        }
    }
}
