package io.floe.yarn.entrypoint;

import io.floe.api.JobStatus;
import io.floe.client.deployment.ApplicationConfiguration;
import io.floe.client.program.PackagedProgram;
import io.floe.client.program.ProgramInvocationException;
import io.floe.configuration.Configuration;
import io.floe.configuration.CoreOptions;
import io.floe.runtime.dispatcher.EmbeddedExecutor;
import io.floe.runtime.execution.JobResult;
import io.floe.runtime.execution.JobSubmission;
import io.floe.runtime.highavailability.HighAvailabilityMode;
import io.floe.runtime.resourcemanager.ResourceManagerDriver.ApplicationStatus;
import io.floe.runtime.rest.messages.RestJsonMapper;
import io.floe.runtime.webmonitor.JobDetails;
import io.floe.yarn.ContainerEnvironment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ApplicationMaster of an application cluster ({@code floe run-application -t
 * yarn-application}): registers, runs the shipped program's {@code main()} here, its jobs going to
 * this very JobManager (target {@code embedded}: no REST in between), and once {@code main()}
 * has returned and every job has ended, unregisters: SUCCEEDED when all jobs finished, FAILED when
 * {@code main()} threw or a job failed, KILLED when a job was cancelled.
 */
public final class YarnApplicationClusterEntrypoint {
    private static final Logger LOG = LoggerFactory.getLogger(YarnApplicationClusterEntrypoint.class);

    private YarnApplicationClusterEntrypoint() {}

    public static void main(String[] args) {
        ApplicationMaster.run("application", args, YarnApplicationClusterEntrypoint::runApplication);
    }

    private static int runApplication(ApplicationMaster am) throws Exception {
        am.register();
        ApplicationConfiguration application = RestJsonMapper.create()
                .readValue(Path.of(ContainerEnvironment.APPLICATION_FILE).toFile(), ApplicationConfiguration.class);
        Throwable programFailure = null;
        try (PackagedProgram program = PackagedProgram.fromJar(
                Path.of(application.jar()),
                application.entryClass(),
                application.arguments(),
                YarnApplicationClusterEntrypoint.class.getClassLoader())) {
            LOG.info(
                    "Running {} of {} with arguments {}",
                    program.getMainClassName(),
                    application.jar(),
                    application.arguments());
            // with attempts to come, each job's id is the same in every attempt: a job that ran under a crashed
            // attempt resumes from its latest checkpoint, one that ended is not run again
            boolean recovers = HighAvailabilityMode.of(am.configuration()) == HighAvailabilityMode.YARN;
            JobSubmission.setContextExecutor(
                    new EmbeddedExecutor(am.services(), recovers ? EmbeddedExecutor.idsOf(am.applicationId()) : null));
            try {
                program.invoke(programConfiguration(am, application));
            } finally {
                JobSubmission.setContextExecutor(null);
            }
            LOG.info("{} returned", program.getMainClassName());
        } catch (ProgramInvocationException | io.floe.client.program.InvalidProgramException e) {
            LOG.error("The program of application {} failed", am.applicationId(), e);
            programFailure = e.getCause() != null ? e.getCause() : e;
        }
        List<JobResult> results = new ArrayList<>();
        for (JobDetails job : am.services().listJobs().get()) {
            results.add(am.services().jobResult(job.jobId()).get());
        }
        ApplicationStatus status = finalStatus(programFailure, results);
        am.finish(status, describe(programFailure, results));
        return 0;
    }

    /** The cluster's configuration, with jobs going straight to this JobManager and main() waiting for them. */
    private static Configuration programConfiguration(ApplicationMaster am, ApplicationConfiguration application) {
        Configuration configuration = new Configuration(am.configuration());
        configuration.set(CoreOptions.TARGET, JobSubmission.EMBEDDED_TARGET);
        configuration.set(CoreOptions.ATTACHED, true);
        configuration.set(
                CoreOptions.PIPELINE_JARS,
                List.of(Path.of(application.jar()).toAbsolutePath().toUri().toString()));
        return configuration;
    }

    static ApplicationStatus finalStatus(Throwable programFailure, List<JobResult> results) {
        if (programFailure != null || results.stream().anyMatch(r -> r.status() == JobStatus.FAILED)) {
            return ApplicationStatus.FAILED;
        }
        if (results.stream().anyMatch(r -> r.status() == JobStatus.CANCELED)) {
            return ApplicationStatus.CANCELED;
        }
        return ApplicationStatus.SUCCEEDED;
    }

    private static String describe(Throwable programFailure, List<JobResult> results) {
        StringBuilder text = new StringBuilder();
        for (JobResult result : results) {
            text.append("Job ")
                    .append(result.jobId())
                    .append(' ')
                    .append(result.status())
                    .append(result.error() == null ? "" : ": " + result.error())
                    .append("; ");
        }
        if (programFailure != null) {
            text.append("main() threw ").append(programFailure);
        } else if (results.isEmpty()) {
            text.append("main() returned without running a job");
        } else {
            text.append("main() returned");
        }
        return text.toString();
    }
}
