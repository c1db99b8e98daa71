package io.floe.yarn.entrypoint;

import io.floe.configuration.ClusterOptions;
import io.floe.configuration.Configuration;
import io.floe.runtime.entrypoint.ClusterConfigurationLoader;
import io.floe.runtime.entrypoint.JobManagerServices;
import io.floe.runtime.fs.HdfsClientDefaults;
import io.floe.runtime.highavailability.DurableStorage;
import io.floe.runtime.highavailability.HighAvailabilityMode;
import io.floe.runtime.highavailability.LeaderRetrieval;
import io.floe.runtime.highavailability.LeaderStore;
import io.floe.runtime.process.FatalErrorReport;
import io.floe.runtime.resourcemanager.ResourceManagerDriver.ApplicationStatus;
import io.floe.runtime.security.ClusterSecret;
import io.floe.runtime.taskexecutor.TaskExecutor;
import io.floe.yarn.ApplicationStaging;
import io.floe.yarn.ContainerEnvironment;
import io.floe.yarn.HadoopClassSettings;
import io.floe.yarn.ShippedResource;
import io.floe.yarn.configuration.YarnConfigOptions;
import io.floe.yarn.resourcemanager.YarnResourceManagerDriver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.yarn.api.ApplicationConstants;
import org.apache.hadoop.yarn.api.records.ApplicationAttemptId;
import org.apache.hadoop.yarn.api.records.ContainerId;
import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every Floe ApplicationMaster does, whatever its mode: starts the JobManager (RPC,
 * ResourceManager with a {@link YarnResourceManagerDriver}, Dispatcher, BlobServer, REST) bound to
 * the container's host on ephemeral ports, registers with YARN giving the REST address as host,
 * port and tracking URL, and at a graceful end deletes the staging directory and unregisters with
 * a final status. The mode's entry point decides what runs in between.
 */
