package io.floe.yarn;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.floe.client.deployment.ApplicationConfiguration;
import io.floe.configuration.ClusterOptions;
import io.floe.configuration.Configuration;
import io.floe.configuration.MemorySize;
import io.floe.runtime.jobgraph.JobGraph;
import io.floe.runtime.process.ProcessMemory;
import io.floe.runtime.rest.messages.RestJsonMapper;
import io.floe.runtime.security.ClusterSecret;
import io.floe.runtime.security.RestAuthorization;
import io.floe.yarn.configuration.YarnConfigOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.yarn.api.records.ApplicationAccessType;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.ApplicationSubmissionContext;
import org.apache.hadoop.yarn.api.records.ContainerLaunchContext;
import org.apache.hadoop.yarn.api.records.LocalResourceVisibility;
import org.apache.hadoop.yarn.api.records.Priority;
import org.apache.hadoop.yarn.api.records.Resource;
import org.apache.hadoop.yarn.api.records.YarnApplicationState;
import org.apache.hadoop.yarn.client.api.YarnClient;
import org.apache.hadoop.yarn.client.api.YarnClientApplication;
import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deploys a Floe cluster on YARN (session, per-job or application mode), in the steps of the YARN protocol:
 *
 * <ol>
 *   <li>check the queue, create the application, check the containers against the cluster's largest
 *       allocation;
 *   <li>create the staging directory {@code <base>/.floe/<appId>/} (mode 700) and arm a shutdown hook
 *       that kills the application and deletes it if the client dies mid-deploy;
 *   <li>register the framework jars from the content-addressed cache (uploading only what it lacks)
 *       and upload the application's own files (configuration, secret, logging, job graph, job jars),
 *       all at once on a few upload threads: HDFS confirms each file's last block only after a
 *       poll that starts at 400 ms, which one file after the other added up to seconds;
 *   <li>launch the ApplicationMaster: java command sized by {@code jobmanager.memory.process.size},
 *       {@code JAVA_HOME}, classpath and the list of shipped files in its environment;
 *   <li>poll the application report, printing state changes and YARN's diagnostics, until the
 *       ApplicationMaster has registered its REST address.
 * </ol>
 *
 * Runs on the caller's thread; one deployment at a time per descriptor.
 */
