package io.floe.runtime.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.floe.runtime.dispatcher.DispatcherGateway;
import io.floe.runtime.rest.handler.RestHandler;
import io.floe.runtime.rest.handler.job.SavepointOperations;
import io.floe.runtime.rest.messages.RestJsonMapper;
import io.floe.runtime.rest.router.Router;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JobManager's HTTP/JSON API, with Flink's paths and field names: cluster and job overviews,
 * job details, status, exceptions and results, cancellation and multipart job submission. See
 * {@link RestRoutes} for the paths and {@link RestChannelInitializer} for the pipeline.
 *
 * <p>Lifecycle: created → {@link #start()} → {@link #close()}; neither can be repeated. Both may be
 * called from any thread but not concurrently with each other.
 *
 * <p>Threads: Netty event loops ({@code floe-rest-boss}, {@code floe-rest-worker-*}) read requests
 * and call handlers, which never block: they compose the {@link DispatcherGateway}'s futures.
 * Blocking file work (reading a submitted job graph, deleting uploads) runs on two
 * {@code floe-rest-io-*} threads. All are owned by this endpoint and stopped by {@link #close()}.
 */
public final class RestServerEndpoint implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RestServerEndpoint.class);
    private static final int IO_THREADS = 2;

    private enum State {
        CREATED,
        STARTED,
        CLOSED
    }

    private final RestServerConfig config;
    private final DispatcherGateway dispatcher;
    private final JobSubmitter submitter;
    private final Map<String, String> clusterConfiguration;
    private final Clock clock;
    private final SavepointOperations savepoints;
    private Runnable clusterShutdown;

    private State state = State.CREATED;
    private EventLoopGroup bossGroup;
    private EventLoopGroup workerGroup;
    private ExecutorService ioExecutor;
    private Channel serverChannel;

    /**
     * @param config where to listen and what to accept
     * @param dispatcher answers every query; its futures may complete on any thread
     * @param submitter takes over jobs submitted with {@code POST /jobs}
     * @param clusterConfiguration shown by {@code /jobmanager/config}; leave secrets out
     */
    public RestServerEndpoint(
            RestServerConfig config,
            DispatcherGateway dispatcher,
            JobSubmitter submitter,
            Map<String, String> clusterConfiguration) {
        this(config, dispatcher, submitter, clusterConfiguration, Clock.systemDefaultZone());
    }

    /** As above, with the clock behind {@code now}, durations and the time zone of {@code /config}. */
    public RestServerEndpoint(
            RestServerConfig config,
            DispatcherGateway dispatcher,
            JobSubmitter submitter,
            Map<String, String> clusterConfiguration,
            Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
        this.submitter = Objects.requireNonNull(submitter, "submitter");
        this.clusterConfiguration = Map.copyOf(clusterConfiguration);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.savepoints = new SavepointOperations(clock);
    }

    /**
     * Serves {@code DELETE /cluster} (Flink's "shut down the cluster") with {@code action}, which
     * must not block; without it that path is not served. Call before {@link #start()}.
     */
    public synchronized RestServerEndpoint onClusterShutdownRequest(Runnable action) {
        this.clusterShutdown = Objects.requireNonNull(action, "action");
        return this;
    }

    /**
     * Binds the port and starts serving.
     *
     * @throws IOException if the upload directory cannot be created or the address cannot be bound;
     *     the message names the address
     */
    public synchronized void start() throws IOException {
        if (state != State.CREATED) {
            throw new IllegalStateException(
                    "The REST server was " + state.name().toLowerCase() + " already.");
        }
        state = State.STARTED;
        Files.createDirectories(config.uploadDirectory());
        ObjectMapper mapper = RestJsonMapper.create();
        ioExecutor = Executors.newFixedThreadPool(IO_THREADS, new DefaultThreadFactory("floe-rest-io", true));
        bossGroup = new NioEventLoopGroup(1, new DefaultThreadFactory("floe-rest-boss", true));
        workerGroup = new NioEventLoopGroup(0, new DefaultThreadFactory("floe-rest-worker", true));
        Router<RestHandler> router = RestRoutes.create(
                dispatcher,
                submitter,
                clusterConfiguration,
                mapper,
                clock,
                savepoints,
                config.requestTimeout(),
                ioExecutor,
                clusterShutdown);
        JsonResponseWriter responseWriter = new JsonResponseWriter(mapper);
        RoutingHandler routingHandler = new RoutingHandler(router, responseWriter, ioExecutor);
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(bossGroup, workerGroup)
                .channel(NioServerSocketChannel.class)
                .childHandler(new RestChannelInitializer(config, responseWriter, routingHandler));
        try {
            serverChannel = bootstrap
                    .bind(config.bindAddress(), config.port())
                    .syncUninterruptibly()
                    .channel();
        } catch (Exception e) {
            // bind failures surface as unchecked, sneakily thrown checked exceptions
            stopThreads();
            throw new IOException(
                    "Could not start the REST server on " + config.bindAddress() + ":" + config.port() + ": "
                            + e.getMessage(),
                    e);
        }
        LOG.info(
                "REST server listening on {}:{} (uploads in {}, max content length {} bytes)",
                config.bindAddress(),
                getPort(),
                config.uploadDirectory(),
                config.maxContentLengthBytes());
    }

    /** The bound port: the configured one, or the one picked when it was 0. */
    public synchronized int getPort() {
        if (serverChannel == null) {
            throw new IllegalStateException("The REST server is not started.");
        }
        return ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    /**
     * Waits until the outcome of every savepoint triggered here was fetched by a client, at most
     * {@code max}: a cluster about to end calls it, so that {@code floe stop} gets its path.
     *
     * @return whether every outcome was fetched
     */
    public boolean awaitSavepointResultsFetched(Duration max) throws InterruptedException {
        try {
            savepoints.allFetched().get(max.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Stops accepting, closes open connections (deleting their partial uploads) and stops the threads. */
    @Override
    public synchronized void close() {
        if (state == State.CLOSED) {
            return;
        }
        boolean wasStarted = state == State.STARTED;
        state = State.CLOSED;
        if (serverChannel != null) {
            serverChannel.close().syncUninterruptibly();
        }
        stopThreads();
        if (wasStarted) {
            LOG.info("REST server on {}:{} stopped", config.bindAddress(), config.port());
        }
    }

    private void stopThreads() {
        if (workerGroup != null) {
            workerGroup.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        }
        if (bossGroup != null) {
            bossGroup.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        }
        if (ioExecutor != null) {
            // lets queued upload deletions finish
            ioExecutor.shutdown();
            try {
                if (!ioExecutor.awaitTermination(5, TimeUnit.SECONDS)) {
                    LOG.warn("REST I/O threads did not stop within 5 s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
