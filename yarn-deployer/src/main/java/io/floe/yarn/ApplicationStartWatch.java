package io.floe.yarn;

import java.util.function.Consumer;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.YarnApplicationState;
import org.apache.hadoop.yarn.client.api.YarnClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Step 5 of a deployment: polls the application report, printing each state change with YARN's diagnostics, until
 * the ApplicationMaster has registered its REST address; fails, with the AM's first error line, if it ends first.
 */
final class ApplicationStartWatch {
    private static final Logger LOG = LoggerFactory.getLogger(ApplicationStartWatch.class);
    private static final long POLL_MILLIS = 250;
    private static final long PATIENCE_NOTE_MILLIS = 60_000;

    private ApplicationStartWatch() {}

    static ApplicationReport awaitRunning(YarnClient yarnClient, ApplicationId appId, Consumer<String> console)
            throws Exception {
        long start = System.currentTimeMillis();
        long nextPatienceNote = start + PATIENCE_NOTE_MILLIS;
        YarnApplicationState last = null;
        while (true) {
            ApplicationReport report = yarnClient.getApplicationReport(appId);
            YarnApplicationState state = report.getYarnApplicationState();
            if (state != last) {
                console.accept("YARN application " + appId + " is " + state
                        + (report.getDiagnostics() == null
                                        || report.getDiagnostics().isBlank()
                                ? ""
                                : ": " + report.getDiagnostics()));
                last = state;
            }
            switch (state) {
                case FAILED, KILLED ->
                    throw new IllegalStateException("YARN application " + appId + " ended " + state
                            + " during deployment: " + whyItEnded(report) + "\nSee: yarn logs -applicationId " + appId);
                case RUNNING, FINISHED -> {
                    if (report.getRpcPort() > 0
                            && report.getHost() != null
                            && !report.getHost().equals("N/A")) {
                        return report;
                    }
                    if (state == YarnApplicationState.FINISHED) {
                        throw new IllegalStateException("YARN application " + appId + " finished before it registered: "
                                + report.getFinalApplicationStatus() + " " + report.getDiagnostics());
                    }
                }
                default -> {}
            }
            if (System.currentTimeMillis() > nextPatienceNote) {
                LOG.info(
                        "Deployment of {} takes more than {} s; check that the queue has room for the "
                                + "ApplicationMaster",
                        appId,
                        (System.currentTimeMillis() - start) / 1000);
                nextPatienceNote += PATIENCE_NOTE_MILLIS;
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    /** The first error line of the ApplicationMaster's stderr, if YARN's diagnostics carry one, else them all. */
    private static String whyItEnded(ApplicationReport report) {
        String cause = ContainerDiagnostics.cause(report.getDiagnostics());
        return cause != null ? cause : report.getDiagnostics();
    }
}
