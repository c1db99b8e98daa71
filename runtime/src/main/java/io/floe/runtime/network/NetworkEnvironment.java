package io.floe.runtime.network;

import io.floe.runtime.network.netty.NetworkServer;
import io.floe.runtime.network.netty.PartitionRequestClient;
import io.floe.runtime.network.netty.PartitionRequestClientFactory;
import io.floe.runtime.security.ClusterSecret;
import io.floe.runtime.types.ResultPartitionId;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data plane of one TaskManager process: its result partitions, its input gates, the Netty data
 * server that serves partitions to other environments and the client connections to theirs.
 *
 * <p>Threads: one Netty boss thread accepts connections; a small worker group ({@code floe-data-*})
 * runs both server and client connections and the partition-request retry timers. Tasks call
 * {@link #createResultPartition}, {@link #createInputGate} and {@link #releasePartition} from their
 * own threads; all methods are thread-safe.
 *
 * <p>A channel whose producer address equals this environment's {@link #getDataHost()} and
 * {@link #getDataPort()} is read locally, without a socket; any other goes over the one connection
 * this environment keeps to that producer's environment.
 */
public final class NetworkEnvironment implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NetworkEnvironment.class);
    private static final int MAX_WORKER_THREADS = 4;

    private final NetworkConfig config;
    private final ByteBufAllocator allocator;
    private final NetworkMetrics metrics = new NetworkMetrics();
    private final ResultPartitionManager partitionManager = new ResultPartitionManager();
    private final EventLoopGroup bossGroup;
    private final EventLoopGroup workerGroup;
    private final NetworkServer server;
    private final PartitionRequestClientFactory clientFactory;
    private volatile boolean closed;

    private NetworkEnvironment(NetworkConfig config, ClusterSecret secret) {
        this.config = config;
        this.allocator = PooledByteBufAllocator.DEFAULT;
        this.bossGroup = new NioEventLoopGroup(1, new DefaultThreadFactory("floe-data-boss", true));
        int workers =
                Math.max(1, Math.min(MAX_WORKER_THREADS, Runtime.getRuntime().availableProcessors()));
        this.workerGroup = new NioEventLoopGroup(workers, new DefaultThreadFactory("floe-data-worker", true));
        try {
            this.server = NetworkServer.bind(
                    config.bindHost(),
                    config.port(),
                    bossGroup,
                    workerGroup,
                    allocator,
                    partitionManager,
                    metrics,
                    secret);
        } catch (RuntimeException e) {
            shutdownEventLoops();
            throw e;
        }
        this.clientFactory = new PartitionRequestClientFactory(workerGroup, allocator, metrics, secret);
    }

    /**
     * Binds the data server and returns the running environment.
     *
     * @throws IllegalStateException if the server cannot bind
     */
    public static NetworkEnvironment start(NetworkConfig config) {
        return start(config, null);
    }

    /**
     * Like {@link #start(NetworkConfig)}, but every data connection, in and out, must first prove
     * {@code secret} (null: no authentication, for tests of the network alone).
     */
    public static NetworkEnvironment start(NetworkConfig config, ClusterSecret secret) {
        // Netty's leak detector wraps sampled buffers, which shows in the per-record path; it stays
        // available for tests and debugging through -Dio.netty.leakDetection.level
        if (System.getProperty("io.netty.leakDetection.level") == null) {
            io.netty.util.ResourceLeakDetector.setLevel(io.netty.util.ResourceLeakDetector.Level.DISABLED);
        }
        NetworkEnvironment environment = new NetworkEnvironment(Objects.requireNonNull(config, "config"), secret);
        LOG.info(
                "Data server listening on {}:{} (advertised as {}:{}), buffer size {} bytes",
                config.bindHost(),
                environment.getDataPort(),
                environment.getDataHost(),
                environment.getDataPort(),
                config.bufferSizeBytes());
        return environment;
    }

    /** The host consumers use to reach this environment's partitions. */
    public String getDataHost() {
        return config.externalHost();
    }

    public int getDataPort() {
        return server.getPort();
    }

    /**
     * Creates a partition and registers it, so that consumers (local or remote) can request it.
     *
     * @throws IllegalStateException if a partition with this id is registered already
     */
    public ResultPartition createResultPartition(ResultPartitionId id, int numberOfSubpartitions) {
        checkNotClosed();
        ResultPartition partition = new ResultPartition(
                Objects.requireNonNull(id, "id"), numberOfSubpartitions, config, allocator, partitionManager);
        partitionManager.register(partition);
        LOG.debug("Registered partition {} with {} subpartitions", id, numberOfSubpartitions);
        return partition;
    }

    /**
     * Creates a gate over the given channels and sends their partition requests. Does not block;
     * connection and request failures surface from {@link InputGate#next}.
     */
    public InputGate createInputGate(List<InputChannelDescriptor> channels) {
        checkNotClosed();
        InputGate gate = new InputGate(List.copyOf(channels), this::createChannel);
        gate.requestPartitions();
        return gate;
    }

    /** Unregisters the partition and frees its buffers; no-op for an unknown id. */
    public void releasePartition(ResultPartitionId id) {
        ResultPartition partition = partitionManager.get(id);
        if (partition != null) {
            partition.release();
        }
    }

    public NetworkMetrics getMetrics() {
        return metrics;
    }

    /** Client connections to other environments' data servers currently open (or opening). */
    int getNumberOfClientConnections() {
        return clientFactory.getNumberOfConnections();
    }

    /** Releases every partition, closes all connections and stops the Netty threads. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        partitionManager.releaseAll();
        clientFactory.close();
        server.close();
        shutdownEventLoops();
        LOG.info("Data server {}:{} stopped; {}", getDataHost(), getDataPort(), metrics);
    }

    private InputChannel createChannel(InputGate gate, int index, InputChannelDescriptor descriptor) {
        PartitionRequestBackoff backoff = new PartitionRequestBackoff(config.partitionRequestMaxBackoff());
        if (isLocal(descriptor)) {
            return new LocalInputChannel(gate, index, descriptor, partitionManager, workerGroup, backoff);
        }
        PartitionRequestClient client =
                clientFactory.getOrConnect(descriptor.producerHost(), descriptor.producerDataPort());
        return new RemoteInputChannel(gate, index, descriptor, client, config.creditsPerChannel(), backoff, metrics);
    }

    private boolean isLocal(InputChannelDescriptor descriptor) {
        return descriptor.producerHost().equals(getDataHost()) && descriptor.producerDataPort() == getDataPort();
    }

    private void checkNotClosed() {
        if (closed) {
            throw new IllegalStateException(
                    "Network environment " + getDataHost() + ":" + getDataPort() + " is closed");
        }
    }

    private void shutdownEventLoops() {
        bossGroup.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        workerGroup.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
