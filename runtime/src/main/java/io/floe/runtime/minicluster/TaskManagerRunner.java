package io.floe.runtime.minicluster;

import io.floe.configuration.ClusterOptions;
import io.floe.configuration.Configuration;
import io.floe.configuration.NetworkOptions;
import io.floe.runtime.highavailability.LeaderRetrieval;
import io.floe.runtime.network.NetworkConfig;
import io.floe.runtime.network.NetworkEnvironment;
import io.floe.runtime.rpc.netty.NettyRpcService;
import io.floe.runtime.rpc.netty.RpcServiceConfig;
import io.floe.runtime.security.ClusterSecret;
import io.floe.runtime.taskexecutor.TaskExecutor;
import io.floe.runtime.types.ResourceId;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One TaskManager: its own RPC service, its own data server and its TaskExecutor, as a separate
 * process has. Started by the MiniCluster (and by the standalone and YARN entry points). Its
 * ResourceId is {@code taskmanager.resource-id} when set (a YARN container id), else random.
 */
public final class TaskManagerRunner implements AutoCloseable {
    private final NettyRpcService rpcService;
    private final NetworkEnvironment network;
    private final TaskExecutor taskExecutor;
    private final BlobCaches blobCaches;

    public TaskManagerRunner(
            Configuration configuration, String resourceManagerAddress, int numberOfSlots, ClusterSecret secret) {
        this(
                configuration,
                LeaderRetrieval.fixed(resourceManagerAddress),
                resourceManagerAddress,
                numberOfSlots,
                secret);
    }

    /**
     * A TaskManager that follows the leader {@code leaders} names, starting at {@code
     * resourceManagerAddress} until it has read one.
     */
    public TaskManagerRunner(
            Configuration configuration,
            LeaderRetrieval leaders,
            String resourceManagerAddress,
            int numberOfSlots,
            ClusterSecret secret) {
        String host = configuration.get(ClusterOptions.TASK_MANAGER_HOST);
        String bindHost = configuration.get(ClusterOptions.TASK_MANAGER_BIND_HOST);
        this.rpcService = NettyRpcService.start(
                new RpcServiceConfig(
                        bindHost,
                        host,
                        configuration.get(ClusterOptions.TASK_MANAGER_RPC_PORT),
                        configuration.get(ClusterOptions.ASK_TIMEOUT),
                        (int) configuration.get(ClusterOptions.RPC_FRAME_SIZE).getBytes()),
                secret);
        try {
            this.network = NetworkEnvironment.start(
                    new NetworkConfig(
                            bindHost,
                            host,
                            configuration.get(ClusterOptions.TASK_MANAGER_DATA_PORT),
                            (int) configuration.get(NetworkOptions.SEGMENT_SIZE).getBytes(),
                            configuration.get(NetworkOptions.BUFFERS_PER_CHANNEL),
                            configuration.get(NetworkOptions.MAX_BUFFERS_PER_SUBPARTITION),
                            configuration.get(NetworkOptions.REQUEST_BACKOFF_MAX)),
                    secret);
        } catch (RuntimeException e) {
            rpcService.closeAsync();
            throw e;
        }
        String configuredId = configuration.get(ClusterOptions.TASK_MANAGER_RESOURCE_ID);
        ResourceId resourceId = configuredId == null || configuredId.isBlank()
                ? ResourceId.generate()
                : new ResourceId(configuredId.trim());
        this.blobCaches = new BlobCaches(configuration, resourceId, secret);
        this.taskExecutor = new TaskExecutor(
                rpcService,
                new TaskExecutor.TaskExecutorSettings(
                        numberOfSlots,
                        resourceManagerAddress,
                        configuration.get(ClusterOptions.HEARTBEAT_INTERVAL),
                        configuration.get(ClusterOptions.HEARTBEAT_TIMEOUT),
                        configuration.get(ClusterOptions.REGISTRATION_MAX_BACKOFF),
                        leaders),
                resourceId,
                network,
                blobCaches::forServer);
    }

    public void start() {
        taskExecutor.start();
    }

    public TaskExecutor getTaskExecutor() {
        return taskExecutor;
    }

    public NetworkEnvironment getNetwork() {
        return network;
    }

    /** Stops the TaskManager as a shutdown of its process would: tasks cancelled, peers told, ports closed. */
    @Override
    public void close() {
        try {
            taskExecutor.closeAsync().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            // the endpoint is stopped anyway when its RPC service closes
        }
        network.close();
        blobCaches.close();
        CompletableFuture<Void> rpcClosed = rpcService.closeAsync();
        try {
            rpcClosed.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            // best effort during shutdown
        }
    }
}
