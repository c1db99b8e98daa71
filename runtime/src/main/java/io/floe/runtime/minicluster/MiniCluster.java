package io.floe.runtime.minicluster;

import io.floe.api.JobId;
import io.floe.runtime.configuration.ClusterOptions;
import io.floe.runtime.configuration.Configuration;
import io.floe.runtime.dispatcher.Dispatcher;
import io.floe.runtime.dispatcher.DispatcherGateway;
import io.floe.runtime.jobgraph.JobGraph;
import io.floe.runtime.jobmaster.JobMaster;
import io.floe.runtime.messages.JobResult;
import io.floe.runtime.resourcemanager.ResourceManager;
import io.floe.runtime.rpc.NettyRpcService;
import io.floe.runtime.rpc.RpcServiceConfig;
import io.floe.runtime.taskexecutor.TaskExecutor;
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
    private NettyRpcService jobManagerRpc;
    private NettyRpcService clientRpc;
    private ResourceManager resourceManager;
    private Dispatcher dispatcher;
    private DispatcherGateway dispatcherGateway;
    private final List<TaskManagerRunner> taskManagers = new ArrayList<>();

    public MiniCluster(MiniClusterConfiguration clusterConfiguration) {
        this.clusterConfiguration = clusterConfiguration;
        this.configuration = new Configuration(clusterConfiguration.configuration());
        this.configuration.set(ClusterOptions.TASK_MANAGER_RPC_PORT, 0);
        this.configuration.set(ClusterOptions.TASK_MANAGER_DATA_PORT, 0);
    }

    public void start() throws Exception {
        Duration askTimeout = configuration.get(ClusterOptions.ASK_TIMEOUT);
        int frameSize = (int) configuration.get(ClusterOptions.RPC_FRAME_SIZE).getBytes();
        jobManagerRpc = NettyRpcService.start(new RpcServiceConfig("localhost", "localhost", 0, askTimeout, frameSize));
        resourceManager = new ResourceManager(jobManagerRpc, new ResourceManager.ResourceManagerSettings(
                configuration.get(ClusterOptions.HEARTBEAT_INTERVAL), configuration.get(ClusterOptions.HEARTBEAT_TIMEOUT),
                configuration.get(ClusterOptions.STANDALONE_STARTUP_TIME)));
        resourceManager.start();
        dispatcher = new Dispatcher(jobManagerRpc, new JobMaster.JobMasterSettings(resourceManagerAddress(),
                configuration.get(ClusterOptions.HEARTBEAT_INTERVAL), configuration.get(ClusterOptions.HEARTBEAT_TIMEOUT),
                configuration.get(ClusterOptions.SLOT_REQUEST_TIMEOUT)));
        dispatcher.start();
        for (int i = 0; i < clusterConfiguration.numberOfTaskManagers(); i++) {
            startTaskManager();
        }
        clientRpc = NettyRpcService.start(new RpcServiceConfig("localhost", "localhost", 0, askTimeout, frameSize));
        dispatcherGateway = clientRpc.connect(dispatcher.getAddress(), DispatcherGateway.class).get(askTimeout.toMillis(), TimeUnit.MILLISECONDS);
        LOG.info("MiniCluster started: {} TaskManager(s) x {} slot(s)", clusterConfiguration.numberOfTaskManagers(),
                clusterConfiguration.slotsPerTaskManager());
    }

    private String resourceManagerAddress() {
        return resourceManager.getAddress();
    }

    /** Starts one more TaskManager; it registers and adds its slots to the cluster. */
    public TaskManagerRunner startTaskManager() {
        TaskManagerRunner runner = new TaskManagerRunner(configuration, resourceManagerAddress(),
                clusterConfiguration.slotsPerTaskManager());
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

    /** The slots of TaskManager {@code index}, asked over RPC. */
    public CompletableFuture<io.floe.runtime.messages.SlotReport> requestSlotReport(int index) {
        return clientRpc.connect(taskManagers.get(index).getTaskExecutor().getAddress(),
                io.floe.runtime.taskexecutor.TaskExecutorGateway.class)
                .thenCompose(io.floe.runtime.taskexecutor.TaskExecutorGateway::requestSlotReport);
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
        if (jobManagerRpc != null) {
            jobManagerRpc.closeAsync().join();
        }
        LOG.info("MiniCluster stopped");
    }
}
