package io.floe.runtime.entrypoint;

import io.floe.api.JobId;
import io.floe.api.JobStatus;
import io.floe.configuration.ClusterOptions;
import io.floe.configuration.Configuration;
import io.floe.runtime.blob.BlobServer;
import io.floe.runtime.blob.BlobStore;
import io.floe.runtime.blob.VoidBlobStore;
import io.floe.runtime.dispatcher.BlobJobSubmitter;
import io.floe.runtime.dispatcher.Dispatcher;
import io.floe.runtime.dispatcher.DispatcherGateway;
import io.floe.runtime.execution.JobResult;
import io.floe.runtime.highavailability.CompletedCheckpointStore;
import io.floe.runtime.highavailability.DurableStorage;
import io.floe.runtime.highavailability.DurableStorageFactory;
import io.floe.runtime.highavailability.FencedStores;
import io.floe.runtime.highavailability.JobGraphStore;
import io.floe.runtime.highavailability.JobResultStore;
import io.floe.runtime.highavailability.LeadershipFence;
import io.floe.runtime.highavailability.LeadershipLostException;
import io.floe.runtime.jobgraph.JobGraph;
import io.floe.runtime.jobmaster.JobMaster;
import io.floe.runtime.resourcemanager.ResourceManager;
import io.floe.runtime.resourcemanager.ResourceManagerDriver;
import io.floe.runtime.rpc.netty.NettyRpcService;
import io.floe.runtime.rpc.netty.RpcServiceConfig;
import io.floe.runtime.security.ClusterSecret;
import io.floe.runtime.webmonitor.JobDetails;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JobManager of a cluster in one process: an RPC service on {@code jobmanager.rpc.port}
 * hosting the ResourceManager and the Dispatcher (which starts a JobMaster per job), the
 * BlobServer for job jars, and the REST endpoint. The standalone entry point, the YARN
 * ApplicationMaster and the MiniCluster all start it. Every port demands the cluster secret,
 * except REST, which binds to {@code rest.bind-address}.
 */