final class ApplicationMaster implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ApplicationMaster.class);
    /** How long an ending cluster waits for a client polling a savepoint's outcome (it polls every few 100 ms). */
    private static final Duration SAVEPOINT_RESULT_WAIT = Duration.ofSeconds(30);

    /** The body of a mode's entry point; returns the process's exit code. */
    @FunctionalInterface
    interface Body {
        int run(ApplicationMaster applicationMaster) throws Exception;
    }

    private final Configuration configuration;
    private final String host;
    private final ApplicationStaging staging;
    private final YarnResourceManagerDriver driver;
    private final JobManagerServices services;
    /** Withdraws this attempt's published leadership when the application ends for good (a no-op without HA). */
    private final Runnable withdrawLeader;

    private ApplicationMaster(
            Configuration configuration,
            String host,
            ApplicationStaging staging,
            YarnResourceManagerDriver driver,
            JobManagerServices services,
            Runnable withdrawLeader) {
        this.withdrawLeader = withdrawLeader;
        this.configuration = configuration;
        this.host = host;
        this.staging = staging;
        this.driver = driver;
        this.services = services;
    }

    /** Runs {@code body} in a started ApplicationMaster and exits the JVM with its code (1 if it threw). */
    static void run(String mode, String[] args, Body body) {
        Map<String, String> env = System.getenv();
        String containerId = env.get(ApplicationConstants.Environment.CONTAINER_ID.name());
        LOG.info(
                "Starting the {} ApplicationMaster in container {} (pid {}, Java {})",
                mode,
                containerId,
                ProcessHandle.current().pid(),
                Runtime.version());
        int exitCode;
        try (ApplicationMaster applicationMaster = start(env, args)) {
            exitCode = body.run(applicationMaster);
        } catch (Throwable t) {
            LOG.error("The {} ApplicationMaster in container {} failed", mode, containerId, t);
            FatalErrorReport.print("The " + mode + " ApplicationMaster failed", t, System.err);
            exitCode = 1;
        }
        System.exit(exitCode);
    }

    private static ApplicationMaster start(Map<String, String> env, String[] args) throws Exception {
        // Hadoop's client (configuration, HDFS, YARN's RPC) takes about as long to load as the JobManager's
        // own services: one thread loads it while this one starts the JobManager
        CompletableFuture<YarnConfiguration> hadoop = CompletableFuture.supplyAsync(
                ApplicationMaster::connectToHadoop, ApplicationMaster::runOnStartupThread);
        Configuration configuration = ClusterConfigurationLoader.load(Path.of(ContainerEnvironment.CONF_DIR), args);
        String host = env.get(ApplicationConstants.Environment.NM_HOST.name());
        configuration.set(ClusterOptions.JOB_MANAGER_ADDRESS, host);
        configuration.set(ClusterOptions.BIND_HOST, "0.0.0.0");
        configuration.set(ClusterOptions.JOB_MANAGER_PORT, 0);
        configuration.set(ClusterOptions.REST_ADDRESS, host);
        configuration.set(ClusterOptions.REST_BIND_ADDRESS, "0.0.0.0");
        configuration.set(ClusterOptions.REST_PORT, 0);
        List<ShippedResource> shipped = ShippedResource.decode(env.get(ContainerEnvironment.ENV_SHIPPED_RESOURCES));
        ClusterSecret secret =
                ClusterSecret.load(Path.of(ContainerEnvironment.inConfDir(ContainerEnvironment.SECRET_FILE)));
        YarnResourceManagerDriver driver = new YarnResourceManagerDriver(configuration, shipped);
        CompletableFuture<Void> yarnClients = hadoop.thenAccept(driver::startClients);
        JobManagerServices services = JobManagerServices.start(configuration, secret, driver);
        try {
            yarnClients.join();
            ApplicationStaging staging = ApplicationStaging.open(
                    FileSystem.get(hadoop.join()), env.get(ContainerEnvironment.ENV_STAGING_DIR));
            // DELETE /cluster ends the cluster's jobs in every mode: per-job and application clusters then
            // unregister KILLED as their jobs end, a session unregisters SUCCEEDED
            services.shutdownRequest().thenRunAsync(() -> cancelUnfinishedJobs(services));
            Runnable withdrawLeader = HighAvailabilityMode.of(configuration) == HighAvailabilityMode.YARN
                    ? publishLeader(configuration, env, host, services)
                    : () -> {};
            return new ApplicationMaster(configuration, host, staging, driver, services, withdrawLeader);
        } catch (CompletionException e) {
            services.close();
            throw new IOException(
                    "Could not connect to YARN and HDFS: " + e.getCause().getMessage(), e.getCause());
        } catch (IOException | RuntimeException e) {
            services.close();
            throw e;
        }
    }

    /**
     * Loads the Hadoop configuration of the container and opens the default file system (HDFS). The
     * client left out what the containers cannot load, but with {@code yarn.hadoop-classpath: cluster}
     * only the container sees its Hadoop classes: a setting this process resolves whose class is not
     * there falls back to Hadoop's default where that is safe, and else fails the start naming it.
     */
    private static YarnConfiguration connectToHadoop() {
        YarnConfiguration yarnConfiguration = HdfsClientDefaults.apply(new YarnConfiguration());
        for (HadoopClassSettings.Unloadable setting :
                HadoopClassSettings.unloadableResolved(yarnConfiguration, ApplicationMaster.class.getClassLoader())) {
            if (setting.isRequired()) {
                throw new IllegalArgumentException(setting.containerRefusal());
            }
            LOG.warn(setting.warning());
            yarnConfiguration.unset(setting.key());
        }
        try {
            FileSystem.get(yarnConfiguration);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return yarnConfiguration;
    }

    /**
     * This attempt leads: its ResourceManager's address goes under high-availability.storageDir, where
     * the TaskManagers that YARN kept from an earlier attempt find it and register again.
     */
    private static Runnable publishLeader(
            Configuration configuration, Map<String, String> env, String host, JobManagerServices services)
            throws IOException {
        String storageDir = configuration.get(ClusterOptions.HA_STORAGE_DIR);
        ApplicationAttemptId attempt = ContainerId.fromString(
                        env.get(ApplicationConstants.Environment.CONTAINER_ID.name()))
                .getApplicationAttemptId();
        LeaderRetrieval.Leader leader = new LeaderRetrieval.Leader(
                TaskExecutor.resourceManagerAddress(
                        host, services.getRpcService().getPort()),
                attempt.toString());
        LeaderStore store = DurableStorage.factoryFor(storageDir).createLeaderStore(storageDir);
        LeaderRetrieval.Leader previous = store.current();
        if (previous != null && !attempt.getApplicationId().toString().equals(applicationOf(previous))) {
            // two clusters on one directory would take over each other's TaskManagers and jobs
            throw new IllegalArgumentException(ClusterOptions.HA_STORAGE_DIR.key() + " " + storageDir
                    + " belongs to another cluster, " + applicationOf(previous) + " (its leader is " + previous.token()
                    + "): give each YARN"
                    + " application its own directory, or leave the key unset.");
        }
        store.publish(leader);
        LOG.info(
                "Attempt {} leads: published its ResourceManager {} in {}",
                attempt,
                leader.resourceManagerAddress(),
                storageDir);
        return () -> {
            try {
                store.withdraw(leader);
            } catch (IOException e) {
                LOG.warn("Could not withdraw the leader {} from {}: {}", leader.token(), store, e.toString());
            }
        };
    }

    /** The YARN application a published leader's token names, or null if it names none. */
    private static String applicationOf(LeaderRetrieval.Leader leader) {
        try {
            return ApplicationAttemptId.fromString(leader.token())
                    .getApplicationId()
                    .toString();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static void runOnStartupThread(Runnable task) {
        Thread thread = new Thread(task, "floe-hadoop-startup");
        thread.setDaemon(true);
        thread.start();
    }

    private static void cancelUnfinishedJobs(JobManagerServices services) {
        services.listJobs().thenAccept(jobs -> jobs.stream()
                .filter(job -> !job.status().isGloballyTerminal())
                .forEach(job -> {
                    LOG.info("Cancelling job {} ({}): the cluster is shutting down", job.jobId(), job.jobName());
                    services.cancelJob(job.jobId());
                }));
    }

    /** Tells YARN where the REST endpoint is: the client waits for this to reach the cluster. */
    void register() throws Exception {
        String restUrl = "http://" + host + ":" + services.getRestPort();
        driver.register(
                host,
                services.getRestPort(),
                restUrl,
                host,
                services.getRpcService().getPort());
        LOG.info("Registered application {} with REST at {}", applicationId(), restUrl);
    }

    /** Deletes the staging directory, then unregisters with {@code status}: a graceful end. */
    void finish(ApplicationStatus status, String diagnostics) throws Exception {
        // a job that ended by floe stop: its client is still polling for the savepoint's path
        if (!services.awaitSavepointResultsFetched(SAVEPOINT_RESULT_WAIT)) {
            LOG.warn("No client fetched the outcome of a savepoint within {}; ending anyway", SAVEPOINT_RESULT_WAIT);
        }
        // the files go first: once unregistered, YARN may stop this container at any moment
        withdrawLeader.run(); // (a storage directory outside the staging one can then serve another cluster)
        staging.delete();
        LOG.info("Unregistering application {} with {}: {}", applicationId(), status, diagnostics);
        services.deregisterApplication(status, diagnostics).get();
    }

    Configuration configuration() {
        return configuration;
    }

    String host() {
        return host;
    }

    ApplicationStaging staging() {
        return staging;
    }

    JobManagerServices services() {
        return services;
    }

    String applicationId() {
        return configuration.get(YarnConfigOptions.APPLICATION_ID);
    }

    @Override
    public void close() {
        services.close();
    }
}
