package io.floe.yarn.entrypoint;

import io.floe.runtime.resourcemanager.ResourceManagerDriver.ApplicationStatus;
import io.floe.runtime.webmonitor.JobDetails;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ApplicationMaster of a session cluster ({@code yarn-session.sh}): a JobManager that takes
 * jobs over REST and starts TaskManager containers only as those jobs need slots. It runs until a
 * client asks it to stop ({@code DELETE /cluster}, what {@code stop} in yarn-session.sh sends);
 * then it deletes the staging directory and unregisters with SUCCEEDED. With
 * {@code yarn.application-attempts} above 1, a new attempt after a crash submits again the jobs
 * the last one had not finished (their graphs and jars are under {@code high-availability.storageDir}).
 */
public final class YarnSessionClusterEntrypoint {
    private static final Logger LOG = LoggerFactory.getLogger(YarnSessionClusterEntrypoint.class);

    private YarnSessionClusterEntrypoint() {}

    public static void main(String[] args) {
        ApplicationMaster.run("session", args, YarnSessionClusterEntrypoint::runSession);
    }

    private static int runSession(ApplicationMaster am) throws Exception {
        // a new attempt after a crash: the jobs the last one accepted and did not finish run again
        List<io.floe.api.JobId> recovered = am.services().recoverJobs();
        if (!recovered.isEmpty()) {
            LOG.info("Recovered {} job(s) of the previous ApplicationMaster attempt: {}", recovered.size(), recovered);
        }
        am.register();
        am.services().shutdownRequest().get();
        List<JobDetails> unfinished = am.services().listJobs().get().stream()
                .filter(job -> !job.status().isGloballyTerminal())
                .toList();
        if (!unfinished.isEmpty()) {
            LOG.warn(
                    "Stopping the session with {} job(s) not finished; they are cancelled: {}",
                    unfinished.size(),
                    unfinished.stream()
                            .map(job -> job.jobId() + " (" + job.jobName() + ", " + job.status() + ")")
                            .toList());
        }
        am.finish(
                ApplicationStatus.SUCCEEDED,
                "Session stopped on request of a client"
                        + (unfinished.isEmpty() ? "" : "; " + unfinished.size() + " running job(s) cancelled"));
        return 0;
    }
}