public final class JobManagerServices implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JobManagerServices.class);

    private final List<AutoCloseable> closeables = new ArrayList<>();
    private NettyRpcService rpcService;
    private BlobServer blobServer;
    private ResourceManager resourceManager;
    private Dispatcher dispatcher;
    private RestEndpointLauncher.Running rest;
    private BlobJobSubmitter jobSubmitter;
    private DispatcherGateway dispatcherGateway;
    private final CompletableFuture<Void> shutdownRequest = new CompletableFuture<>();
    private JobGraphStore jobStore;
    private CompletedCheckpointStore checkpointStore;
    private JobResultStore resultStore;
    private LeadershipFence fence = LeadershipFence.NONE;

    private JobManagerServices() {}

    /** A JobManager whose TaskManagers come and go on their own (standalone, MiniCluster). */
    public static JobManagerServices start(Configuration configuration, ClusterSecret secret) {
        return start(configuration, secret, null);
    }

    /**
     * A JobManager whose ResourceManager starts TaskManagers through {@code driver} when jobs need
     * slots (YARN), or, when {@code driver} is null, a standalone one. The driver is initialized on
     * the ResourceManager's main thread when it starts and terminated when it stops.
     */
    public static JobManagerServices start(
            Configuration configuration, ClusterSecret secret, ResourceManagerDriver driver) {
        return start(configuration, secret, driver, LeadershipFence.NONE);
    }

    /**
     * As {@link #start(Configuration, ClusterSecret, ResourceManagerDriver)}, for a JobManager that
     * was elected: every change to the durable stores first confirms through {@code fence} that it
     * still leads.
     */
    public static JobManagerServices start(
            Configuration configuration, ClusterSecret secret, ResourceManagerDriver driver, LeadershipFence fence) {
        JobManagerServices services = new JobManagerServices();
        try {
            services.startServices(configuration, secret, driver, fence);
            return services;
        } catch (RuntimeException e) {
            services.close();
            throw e;
        }
    }

    private void startServices(
            Configuration configuration, ClusterSecret secret, ResourceManagerDriver driver, LeadershipFence fence) {
        this.fence = fence;
        rpcService = NettyRpcService.start(
                new RpcServiceConfig(
                        configuration.get(ClusterOptions.BIND_HOST),
                        configuration.get(ClusterOptions.JOB_MANAGER_ADDRESS),
                        configuration.get(ClusterOptions.JOB_MANAGER_PORT),
                        configuration.get(ClusterOptions.ASK_TIMEOUT),
                        (int) configuration.get(ClusterOptions.RPC_FRAME_SIZE).getBytes()),
                secret);
        closeables.add(() -> rpcService.closeAsync().get(30, TimeUnit.SECONDS));
        String haDir = configuration.get(ClusterOptions.HA_STORAGE_DIR);
        DurableStorageFactory durableStorage = haDir == null ? null : DurableStorage.factoryFor(haDir);
        blobServer = startBlobServer(configuration, secret, durableStorage, haDir);
        try {
            jobStore = FencedStores.fenced(
                    durableStorage == null ? null : durableStorage.createJobGraphStore(haDir), fence);
            checkpointStore = FencedStores.fenced(
                    durableStorage == null
                            ? CompletedCheckpointStore.NONE
                            : durableStorage.createCompletedCheckpointStore(haDir),
                    fence);
            resultStore = FencedStores.fenced(
                    durableStorage == null ? JobResultStore.NONE : durableStorage.createJobResultStore(haDir), fence);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the job graph store in " + haDir + ": " + e.getMessage(), e);
        }
        closeables.add(0, blobServer);

        resourceManager = new ResourceManager(
                rpcService,
                new ResourceManager.ResourceManagerSettings(
                        configuration.get(ClusterOptions.HEARTBEAT_INTERVAL),
                        configuration.get(ClusterOptions.HEARTBEAT_TIMEOUT),
                        configuration.get(ClusterOptions.STANDALONE_STARTUP_TIME),
                        configuration.get(ClusterOptions.NUM_TASK_SLOTS),
                        configuration.get(ClusterOptions.TASK_MANAGER_TIMEOUT)),
                driver);
        resourceManager.start();
        String blobAddress = configuration.get(ClusterOptions.JOB_MANAGER_ADDRESS) + ":" + blobServer.getPort();
        dispatcher = new Dispatcher(
                rpcService,
                new JobMaster.JobMasterSettings(
                        resourceManager.getAddress(),
                        configuration.get(ClusterOptions.HEARTBEAT_INTERVAL),
                        configuration.get(ClusterOptions.HEARTBEAT_TIMEOUT),
                        configuration.get(ClusterOptions.SLOT_REQUEST_TIMEOUT),
                        configuration.get(ClusterOptions.TASK_CANCELLATION_TIMEOUT),
                        blobAddress,
                        configuration,
                        checkpointStore,
                        resultStore),
                this::cleanupJob);
        dispatcher.start();
        try {
            dispatcherGateway = rpcService
                    .connect(dispatcher.getAddress(), DispatcherGateway.class)
                    .get(configuration.get(ClusterOptions.ASK_TIMEOUT).toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot reach the Dispatcher at " + dispatcher.getAddress(), e);
        }
        jobSubmitter = new BlobJobSubmitter(
                blobServer, dispatcherGateway, configuration.get(ClusterOptions.ASK_TIMEOUT), jobStore);
        rest = RestEndpointLauncher.start(
                configuration,
                rpcService,
                dispatcher.getAddress(),
                blobServer,
                jobStore,
                () -> shutdownRequest.complete(null),
                secret);
        closeables.add(0, rest);
        LOG.info(
                "JobManager started: RPC at {}:{}, BlobServer at {}, REST at {}",
                rpcService.getAddress(),
                rpcService.getPort(),
                blobAddress,
                rest.url());
    }

    /** The BlobServer, with its durable copy in {@code durableStorage} under {@code haDir}, or none if that is null. */
    private static BlobServer startBlobServer(
            Configuration configuration, ClusterSecret secret, DurableStorageFactory durableStorage, String haDir) {
        String base = configuration.get(ClusterOptions.BLOB_STORAGE_DIRECTORY, System.getProperty("java.io.tmpdir"));
        Path storage = Path.of(base, "floe-blobserver-" + UUID.randomUUID());
        try {
            BlobStore store = durableStorage == null ? new VoidBlobStore() : durableStorage.createBlobStore(haDir);
            return new BlobServer(
                    configuration.get(ClusterOptions.BIND_HOST),
                    parsePort(configuration),
                    storage,
                    store,
                    secret == null ? null : secret.toBytes(),
                    configuration.get(ClusterOptions.BLOB_CLEANUP_INTERVAL));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the BlobServer in " + storage + ": " + e.getMessage(), e);
        }
    }

    private static int parsePort(Configuration configuration) {
        String port = configuration.get(ClusterOptions.BLOB_SERVER_PORT).trim();
        try {
            return Integer.parseInt(port);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "blob.server.port must be a port number (0 for any free port), not '" + port + "'.");
        }
    }

    private void cleanupJob(JobId jobId) {
        try {
            fence.confirm();
        } catch (LeadershipLostException e) { // its jars, graph and checkpoint record are the new leader's now
            LOG.warn("Leaving the stored data of job {} alone: {}", jobId, e.getMessage());
            return;
        }
        try {
            blobServer.cleanupJob(jobId);
        } catch (IOException e) {
            LOG.warn("Could not delete the blobs of job {}", jobId, e);
        }
        if (jobStore != null) {
            try {
                jobStore.remove(jobId);
            } catch (IOException e) {
                LOG.warn("Could not delete the stored job graph of job {} from {}", jobId, jobStore, e);
            }
        }
        try {
            checkpointStore.remove(jobId); // (the JobMaster removed it already, unless it crashed before)
        } catch (IOException e) {
            LOG.warn("Could not delete the checkpoint record of job {} from {}", jobId, checkpointStore, e);
        }
    }

    /**
     * Submits again every job that an earlier JobManager on the same {@code high-availability.storageDir}
     * accepted and did not finish (a new YARN application attempt of a session); each starts from the
     * latest checkpoint recorded for it. A job recorded as ended (the earlier JobManager crashed before
     * its cleanup) is cleaned up instead. Their jars come back from the BlobStore when TaskManagers ask
     * for them. Blocks on I/O; returns the recovered jobs.
     */
    public List<JobId> recoverJobs() throws Exception {
        List<JobId> recovered = new ArrayList<>();
        if (jobStore == null) {
            return recovered;
        }
        for (JobGraph jobGraph : jobStore.recover()) {
            JobStatus ended = resultStore.endedAs(jobGraph.jobId());
            if (ended != null) { // the last JobManager crashed after the job's end, before its cleanup
                LOG.info(
                        "Job '{}' ({}) was {} already under the previous JobManager: not run again, cleaned up",
                        jobGraph.jobName(),
                        jobGraph.jobId(),
                        ended);
                cleanupJob(jobGraph.jobId());
                continue;
            }
            LOG.info("Recovering job '{}' ({}) from {}", jobGraph.jobName(), jobGraph.jobId(), jobStore);
            dispatcherGateway.submitJob(jobGraph, Duration.ofMinutes(1)).get();
            recovered.add(jobGraph.jobId());
        }
        return recovered;
    }

    /**
     * Submits a job from inside this process (a per-job cluster's shipped job): its jars go into
     * the BlobServer like an upload over REST. Any thread; completes when the Dispatcher took it.
     */
    public CompletableFuture<Void> submitJob(JobGraph jobGraph, List<Path> jars) {
        return jobSubmitter.submit(jobGraph, jars);
    }

    /**
     * How the job ended under this or an earlier JobManager on the same storage directory, as the
     * job result store recorded it; null if it has not ended (or nothing is stored). Blocks on I/O.
     */
    public JobStatus recordedEnd(JobId jobId) throws IOException {
        return resultStore.endedAs(jobId);
    }

    /** How a job of this JobManager ended; completes when it did. Any thread. */
    public CompletableFuture<JobResult> jobResult(JobId jobId) {
        return dispatcherGateway.requestJobResult(jobId, Duration.ofDays(365));
    }

    /** Unregisters the application from its cluster manager (no-op when standalone). Any thread. */
    public CompletableFuture<Void> deregisterApplication(
            ResourceManagerDriver.ApplicationStatus status, String diagnostics) {
        return resourceManager.deregisterApplication(status, diagnostics);
    }

    /**
     * Completes when a client asked to shut the cluster down ({@code DELETE /cluster}); the process
     * that started these services decides how to end (a YARN session unregisters, standalone exits).
     */
    public CompletableFuture<Void> shutdownRequest() {
        return shutdownRequest;
    }

    /** A job's current status, also of an ended one. Any thread. */
    public CompletableFuture<JobStatus> jobStatus(JobId jobId) {
        return dispatcherGateway.requestJobStatus(jobId);
    }

    /** Asks the Dispatcher to cancel a job; completes once it accepted. Any thread. */
    public CompletableFuture<Void> cancelJob(JobId jobId) {
        return dispatcherGateway.cancelJob(jobId);
    }

    /** The Dispatcher, for the calls the methods here do not wrap (savepoints). Any thread. */
    public DispatcherGateway dispatcher() {
        return dispatcherGateway;
    }

    /** Every job the Dispatcher has, running or ended. Any thread. */
    public CompletableFuture<List<JobDetails>> listJobs() {
        return dispatcherGateway.listJobs();
    }

    public NettyRpcService getRpcService() {
        return rpcService;
    }

    public String getResourceManagerAddress() {
        return resourceManager.getAddress();
    }

    public String getDispatcherAddress() {
        return dispatcher.getAddress();
    }

    public BlobServer getBlobServer() {
        return blobServer;
    }

    /**
     * Waits, at most {@code max}, until clients fetched the outcome of every savepoint triggered over
     * REST; a cluster calls it before it ends. Returns whether they all were.
     */
    public boolean awaitSavepointResultsFetched(Duration max) throws InterruptedException {
        return rest.endpoint().awaitSavepointResultsFetched(max);
    }

    /** The REST endpoint's URL, {@code http://<rest.address>:<port>}. */
    public String getRestUrl() {
        return rest.url();
    }

    /** The REST endpoint's port (ephemeral when {@code rest.port} is 0). */
    public int getRestPort() {
        return rest.port();
    }

    @Override
    public void close() {
        for (AutoCloseable closeable : closeables) {
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.warn("A JobManager service did not stop cleanly", e);
            }
        }
        closeables.clear();
    }
}
