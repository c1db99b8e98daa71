package io.floe.yarn;

import io.floe.client.deployment.ApplicationConfiguration;
import io.floe.configuration.ClusterOptions;
import io.floe.configuration.Configuration;
import io.floe.configuration.IllegalConfigurationException;
import io.floe.configuration.MemorySize;
import io.floe.runtime.highavailability.HighAvailabilityMode;
import io.floe.runtime.jobgraph.JobGraph;
import io.floe.runtime.process.ProcessMemory;
import io.floe.runtime.security.ClusterSecret;
import io.floe.runtime.security.RestAuthorization;
import io.floe.runtime.util.Directories;
import io.floe.yarn.configuration.YarnConfigOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.ApplicationSubmissionContext;
import org.apache.hadoop.yarn.api.records.Resource;
import org.apache.hadoop.yarn.api.records.YarnApplicationState;
import org.apache.hadoop.yarn.client.api.YarnClient;
import org.apache.hadoop.yarn.client.api.YarnClientApplication;
import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.apache.hadoop.yarn.exceptions.ApplicationNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deploys a Floe cluster on YARN (session, per-job or application mode), in the steps of the YARN protocol, each done
 * by a class of its own:
 *
 * <ol>
 *   <li>check the memory settings, the queue ({@link ClusterResourceCheck}) and work out the containers' Hadoop
 *       settings ({@link ContainerSiteSettings}); create the application and check its containers against the
 *       cluster's largest allocation; describe the submission ({@link ApplicationSubmission});
 *   <li>create the staging directory {@code <base>/.floe/<appId>/} (mode 700, {@link ApplicationStaging}) and arm a
 *       shutdown hook that kills the application and deletes it if the client dies mid-deploy ({@link
 *       DeploymentFailureHook});
 *   <li>ship the files: what only this mode's ApplicationMaster needs ({@link ApplicationMasterFiles}), the
 *       configuration archive every container gets ({@link ContainerConfigurationFiles}) and the framework jars from
 *       the content-addressed cache ({@link FrameworkJarCache}), all at once on a few upload threads;
 *   <li>describe the ApplicationMaster's container: files, environment and java command ({@link
 *       ApplicationMasterLaunch}), and submit;
 *   <li>poll the application report until the ApplicationMaster has registered its REST address ({@link
 *       ApplicationStartWatch}).
 * </ol>
 *
 * A failure at any step kills the application and deletes its staging directory. Runs on the caller's thread; one
 * deployment at a time per descriptor.
 */
