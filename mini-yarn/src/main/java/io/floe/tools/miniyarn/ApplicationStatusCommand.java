package io.floe.tools.miniyarn;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.YarnApplicationState;
import org.apache.hadoop.yarn.client.api.YarnClient;
import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.apache.hadoop.yarn.exceptions.ApplicationNotFoundException;
import org.apache.hadoop.yarn.exceptions.YarnException;

/**
 * {@code app-status <conf-dir> <appId> [wait-seconds]}: prints {@code <appId> <state>
 * <final-status>} of a YARN application (e.g. {@code application_1_0001 FINISHED SUCCEEDED}), what
 * {@code yarn application -status} tells, for machines without the {@code yarn} command. With
 * wait-seconds it first waits up to that long for the application to end (FINISHED, FAILED or
 * KILLED): an ApplicationMaster unregisters shortly after its client has the job's result.
 */
final class ApplicationStatusCommand {
    private static final Set<YarnApplicationState> ENDED =
            EnumSet.of(YarnApplicationState.FINISHED, YarnApplicationState.FAILED, YarnApplicationState.KILLED);
    private static final long POLL_MILLIS = 250;

    private final Path confDir;
    private final ApplicationId applicationId;
    private final int waitSeconds;
    private final PrintStream console;

    ApplicationStatusCommand(Path confDir, String applicationId, int waitSeconds, PrintStream console) {
        if (!Files.isRegularFile(confDir.resolve(HadoopSiteFiles.YARN_SITE))) {
            throw new IllegalArgumentException(
                    "no " + HadoopSiteFiles.YARN_SITE + " in " + confDir + "; is mini-yarn running?");
        }
        try {
            this.applicationId = ApplicationId.fromString(applicationId);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a YARN application id: '" + applicationId + "'", e);
        }
        this.confDir = confDir;
        this.waitSeconds = waitSeconds;
        this.console = console;
    }

    int run() throws IOException, YarnException, InterruptedException {
        YarnConfiguration conf = new YarnConfiguration();
        conf.addResource(new org.apache.hadoop.fs.Path(
                confDir.resolve(HadoopSiteFiles.YARN_SITE).toUri()));
        // a ResourceManager that is gone is reported within seconds, not after YARN's 15 minutes of retries
        conf.setLong(YarnConfiguration.RESOURCEMANAGER_CONNECT_MAX_WAIT_MS, 10_000);
        conf.setLong(YarnConfiguration.RESOURCEMANAGER_CONNECT_RETRY_INTERVAL_MS, 1_000);
        YarnClient client = YarnClient.createYarnClient();
        client.init(conf);
        client.start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(waitSeconds);
            ApplicationReport report = report(client);
            while (!ENDED.contains(report.getYarnApplicationState()) && System.nanoTime() < deadline) {
                Thread.sleep(POLL_MILLIS);
                report = report(client);
            }
            console.println(
                    applicationId + " " + report.getYarnApplicationState() + " " + report.getFinalApplicationStatus());
            return 0;
        } finally {
            client.stop();
        }
    }

    private ApplicationReport report(YarnClient client) throws IOException, YarnException {
        try {
            return client.getApplicationReport(applicationId);
        } catch (ApplicationNotFoundException e) {
            throw new IllegalArgumentException("YARN knows no application " + applicationId, e);
        }
    }
}
