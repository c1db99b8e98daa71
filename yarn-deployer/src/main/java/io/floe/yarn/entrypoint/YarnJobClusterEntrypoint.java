package io.floe.yarn.entrypoint;

import io.floe.api.JobStatus;
import io.floe.runtime.configuration.ClusterOptions;
import io.floe.runtime.configuration.Configuration;
import io.floe.runtime.configuration.CoreOptions;
import io.floe.runtime.entrypoint.ClusterConfigurationLoader;
import io.floe.runtime.entrypoint.JobManagerServices;
import io.floe.runtime.jobgraph.JobGraph;
import io.floe.runtime.messages.JobResult;
import io.floe.runtime.resourcemanager.ResourceManagerDriver.ApplicationStatus;
import io.floe.runtime.rest.messages.RestJsonMapper;
import io.floe.runtime.security.ClusterSecret;
import io.floe.yarn.ApplicationStaging;
import io.floe.yarn.ContainerEnvironment;
import io.floe.yarn.ShippedResource;
import io.floe.yarn.configuration.YarnConfigOptions;
import io.floe.yarn.resourcemanager.YarnResourceManagerDriver;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.yarn.api.ApplicationConstants;
import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ApplicationMaster of a per-job cluster:
 *
 * <ol>
 *   <li>starts the JobManager (RPC, ResourceManager with a {@link YarnResourceManagerDriver}, Dispatcher,
 *       BlobServer, REST) bound to the container's host on ephemeral ports;
 *   <li>registers with YARN, giving the REST address as host, port and tracking URL;
 *   <li>submits the shipped job graph with its jars; the ResourceManager asks for TaskManager
 *       containers as the job declares slots;
 *   <li>when the job has ended and (attached) the client has fetched the result, unregisters with
 *       SUCCEEDED, FAILED or KILLED after the job, deletes the staging directory and exits.
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
        Map<String, String> env = System.getenv();
        String containerId = env.get(ApplicationConstants.Environment.CONTAINER_ID.name());
        LOG.info("Starting the per-job ApplicationMaster in container {} (pid {}, Java {})", containerId,
                ProcessHandle.current().pid(), Runtime.version());
        int exitCode;
        try {
            exitCode = run(env, args);
        } catch (Throwable t) {
            LOG.error("The per-job ApplicationMaster in container {} failed", containerId, t);
            exitCode = 1;
        }
        System.exit(exitCode);
    }

    private static int run(Map<String, String> env, String[] args) throws Exception {
        Configuration configuration = ClusterConfigurationLoader.load(Path.of("."), args);
        String host = env.get(ApplicationConstants.Environment.NM_HOST.name());
        configuration.set(ClusterOptions.JOB_MANAGER_ADDRESS, host);
        configuration.set(ClusterOptions.BIND_HOST, "0.0.0.0");
        configuration.set(ClusterOptions.JOB_MANAGER_PORT, 0);
        configuration.set(ClusterOptions.REST_ADDRESS, host);
        configuration.set(ClusterOptions.REST_BIND_ADDRESS, "0.0.0.0");
        configuration.set(ClusterOptions.REST_PORT, 0);
        YarnConfiguration yarnConfiguration = new YarnConfiguration();
        List<ShippedResource> shipped = ShippedResource.decode(env.get(ContainerEnvironment.ENV_SHIPPED_RESOURCES));
        ClusterSecret secret = ClusterSecret.load(Path.of(ContainerEnvironment.SECRET_FILE));
        YarnResourceManagerDriver driver = new YarnResourceManagerDriver(configuration, yarnConfiguration, shipped);
        ApplicationStaging staging = ApplicationStaging.open(FileSystem.get(yarnConfiguration),
                env.get(ContainerEnvironment.ENV_STAGING_DIR));

        try (JobManagerServices services = JobManagerServices.start(configuration, secret, driver)) {
            JobGraph jobGraph = readJobGraph();
            // submitted before YARN learns the REST address: the client asks for the job as soon as it can
            Throwable submissionFailure = submit(services, jobGraph);
            String restUrl = "http://" + host + ":" + services.getRestPort();
            driver.register(host, services.getRestPort(), restUrl, host, services.getRpcService().getPort());
            String appId = configuration.get(YarnConfigOptions.APPLICATION_ID);
            if (submissionFailure != null) {
                LOG.error("Job {} of application {} could not be submitted", jobGraph.jobId(), appId, submissionFailure);
                staging.delete();
                services.deregisterApplication(ApplicationStatus.FAILED, "Job " + jobGraph.jobId()
                        + " could not be submitted: " + submissionFailure).get();
                return 1;
            }
            LOG.info("Submitted job '{}' ({}) of application {}", jobGraph.jobName(), jobGraph.jobId(), appId);
            JobResult result = services.jobResult(jobGraph.jobId()).get();
            LOG.info("Job {} ended {}", result.jobId(), result.status());
            if (configuration.get(CoreOptions.ATTACHED)) {
                awaitResultFetched(staging, configuration);
            }
            ApplicationStatus status = applicationStatus(result.status());
            String diagnostics = result.error() == null ? "Job " + result.jobId() + " " + result.status()
                    : "Job " + result.jobId() + " " + result.status() + ": " + result.error();
            // the files go first: once unregistered, YARN may stop this container at any moment
            staging.delete();
            LOG.info("Unregistering application {} with {}: {}", appId, status, diagnostics);
            services.deregisterApplication(status, diagnostics).get();
        }
        return 0;
    }

    /** The shipped job graph, its jars named by their paths in this container. */
    private static JobGraph readJobGraph() throws java.io.IOException {
        return RestJsonMapper.create().readValue(Path.of(ContainerEnvironment.JOB_GRAPH_FILE).toFile(), JobGraph.class);
    }

    /** Hands the job and its jars (into the BlobServer) to the Dispatcher; returns why that failed, or null. */
    private static Throwable submit(JobManagerServices services, JobGraph shipped) throws InterruptedException {
        List<Path> jars = new ArrayList<>();
        for (String jar : shipped.userJars()) {
            jars.add(Path.of(jar));
        }
        JobGraph jobGraph = new JobGraph(shipped.jobId(), shipped.jobName(), shipped.batch(), shipped.vertices(),
                shipped.edges(), List.of(), shipped.jobConfiguration());
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
        FileSystem fs = marker.getFileSystem(new YarnConfiguration());
        if (fs.exists(marker)) {
            return;
        }
        long deadline = System.currentTimeMillis() + configuration.get(YarnConfigOptions.ATTACHED_RESULT_WAIT).toMillis();
        LOG.info("Waiting for the attached client to fetch the result (at most {})",
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