public final class YarnClusterDescriptor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(YarnClusterDescriptor.class);
    /** Uploads (and framework jar hashing) at once per deployment; mostly waiting on HDFS. */
    private static final int UPLOAD_THREADS = 8;

    private final Configuration configuration;
    private final YarnConfiguration yarnConfiguration;
    private final YarnClient yarnClient;
    private final Consumer<String> console;
    private int lastFrameworkUploads;
    /** Guarded by this; made on first use, closed with the descriptor. */
    private FileSystem fileSystem;

    /**
     * @param console where progress lines for the user go (the CLI prints them)
     */
    public YarnClusterDescriptor(
            Configuration configuration, YarnConfiguration yarnConfiguration, Consumer<String> console) {
        this.configuration = new Configuration(configuration);
        this.yarnConfiguration = yarnConfiguration;
        this.console = console;
        this.yarnClient = YarnClient.createYarnClient();
        yarnClient.init(yarnConfiguration);
        yarnClient.start();
    }

    /**
     * The deployed cluster: its application, its REST endpoint and the credential its REST calls that
     * change it need ({@link io.floe.runtime.security.RestAuthorization}; null if the client could not
     * read the cluster secret).
     */
    public record DeployedCluster(
            ApplicationId applicationId,
            String restHost,
            int restPort,
            String stagingDirectory,
            String restAuthorization) {}

    /** How many framework jars the last deployment uploaded (0 when the cache had them all). */
    public int lastFrameworkUploads() {
        return lastFrameworkUploads;
    }

    public YarnClient yarnClient() {
        return yarnClient;
    }

    public YarnConfiguration yarnConfiguration() {
        return yarnConfiguration;
    }

    /** Starts a session cluster: a JobManager that takes jobs over REST until a client stops it. */
    public DeployedCluster deploySessionCluster() throws Exception {
        return deploy(ClusterMode.SESSION, ClusterMode.SESSION.defaultName, ApplicationMasterFiles.none(), true);
    }

    /** Starts a per-job cluster that runs {@code jobGraph}, shipping the job's jars with it. */
    public DeployedCluster deployJobCluster(JobGraph jobGraph, List<Path> jobJars, boolean detached) throws Exception {
        return deploy(
                ClusterMode.PER_JOB,
                ClusterMode.PER_JOB.defaultName + ": " + jobGraph.jobName(),
                ApplicationMasterFiles.jobGraph(jobGraph, jobJars),
                !detached);
    }

    /**
     * Starts an application cluster whose ApplicationMaster runs the program's {@code main()}. A local
     * jar is uploaded to the staging directory; a remote one ({@code hdfs://...}) is localized from
     * where it is, after a check that it exists.
     */
    public DeployedCluster deployApplicationCluster(ApplicationConfiguration application) throws Exception {
        ShippedResource remoteJar = application.isRemoteJar()
                ? ApplicationMasterFiles.remoteJar(application.jar(), yarnConfiguration)
                : null;
        Path localJar = remoteJar == null ? Path.of(application.jar()) : null;
        if (localJar != null && !Files.isRegularFile(localJar)) {
            throw new IllegalArgumentException("The job jar " + localJar + " is not a file.");
        }
        String jarName = remoteJar != null
                ? new org.apache.hadoop.fs.Path(remoteJar.uri()).getName()
                : localJar.getFileName().toString();
        return deploy(
                ClusterMode.APPLICATION,
                ClusterMode.APPLICATION.defaultName + ": " + jarName,
                ApplicationMasterFiles.program(application, jarName, remoteJar, localJar),
                true);
    }

    /**
     * The running Floe cluster of an application (a session the client did not deploy itself).
     *
     * @throws IllegalArgumentException if YARN does not know the application or it is not running
     */
    public DeployedCluster retrieve(ApplicationId appId) throws Exception {
        ApplicationReport report;
        try {
            report = yarnClient.getApplicationReport(appId);
        } catch (ApplicationNotFoundException e) {
            throw new IllegalArgumentException(
                    "YARN does not know application " + appId + "; list the running ones with: yarn application -list");
        }
        if (report.getYarnApplicationState() != YarnApplicationState.RUNNING || report.getRpcPort() <= 0) {
            throw new IllegalArgumentException("YARN application " + appId + " is " + report.getYarnApplicationState()
                    + (report.getFinalApplicationStatus() == null
                            ? ""
                            : " (" + report.getFinalApplicationStatus() + ")")
                    + ", not a running Floe cluster");
        }
        org.apache.hadoop.fs.Path staging = new org.apache.hadoop.fs.Path(
                ApplicationStaging.floeBase(fileSystem(), configuration.get(YarnConfigOptions.STAGING_DIRECTORY)),
                appId.toString());
        return new DeployedCluster(
                appId,
                report.getHost(),
                report.getRpcPort(),
                staging.toString(),
                StagedClusterSecret.restAuthorization(fileSystem(), staging, appId));
    }

    private DeployedCluster deploy(
            ClusterMode mode, String defaultName, ApplicationMasterFiles amFiles, boolean attached) throws Exception {
        // 1: everything that can be refused is checked before YARN is asked for an application
        MemorySize jmSize = configuration.get(ClusterOptions.JOB_MANAGER_PROCESS_SIZE);
        MemorySize tmSize = configuration.get(ClusterOptions.TASK_MANAGER_PROCESS_SIZE);
        ProcessMemory jmMemory = ProcessMemory.jobManager(jmSize);
        ProcessMemory.taskManager(tmSize); // fails early, naming the key, if too small
        int amVcores = configuration.get(YarnConfigOptions.APP_MASTER_VCORES);
        int tmVcores = ClusterResourceCheck.taskManagerVcores(configuration);
        HadoopClasspath hadoopClasspath = HadoopClasspath.of(configuration); // fails early, naming the key
        try {
            if (HighAvailabilityMode.parse(configuration.get(ClusterOptions.HA_TYPE)) // (the deployer adds the rest)
                    == HighAvailabilityMode.ZOOKEEPER) {
                throw new IllegalConfigurationException(ClusterOptions.HA_TYPE.key()
                        + ": zookeeper is for standalone clusters; on YARN, Floe recovers without ZooKeeper: set "
                        + ClusterOptions.HA_TYPE.key() + ": yarn (or yarn.application-attempts above 1).");
            }
        } catch (IllegalConfigurationException e) {
            throw new IllegalArgumentException(e.getMessage(), e); // a bad option, as the CLIs report them
        }
        org.apache.hadoop.conf.Configuration containerSite =
                ContainerSiteSettings.of(configuration, yarnConfiguration, hadoopClasspath, console);
        String queue = configuration.get(YarnConfigOptions.APPLICATION_QUEUE);
        ClusterResourceCheck.checkQueue(yarnClient, queue);

        YarnClientApplication application = yarnClient.createApplication();
        ApplicationId appId = application.getNewApplicationResponse().getApplicationId();
        Resource max = application.getNewApplicationResponse().getMaximumResourceCapability();
        ClusterResourceCheck.checkFits(
                "JobManager",
                ClusterOptions.JOB_MANAGER_PROCESS_SIZE.key(),
                jmSize.getBytes() >> 20,
                YarnConfigOptions.APP_MASTER_VCORES.key(),
                amVcores,
                max);
        ClusterResourceCheck.checkFits(
                "TaskManager",
                ClusterOptions.TASK_MANAGER_PROCESS_SIZE.key(),
                tmSize.getBytes() >> 20,
                YarnConfigOptions.CONTAINER_VCORES.key(),
                tmVcores,
                max);

        // 2: the staging directory, and the hook that removes it with the application if the client dies
        FileSystem fs = fileSystem();
        if ("file".equals(fs.getUri().getScheme())) {
            LOG.warn(
                    "The default file system is the local one ({}); containers on other hosts will not find the "
                            + "staged files",
                    fs.getUri());
        }
        org.apache.hadoop.fs.Path floeBase =
                ApplicationStaging.floeBase(fs, configuration.get(YarnConfigOptions.STAGING_DIRECTORY));
        ApplicationStaging staging = ApplicationStaging.create(fs, floeBase, appId);
        DeploymentFailureHook hook = new DeploymentFailureHook(yarnClient, appId, staging, console);
        Path scratch = Files.createTempDirectory("floe-yarn-" + appId);
        ExecutorService uploads = Executors.newFixedThreadPool(UPLOAD_THREADS, uploadThreads(appId));
        ClusterSecret secret = ClusterSecret.generate();
        try {
            ApplicationSubmissionContext context = application.getApplicationSubmissionContext();
            ApplicationSubmission.describe(context, configuration, defaultName, queue, jmSize, amVcores);
            // 3 and 4: the files, then the ApplicationMaster's container
            List<CompletableFuture<ShippedResource>> amOnly = amFiles.stage(staging, scratch, uploads);
            ApplicationMasterLaunch.Launch launch = ApplicationMasterLaunch.prepare(
                    configuration,
                    yarnConfiguration,
                    mode,
                    appId,
                    attached,
                    new ApplicationMasterLaunch.Staging(fs, floeBase, staging, scratch, uploads),
                    amOnly,
                    jmMemory,
                    containerSite,
                    secret);
            lastFrameworkUploads = launch.frameworkUploads();
            context.setAMContainerSpec(launch.container());
            console.accept("Submitting YARN application " + appId + " (queue " + queue + ")");
            yarnClient.submitApplication(context);
            StagingSweeper.sweep(fs, floeBase, yarnClient); // (while YARN starts the ApplicationMaster)
            // 5: wait until the ApplicationMaster's REST answers
            ApplicationReport report = ApplicationStartWatch.awaitRunning(yarnClient, appId, console);
            hook.disarm();
            console.accept(
                    "Floe cluster " + appId + " is up; REST at http://" + report.getHost() + ":" + report.getRpcPort());
            return new DeployedCluster(
                    appId,
                    report.getHost(),
                    report.getRpcPort(),
                    staging.path().toString(),
                    RestAuthorization.headerValue(secret));
        } catch (Exception | Error e) {
            hook.disarm();
            stopUploads(uploads, appId); // else one still running could write into the deleted staging directory
            hook.cleanUp();
            throw e;
        } finally {
            uploads.shutdownNow();
            deleteScratch(scratch);
        }
    }

    private static void stopUploads(ExecutorService uploads, ApplicationId appId) {
        uploads.shutdownNow();
        try {
            if (!uploads.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warn("Uploads of {} still run after 30 s; its staging directory may be left", appId);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory uploadThreads(ApplicationId appId) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "floe-upload-" + appId + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private static void deleteScratch(Path scratch) {
        try {
            Directories.deleteRecursively(scratch);
        } catch (IOException e) {
            LOG.debug("Could not delete {}", scratch, e);
        }
    }

    /**
     * The descriptor's own client of the default file system. {@code FileSystem.get} could return
     * one cached by other code of this JVM with other settings (such as the HDFS close delay of
     * {@link io.floe.runtime.fs.HdfsClientDefaults}).
     */
    private synchronized FileSystem fileSystem() throws IOException {
        if (fileSystem == null) {
            fileSystem = FileSystem.newInstance(yarnConfiguration);
        }
        return fileSystem;
    }

    @Override
    public void close() {
        yarnClient.stop();
        synchronized (this) {
            if (fileSystem != null) {
                try {
                    fileSystem.close();
                } catch (IOException e) {
                    LOG.debug("Could not close the file system client {}", fileSystem.getUri(), e);
                }
            }
        }
    }
}