public final class YarnClusterDescriptor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(YarnClusterDescriptor.class);
    private static final long POLL_MILLIS = 250;
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

    /** The three kinds of cluster: the ApplicationMaster's entry point and the default application name. */
    public enum ClusterMode {
        SESSION("io.floe.yarn.entrypoint.YarnSessionClusterEntrypoint", "Floe session cluster"),
        PER_JOB("io.floe.yarn.entrypoint.YarnJobClusterEntrypoint", "Floe per-job cluster"),
        APPLICATION("io.floe.yarn.entrypoint.YarnApplicationClusterEntrypoint", "Floe application cluster");

        final String entrypoint;
        final String defaultName;

        ClusterMode(String entrypoint, String defaultName) {
            this.entrypoint = entrypoint;
            this.defaultName = defaultName;
        }
    }

    /** Starts uploading what only the ApplicationMaster of one mode needs (job graph, job jars, the program). */
    @FunctionalInterface
    private interface ApplicationMasterFiles {
        List<CompletableFuture<ShippedResource>> stage(ApplicationStaging staging, Path scratch, Executor uploads)
                throws IOException;
    }

    /** Starts a session cluster: a JobManager that takes jobs over REST until a client stops it. */
    public DeployedCluster deploySessionCluster() throws Exception {
        return deploy(
                ClusterMode.SESSION, ClusterMode.SESSION.defaultName, (staging, scratch, uploads) -> List.of(), true);
    }

    /** Starts a per-job cluster that runs {@code jobGraph}, shipping the job's jars with it. */
    public DeployedCluster deployJobCluster(JobGraph jobGraph, List<Path> jobJars, boolean detached) throws Exception {
        return deploy(
                ClusterMode.PER_JOB,
                ClusterMode.PER_JOB.defaultName + ": " + jobGraph.jobName(),
                (staging, scratch, uploads) -> stageJobGraph(staging, scratch, uploads, jobGraph, jobJars),
                !detached);
    }

    /**
     * Starts an application cluster whose ApplicationMaster runs the program's {@code main()}. A local
     * jar is uploaded to the staging directory; a remote one ({@code hdfs://...}) is localized from
     * where it is, after a check that it exists.
     */
    public DeployedCluster deployApplicationCluster(ApplicationConfiguration application) throws Exception {
        ShippedResource remoteJar = application.isRemoteJar() ? remoteJar(application.jar()) : null;
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
                (staging, scratch, uploads) -> {
                    String key = ContainerEnvironment.JOB_JAR_DIR + "/" + jarName;
                    CompletableFuture<ShippedResource> jar = remoteJar != null
                            ? CompletableFuture.completedFuture(new ShippedResource(
                                    key,
                                    remoteJar.uri(),
                                    remoteJar.size(),
                                    remoteJar.timestamp(),
                                    remoteJar.visibility(),
                                    remoteJar.type()))
                            : staging.uploadAsync(localJar, key, uploads);
                    Path programFile = scratch.resolve(ContainerEnvironment.APPLICATION_FILE);
                    RestJsonMapper.create()
                            .writeValue(
                                    programFile.toFile(),
                                    new ApplicationConfiguration(
                                            key, application.entryClass(), application.arguments()));
                    return List.of(
                            jar, staging.uploadAsync(programFile, ContainerEnvironment.APPLICATION_FILE, uploads));
                },
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
        } catch (org.apache.hadoop.yarn.exceptions.ApplicationNotFoundException e) {
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
                restAuthorizationFrom(staging, appId));
    }

    /**
     * The REST credential of a running cluster, from the secret in its staging directory (mode 700:
     * only the user who deployed it can read it). Null, with a note in the log, if it cannot be read:
     * reads still work, and a call that changes the cluster gets the server's 401 line.
     */
    private String restAuthorizationFrom(org.apache.hadoop.fs.Path staging, ApplicationId appId) {
        org.apache.hadoop.fs.Path archive =
                new org.apache.hadoop.fs.Path(staging, ContainerEnvironment.CONF_DIR + ".zip");
        try (java.util.zip.ZipInputStream zip =
                new java.util.zip.ZipInputStream(fileSystem().open(archive))) {
            for (java.util.zip.ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                if (entry.getName().equals(ContainerEnvironment.SECRET_FILE)) {
                    String text = new String(zip.readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII);
                    return RestAuthorization.headerValue(ClusterSecret.parse(text, "of " + appId + " in " + archive));
                }
            }
            LOG.info("The configuration archive {} of {} holds no cluster secret", archive, appId);
        } catch (IOException e) {
            LOG.info("Cannot read the cluster secret of {} from {}: {}", appId, archive, e.toString());
        }
        return null;
    }

    private ShippedResource remoteJar(String uri) throws IOException {
        org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(uri);
        try {
            FileStatus status = path.getFileSystem(yarnConfiguration).getFileStatus(path);
            if (!status.isFile()) {
                throw new IllegalArgumentException("The job jar " + uri + " is not a file.");
            }
            return ShippedResource.of(
                    ContainerEnvironment.JOB_JAR_DIR + "/" + path.getName(),
                    status,
                    LocalResourceVisibility.APPLICATION);
        } catch (java.io.FileNotFoundException e) {
            throw new IllegalArgumentException("The job jar " + uri + " does not exist.");
        }
    }

    private DeployedCluster deploy(
            ClusterMode mode, String defaultName, ApplicationMasterFiles amFiles, boolean attached) throws Exception {
        MemorySize jmSize = configuration.get(ClusterOptions.JOB_MANAGER_PROCESS_SIZE);
        MemorySize tmSize = configuration.get(ClusterOptions.TASK_MANAGER_PROCESS_SIZE);
        ProcessMemory jmMemory = ProcessMemory.jobManager(jmSize);
        ProcessMemory.taskManager(tmSize); // fails early, naming the key, if too small
        int amVcores = configuration.get(YarnConfigOptions.APP_MASTER_VCORES);
        int tmVcores = taskManagerVcoresOf(configuration);
        HadoopClasspath hadoopClasspath = HadoopClasspath.of(configuration); // fails early, naming the key
        org.apache.hadoop.conf.Configuration containerSite = containerSiteSettings(hadoopClasspath);
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
            context.setApplicationName(configuration.get(YarnConfigOptions.APPLICATION_NAME, defaultName));
            context.setApplicationType(configuration.get(YarnConfigOptions.APPLICATION_TYPE));
            context.setApplicationTags(new HashSet<>(configuration.get(YarnConfigOptions.APPLICATION_TAGS)));
            context.setQueue(queue);
            context.setMaxAppAttempts(configuration.get(YarnConfigOptions.APPLICATION_ATTEMPTS));
            context.setResource(Resource.newInstance(jmSize.getBytes() >> 20, amVcores));
            if (configuration.get(YarnConfigOptions.APPLICATION_PRIORITY) >= 0) {
                context.setPriority(Priority.newInstance(configuration.get(YarnConfigOptions.APPLICATION_PRIORITY)));
            }
            if (configuration.contains(YarnConfigOptions.NODE_LABEL)) {
                context.setNodeLabelExpression(configuration.get(YarnConfigOptions.NODE_LABEL));
            }
            List<CompletableFuture<ShippedResource>> amOnly = amFiles.stage(staging, scratch, uploads);
            ContainerLaunchContext amContainer = applicationMasterContext(
                    mode,
                    fs,
                    floeBase,
                    staging,
                    scratch,
                    uploads,
                    appId,
                    amOnly,
                    attached,
                    jmMemory,
                    containerSite,
                    secret);
            amContainer.setApplicationACLs(applicationAcls());
            context.setAMContainerSpec(amContainer);
            console.accept("Submitting YARN application " + appId + " (queue " + queue + ")");
            yarnClient.submitApplication(context);
            ApplicationReport report = awaitRunning(appId);
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
            deleteRecursively(scratch);
        }
    }

    private static void stopUploads(ExecutorService uploads, ApplicationId appId) {
        uploads.shutdownNow();
        try {
            if (!uploads.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS)) {
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

    /** The per-job cluster's job graph, its jars named by their keys in the container. */
    private static List<CompletableFuture<ShippedResource>> stageJobGraph(
            ApplicationStaging staging, Path scratch, Executor uploads, JobGraph jobGraph, List<Path> jobJars)
            throws IOException {
        List<CompletableFuture<ShippedResource>> amOnly = new ArrayList<>();
        List<String> jarKeys = new ArrayList<>();
        for (Path jar : jobJars) {
            String key = ContainerEnvironment.JOB_JAR_DIR + "/" + jar.getFileName();
            amOnly.add(staging.uploadAsync(jar, key, uploads));
            jarKeys.add(key);
        }
        JobGraph shipped = jobGraph.withUserJars(jarKeys);
        Path graphFile = scratch.resolve(ContainerEnvironment.JOB_GRAPH_FILE);
        RestJsonMapper.create().writeValue(graphFile.toFile(), shipped);
        amOnly.add(staging.uploadAsync(graphFile, ContainerEnvironment.JOB_GRAPH_FILE, uploads));
        return amOnly;
    }

    /** {@code yarn.view.acls} and {@code yarn.modify.acls}; YARN adds the submitting user itself. */
    private Map<ApplicationAccessType, String> applicationAcls() {
        Map<ApplicationAccessType, String> acls = new HashMap<>();
        if (configuration.contains(YarnConfigOptions.VIEW_ACLS)) {
            acls.put(ApplicationAccessType.VIEW_APP, configuration.get(YarnConfigOptions.VIEW_ACLS));
        }
        if (configuration.contains(YarnConfigOptions.MODIFY_ACLS)) {
            acls.put(ApplicationAccessType.MODIFY_APP, configuration.get(YarnConfigOptions.MODIFY_ACLS));
        }
        return acls;
    }

    public static int taskManagerVcoresOf(Configuration configuration) {
        int vcores = configuration.get(YarnConfigOptions.CONTAINER_VCORES);
        return vcores > 0 ? vcores : configuration.get(ClusterOptions.NUM_TASK_SLOTS);
    }

    private ContainerLaunchContext applicationMasterContext(
            ClusterMode mode,
            FileSystem fs,
            org.apache.hadoop.fs.Path floeBase,
            ApplicationStaging staging,
            Path scratch,
            Executor uploads,
            ApplicationId appId,
            List<CompletableFuture<ShippedResource>> amOnly,
            boolean attached,
            ProcessMemory jmMemory,
            org.apache.hadoop.conf.Configuration containerSite,
            ClusterSecret secret)
            throws IOException {
        // the files every container gets go as one zip, unpacked into floe-conf/ (see ContainerEnvironment.CONF_DIR)
        Path confDir = Files.createDirectories(scratch.resolve(ContainerEnvironment.CONF_DIR));
        writeConfiguration(mode, confDir, appId, staging, attached);
        secret.writeTo(confDir.resolve(ContainerEnvironment.SECRET_FILE));
        writeLogConfiguration(confDir.resolve(ContainerEnvironment.LOG_CONFIG_FILE));
        for (String name : ContainerEnvironment.HADOOP_CONFIG_FILES) {
            try (java.io.OutputStream out = Files.newOutputStream(confDir.resolve(name))) {
                containerSite.writeXml(out);
            }
        }
        Path confArchive = ZipArchive.of(confDir, scratch.resolve(ContainerEnvironment.CONF_DIR + ".zip"));
        List<CompletableFuture<ShippedResource>> applicationFiles =
                List.of(staging.uploadArchiveAsync(confArchive, ContainerEnvironment.CONF_DIR, uploads));
        // while those upload, the framework jars are hashed and looked up (and uploaded if missing)
        FrameworkJarCache cache = new FrameworkJarCache(fs, floeBase, uploads);
        List<ShippedResource> shared = new ArrayList<>(cache.register(
                HadoopClasspath.of(configuration)
                        .frameworkJars(FrameworkJarCache.localFrameworkClasspath(configuration)),
                scratch));
        lastFrameworkUploads = cache.uploadedCount();
        shared.addAll(ApplicationStaging.awaitAll(applicationFiles));

        List<ShippedResource> all = new ArrayList<>(shared);
        all.addAll(ApplicationStaging.awaitAll(amOnly));
        Map<String, String> env = containerEnvironment(configuration, yarnConfiguration);
        env.put(ContainerEnvironment.ENV_SHIPPED_RESOURCES, ShippedResource.encode(shared));
        env.put(ContainerEnvironment.ENV_STAGING_DIR, staging.path().toString());
        String command = ContainerCommand.build(
                "jobmanager",
                jmMemory,
                ContainerCommand.jvmOptions(configuration, YarnConfigOptions.JVM_OPTIONS_JOB_MANAGER),
                mode.entrypoint,
                List.of());
        LOG.info("ApplicationMaster command of {}: {}", appId, command);
        return ContainerLaunchContext.newInstance(
                ShippedResource.toLocalResources(all), env, List.of(command), null, null, null);
    }

    /**
     * The Hadoop settings the containers get: the client's site settings, without those naming a class
     * the containers cannot load (see {@link HadoopClassSettings}), and fails, naming the setting, if
     * they need such a class. What the containers can load is what Floe ships ({@code lib/}). With
     * {@code yarn.hadoop-classpath: cluster} their Hadoop classes come from the NodeManagers instead,
     * which the client cannot see: then only the settings whose default is safe are left out when
     * Floe's own Hadoop jars lack the class, and the ApplicationMaster checks the rest itself.
     */
    private org.apache.hadoop.conf.Configuration containerSiteSettings(HadoopClasspath hadoopClasspath)
            throws IOException {
        org.apache.hadoop.conf.Configuration site = siteProperties(yarnConfiguration);
        List<HadoopClassSettings.Unloadable> unloadable;
        if (configuration.get(YarnConfigOptions.FRAMEWORK_CLASSPATH).isEmpty()) {
            // the containers get lib/, which is this process's classpath too (bin/floe): its open jars answer
            unloadable = HadoopClassSettings.unloadable(site, YarnClusterDescriptor.class.getClassLoader());
        } else {
            List<java.net.URL> urls = new ArrayList<>();
            for (Path entry : FrameworkJarCache.localFrameworkClasspath(configuration)) {
                urls.add(entry.toUri().toURL());
            }
            try (java.net.URLClassLoader containers = new java.net.URLClassLoader(
                    urls.toArray(java.net.URL[]::new), ClassLoader.getPlatformClassLoader())) {
                unloadable = HadoopClassSettings.unloadable(site, containers);
            }
        }
        List<HadoopClassSettings.Unloadable> leftOut = new ArrayList<>();
        for (HadoopClassSettings.Unloadable setting : unloadable) {
            if (setting.isDefaultSafe()) {
                LOG.warn(setting.warning());
                console.accept("WARN " + setting.warning());
                leftOut.add(setting);
            } else if (hadoopClasspath == HadoopClasspath.SHIP) {
                if (setting.isRequired()) {
                    throw new IllegalArgumentException(setting.containerRefusal());
                }
                leftOut.add(setting);
            }
        }
        if (!leftOut.isEmpty()) {
            LOG.info(
                    "Left out of the containers' Hadoop settings, since they cannot load the classes these name: {}",
                    leftOut.stream().map(HadoopClassSettings.Unloadable::key).toList());
        }
        return HadoopClassSettings.without(site, leftOut);
    }

    /** What the client's site files (and code) set, without Hadoop's defaults, which the containers have too. */
    static org.apache.hadoop.conf.Configuration siteProperties(org.apache.hadoop.conf.Configuration full) {
        org.apache.hadoop.conf.Configuration site = new org.apache.hadoop.conf.Configuration(false);
        for (Map.Entry<String, String> entry : full) {
            String[] sources = full.getPropertySources(entry.getKey());
            boolean fromDefaults = sources != null
                    && sources.length > 0
                    && java.util.Arrays.stream(sources).allMatch(source -> source.endsWith("-default.xml"));
            if (!fromDefaults) {
                site.set(entry.getKey(), full.getRaw(entry.getKey()));
            }
        }
        return site;
    }

    /** The environment of every Floe container: JAVA_HOME, the classpath, the configuration directory. */
    public static Map<String, String> containerEnvironment(
            Configuration configuration, org.apache.hadoop.conf.Configuration hadoopConfiguration) {
        Map<String, String> env = new HashMap<>();
        env.put(
                ContainerEnvironment.ENV_JAVA_HOME,
                configuration.get(YarnConfigOptions.JAVA_HOME, System.getProperty("java.home")));
        env.put("CLASSPATH", HadoopClasspath.of(configuration).containerClasspath(hadoopConfiguration));
        env.put("FLOE_CONF_DIR", ContainerEnvironment.CONF_DIR);
        return env;
    }

    /** The client's configuration as the cluster sees it: bound to the container's host and ephemeral ports. */
    private Path writeConfiguration(
            ClusterMode mode, Path confDir, ApplicationId appId, ApplicationStaging staging, boolean attached)
            throws IOException {
        Map<String, String> values = new TreeMap<>(configuration.toMap());
        values.put(YarnConfigOptions.APPLICATION_ID.key(), appId.toString());
        values.put("execution.attached", String.valueOf(attached));
        if (mode == ClusterMode.SESSION && !values.containsKey(ClusterOptions.HA_STORAGE_DIR.key())) {
            // jars submitted to the session are written through here, for the next ApplicationMaster attempt
            values.put(
                    ClusterOptions.HA_STORAGE_DIR.key(),
                    new org.apache.hadoop.fs.Path(staging.path(), "ha").toString());
        }
        values.put("security.cluster-secret.file", ContainerEnvironment.inConfDir(ContainerEnvironment.SECRET_FILE));
        values.remove("execution.target");
        values.remove("pipeline.jars");
        values.remove(YarnConfigOptions.FRAMEWORK_CLASSPATH.key());
        values.remove(YarnConfigOptions.HADOOP_CONF_DIR.key());
        for (String key : List.of(
                "jobmanager.rpc.address",
                "jobmanager.rpc.port",
                "jobmanager.bind-host",
                "rest.address",
                "rest.port",
                "rest.bind-address",
                "taskmanager.host",
                "taskmanager.bind-host")) {
            values.remove(key); // the containers choose these
        }
        Path file = confDir.resolve(ContainerEnvironment.CONFIG_FILE);
        new ObjectMapper(new YAMLFactory()).writeValue(file.toFile(), values);
        return file;
    }

    /** Writes the configuration directory's {@code log4j2.properties} to {@code target}, else the deployer's built-in
     * one. */
    private static Path writeLogConfiguration(Path target) throws IOException {
        String confDir = System.getenv("FLOE_CONF_DIR");
        if (confDir != null && Files.isRegularFile(Path.of(confDir, "log4j2.properties"))) {
            Files.copy(Path.of(confDir, "log4j2.properties"), target);
            return target;
        }
        try (InputStream in = YarnClusterDescriptor.class.getResourceAsStream(ContainerEnvironment.LOG_CONFIG_FILE)) {
            if (in == null) {
                throw new IOException(
                        "The built-in " + ContainerEnvironment.LOG_CONFIG_FILE + " is missing from the deployer's jar");
            }
            Files.copy(in, target);
        }
        return target;
    }

    private ApplicationReport awaitRunning(ApplicationId appId) throws Exception {
        long start = System.currentTimeMillis();
        long nextPatienceNote = start + 60_000;
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
                nextPatienceNote += 60_000;
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    /** The first error line of the ApplicationMaster's stderr, if YARN's diagnostics carry one, else the diagnostics.
     * */
    private static String whyItEnded(ApplicationReport report) {
        String cause = ContainerDiagnostics.cause(report.getDiagnostics());
        return cause != null ? cause : report.getDiagnostics();
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.debug("Could not delete {}", dir, e);
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
