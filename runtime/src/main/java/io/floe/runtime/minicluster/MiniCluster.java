package io.floe.runtime.minicluster;

import io.floe.api.JobId;
import io.floe.configuration.ClusterOptions;
import io.floe.configuration.Configuration;
import io.floe.runtime.deployment.SlotReport;
import io.floe.runtime.dispatcher.DispatcherGateway;
import io.floe.runtime.entrypoint.JobManagerServices;
import io.floe.runtime.execution.JobResult;
import io.floe.runtime.jobgraph.JobGraph;
import io.floe.runtime.rpc.netty.NettyRpcService;
import io.floe.runtime.rpc.netty.RpcServiceConfig;
import io.floe.runtime.security.ClusterSecret;
import io.floe.runtime.taskexecutor.TaskExecutor;
import io.floe.runtime.taskexecutor.TaskExecutorGateway;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A whole cluster in one JVM: a JobManager (Dispatcher, ResourceManager, JobMasters) on one RPC
 * service and N TaskManagers, each with its own RPC service and data server. Everything talks over
 * loopback sockets exactly as separate processes would; only the process boundary is missing.
 * All ports are ephemeral. Not thread-safe: start, use and close it from one thread.
 */
public final class MiniCluster implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MiniCluster.class);

    private final MiniClusterConfiguration clusterConfiguration;
    private final Configuration configuration;
    private JobManagerServices jobManager;
    private NettyRpcService clientRpc;
    private DispatcherGateway dispatcherGateway;
    private final List<TaskManagerRunner> taskManagers = new ArrayList<>();
    /** A cluster of its own: no process outside this MiniCluster can join it. */
    private final ClusterSecret secret = ClusterSecret.generate();

    public MiniCluster(MiniClusterConfiguration clusterConfiguration) {
        this.clusterConfiguration = clusterConfiguration;
        this.configuration = new Configuration(clusterConfiguration.configuration());
        this.configuration.set(ClusterOptions.TASK_MANAGER_RPC_PORT, 0);
        this.configuration.set(ClusterOptions.TASK_MANAGER_DATA_PORT, 0);
        this.configuration.set(ClusterOptions.JOB_MANAGER_PORT, 0);
        this.configuration.set(ClusterOptions.JOB_MANAGER_ADDRESS, "localhost");
        this.configuration.set(ClusterOptions.BIND_HOST, "localhost");
        this.configuration.set(ClusterOptions.REST_PORT, 0);
        this.configuration.set(ClusterOptions.REST_BIND_ADDRESS, "localhost");
        this.configuration.set(ClusterOptions.REST_ADDRESS, "localhost");
        this.configuration.set(ClusterOptions.BLOB_SERVER_PORT, "0");
    }

    public void start() throws Exception {
        Duration askTimeout = configuration.get(ClusterOptions.ASK_TIMEOUT);
        int frameSize = (int) configuration.get(ClusterOptions.RPC_FRAME_SIZE).getBytes();
        jobManager = JobManagerServices.start(configuration, secret);
        for (int i = 0; i < clusterConfiguration.numberOfTaskManagers(); i++) {
            startTaskManager();
        }
        clientRpc =
                NettyRpcService.start(new RpcServiceConfig("localhost", "localhost", 0, askTimeout, frameSize), secret);
        dispatcherGateway = clientRpc
                .connect(jobManager.getDispatcherAddress(), DispatcherGateway.class)
                .get(askTimeout.toMillis(), TimeUnit.MILLISECONDS);
        LOG.info(
                "MiniCluster started: {} TaskManager(s) x {} slot(s)",
                clusterConfiguration.numberOfTaskManagers(),
                clusterConfiguration.slotsPerTaskManager());
    }

    private String resourceManagerAddress() {
        return jobManager.getResourceManagerAddress();
    }

    /** Starts one more TaskManager; it registers and adds its slots to the cluster. */
    public TaskManagerRunner startTaskManager() {
        TaskManagerRunner runner = new TaskManagerRunner(
                configuration, resourceManagerAddress(), clusterConfiguration.slotsPerTaskManager(), secret);
        runner.start();
        taskManagers.add(runner);
        return runner;
    }

    /** Stops TaskManager {@code index} as if its process shut down. */
    public void stopTaskManager(int index) {
        TaskManagerRunner runner = taskManagers.remove(index);
        runner.close();
    }

    public List<TaskManagerRunner> getTaskManagers() {
        return List.copyOf(taskManagers);
    }

    public List<TaskExecutor> getTaskExecutors() {
        return taskManagers.stream().map(TaskManagerRunner::getTaskExecutor).toList();
    }

    /** The port of the cluster's REST endpoint (ephemeral). */
    /** The secret of this cluster's connections, whose REST credential calls that change it need. */
    public ClusterSecret getClusterSecret() {
        return secret;
    }

    public int getRestPort() {
        return jobManager.getRestPort();
    }

    /** The JobManager's services (BlobServer and friends), for tests. */
    public JobManagerServices getJobManager() {
        return jobManager;
    }

    /** The slots of TaskManager {@code index}, asked over RPC. */
    public CompletableFuture<SlotReport> requestSlotReport(int index) {
        return clientRpc
                .connect(taskManagers.get(index).getTaskExecutor().getAddress(), TaskExecutorGateway.class)
                .thenCompose(TaskExecutorGateway::requestSlotReport);
    }

    /** The Dispatcher, reached over RPC as a client would. */
    public DispatcherGateway getDispatcherGateway() {
        return dispatcherGateway;
    }

    public CompletableFuture<Void> submitJob(JobGraph jobGraph) {
        return dispatcherGateway.submitJob(jobGraph, configuration.get(ClusterOptions.ASK_TIMEOUT));
    }

    /** Completes when the job ended. */
    public CompletableFuture<JobResult> requestJobResult(JobId jobId) {
        return dispatcherGateway.requestJobResult(jobId, Duration.ofDays(365));
    }

    @Override
    public void close() {
        if (clientRpc != null) {
            clientRpc.closeAsync().join();
        }
        for (TaskManagerRunner runner : List.copyOf(taskManagers)) {
            runner.close();
        }
        taskManagers.clear();
        if (jobManager != null) {
            jobManager.close();
        }
        LOG.info("MiniCluster stopped");
    }
}
