package io.floe.yarn.entrypoint;

import io.floe.api.JobStatus;
import io.floe.configuration.Configuration;
import io.floe.configuration.CoreOptions;
import io.floe.runtime.entrypoint.JobManagerServices;
import io.floe.runtime.execution.JobResult;
import io.floe.runtime.fs.HdfsClientDefaults;
import io.floe.runtime.jobgraph.JobGraph;
import io.floe.runtime.resourcemanager.ResourceManagerDriver.ApplicationStatus;
import io.floe.runtime.rest.messages.RestJsonMapper;
import io.floe.yarn.ApplicationStaging;
import io.floe.yarn.ContainerEnvironment;
import io.floe.yarn.configuration.YarnConfigOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ApplicationMaster of a per-job cluster ({@link ApplicationMaster} does the common part):
 *
 * <ol>
 *   <li>submits the shipped job graph with its jars; the ResourceManager asks for TaskManager
 *       containers as the job declares slots;
 *   <li>registers with YARN, giving the REST address as host, port and tracking URL;
 *   <li>when the job has ended and (attached) the client has fetched the result, deletes the
 *       staging directory and unregisters with SUCCEEDED, FAILED or KILLED after the job.
 * </ol>
 *
 * Runs on the JVM's main thread; the JobManager's components run on their own.
 */
public final class YarnJobClusterEntrypoint {
    private static final Logger LOG = LoggerFactory.getLogger(YarnJobClusterEntrypoint.class);
    /** The attached client creates this file in the staging directory once it holds the job's result. */
    public static final String RESULT_FETCHED_MARKER = "result-fetched";

    private YarnJobClusterEntrypoint() {}

    public static void main(String[] args) {
        ApplicationMaster.run("per-job", args, YarnJobClusterEntrypoint::runJob);
    }

    private static int runJob(ApplicationMaster am) throws Exception {
        JobGraph jobGraph = readJobGraph();
        // submitted before YARN learns the REST address: the client asks for the job as soon as it can
        Throwable submissionFailure = submit(am.services(), jobGraph);
        am.register();
        if (submissionFailure != null) {
            LOG.error(
                    "Job {} of application {} could not be submitted",
                    jobGraph.jobId(),
                    am.applicationId(),
                    submissionFailure);
            am.finish(
                    ApplicationStatus.FAILED,
                    "Job " + jobGraph.jobId() + " could not be submitted: " + submissionFailure);
            return 1;
        }
        LOG.info("Submitted job '{}' ({}) of application {}", jobGraph.jobName(), jobGraph.jobId(), am.applicationId());
        JobResult result = am.services().jobResult(jobGraph.jobId()).get();
        LOG.info("Job {} ended {}", result.jobId(), result.status());
        if (am.configuration().get(CoreOptions.ATTACHED)) {
            awaitResultFetched(am.staging(), am.configuration());
        }
        String diagnostics = result.error() == null
                ? "Job " + result.jobId() + " " + result.status()
                : "Job " + result.jobId() + " " + result.status() + ": " + result.error();
        am.finish(applicationStatus(result.status()), diagnostics);
        return 0;
    }

    /** The shipped job graph, its jars named by their paths in this container. */
    private static JobGraph readJobGraph() throws java.io.IOException {
        return RestJsonMapper.create()
                .readValue(Path.of(ContainerEnvironment.JOB_GRAPH_FILE).toFile(), JobGraph.class);
    }

    /** Hands the job and its jars (into the BlobServer) to the Dispatcher; returns why that failed, or null. */
    private static Throwable submit(JobManagerServices services, JobGraph shipped) throws InterruptedException {
        List<Path> jars = new ArrayList<>();
        for (String jar : shipped.userJars()) {
            jars.add(Path.of(jar));
        }
        JobGraph jobGraph = shipped.withUserJars(List.of());
        try {
            services.submitJob(jobGraph, jars).get();
            return null;
        } catch (java.util.concurrent.ExecutionException e) {
            return e.getCause();
        }
    }

    /** Keeps the result available over REST until the attached client has it, or the wait ends. */
    private static void awaitResultFetched(ApplicationStaging staging, Configuration configuration) throws Exception {
        org.apache.hadoop.fs.Path marker = new org.apache.hadoop.fs.Path(staging.path(), RESULT_FETCHED_MARKER);
        FileSystem fs = marker.getFileSystem(HdfsClientDefaults.apply(new YarnConfiguration()));
        if (fs.exists(marker)) {
            return;
        }
        long deadline = System.currentTimeMillis()
                + configuration.get(YarnConfigOptions.ATTACHED_RESULT_WAIT).toMillis();
        LOG.info(
                "Waiting for the attached client to fetch the result (at most {})",
                configuration.get(YarnConfigOptions.ATTACHED_RESULT_WAIT));
        while (!fs.exists(marker) && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
    }

    static ApplicationStatus applicationStatus(JobStatus status) {
        return switch (status) {
            case FINISHED -> ApplicationStatus.SUCCEEDED;
            case FAILED -> ApplicationStatus.FAILED;
            case CANCELED -> ApplicationStatus.CANCELED;
            default -> ApplicationStatus.UNKNOWN;
        };
    }
}
