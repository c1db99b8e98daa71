package io.floe.runtime.rpc.netty;

import io.floe.runtime.rpc.FencedRpcGateway;
import io.floe.runtime.rpc.GatewayMethodTable;
import io.floe.runtime.rpc.RpcAddress;
import io.floe.runtime.rpc.RpcConnectionException;
import io.floe.runtime.rpc.RpcEndpoint;
import io.floe.runtime.rpc.RpcEndpointRegistry;
import io.floe.runtime.rpc.RpcException;
import io.floe.runtime.rpc.RpcGateway;
import io.floe.runtime.rpc.RpcService;
import io.floe.runtime.security.ClusterSecret;
import io.floe.runtime.security.RefusedConnectionLog;
import io.floe.runtime.security.SecretChallengeServerHandler;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.Serializable;
import java.lang.reflect.Proxy;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link RpcService} of one process, on Netty: a TCP server that hosts this process's
 * endpoints and a pool of client connections to other services. Every call goes over TCP, even to
 * an endpoint of the same service.
 *
 * <p>Threads: Netty I/O threads {@code floe-rpc-netty-*} (shared by server and client sides) and
 * the shared timer {@code floe-rpc-timer-*}, which also runs ask timeouts. Every hosted endpoint
 * has its own main thread.
 */
public final class NettyRpcService implements RpcService {

    private static final Logger LOG = LoggerFactory.getLogger(NettyRpcService.class);
    private static final int TIMER_THREADS = 2;

    private final RpcServiceConfig config;
    private final EventLoopGroup eventLoopGroup;
    private final ScheduledThreadPoolExecutor timer;
    private final ChannelGroup channels;
    private final RpcEndpointRegistry registry = new RpcEndpointRegistry();
    private final RpcConnectionPool connectionPool;
    private final RpcRequestSender requestSender;
    private final AtomicBoolean closing = new AtomicBoolean();
    private final CompletableFuture<Void> terminationFuture = new CompletableFuture<>();
    private volatile Channel serverChannel;
    private final ClusterSecret secret;
    private final RefusedConnectionLog refusals = new RefusedConnectionLog("RPC service");

    private NettyRpcService(RpcServiceConfig config, ClusterSecret secret) {
        this.config = config;
        this.secret = secret;
        int ioThreads = Math.max(2, Runtime.getRuntime().availableProcessors());
        this.eventLoopGroup = new NioEventLoopGroup(ioThreads, new DefaultThreadFactory("floe-rpc-netty", true));
        this.timer = new ScheduledThreadPoolExecutor(TIMER_THREADS, new DefaultThreadFactory("floe-rpc-timer", true));
        timer.setRemoveOnCancelPolicy(true);
        this.channels = new DefaultChannelGroup("floe-rpc", eventLoopGroup.next());
        RpcMessageCodec codec = new RpcMessageCodec(config.maxFrameSizeBytes());
        this.connectionPool = new RpcConnectionPool(
                eventLoopGroup, channels, codec, config.maxFrameSizeBytes(), config.askTimeout(), secret);
        this.requestSender = new RpcRequestSender(connectionPool, codec, timer);
    }

    /**
     * Binds the server socket and returns the running service. Blocks until bound; fails with
     * {@link RpcException} naming the address if the bind fails.
     */
    public static NettyRpcService start(RpcServiceConfig config) {
        return start(config, null);
    }

    /**
     * Like {@link #start(RpcServiceConfig)}, but every connection, in and out, must first prove
     * {@code secret} (null: no authentication, for tests of the RPC layer alone).
     */
    public static NettyRpcService start(RpcServiceConfig config, ClusterSecret secret) {
        NettyRpcService service = new NettyRpcService(Objects.requireNonNull(config, "config"), secret);
        service.bind();
        return service;
    }

    private void bind() {
        RpcMessageCodec codec = new RpcMessageCodec(config.maxFrameSizeBytes());
        ChannelFuture binding = new ServerBootstrap()
                .group(eventLoopGroup)
                .channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new RpcChannelInitializer(
                        config.maxFrameSizeBytes(),
                        codec,
                        channels,
                        channel -> new RpcServerHandler(registry, codec, config.reachableAddress() + ":" + getPort()),
                        secret == null ? null : () -> new SecretChallengeServerHandler(secret, refusals)))
                .bind(config.bindAddress(), config.port())
                .awaitUninterruptibly();
        if (!binding.isSuccess()) {
            closeAsync();
            throw new RpcException(
                    "Could not bind the RPC service to " + config.bindAddress() + ":" + config.port(), binding.cause());
        }
        serverChannel = binding.channel();
        channels.add(serverChannel);
        LOG.info(
                "RPC service listening on {}, reachable as {}:{}",
                serverChannel.localAddress(),
                config.reachableAddress(),
                getPort());
    }

    @Override
    public String getAddress() {
        return config.reachableAddress();
    }

    @Override
    public int getPort() {
        Channel channel = serverChannel;
        return channel == null ? config.port() : ((InetSocketAddress) channel.localAddress()).getPort();
    }

    @Override
    public <C extends RpcGateway> CompletableFuture<C> connect(String address, Class<C> gatewayClass) {
        return connectGateway(address, null, gatewayClass);
    }

    @Override
    public <F extends Serializable, C extends FencedRpcGateway<F>> CompletableFuture<C> connect(
            String address, F fencingToken, Class<C> gatewayClass) {
        return connectGateway(address, fencingToken, gatewayClass);
    }

    private <C extends RpcGateway> CompletableFuture<C> connectGateway(
            String address, Serializable fencingToken, Class<C> gatewayClass) {
        RpcAddress target;
        GatewayMethodTable methods;
        try {
            target = RpcAddress.parse(address);
            methods = GatewayMethodTable.forGateway(Objects.requireNonNull(gatewayClass, "gatewayClass"));
        } catch (IllegalArgumentException | NullPointerException e) {
            return CompletableFuture.failedFuture(e);
        }
        return requestSender
                .handshake(target, gatewayClass, config.askTimeout())
                .thenApply(ignored -> {
                    LOG.debug("Connected gateway {} to {}", gatewayClass.getSimpleName(), target);
                    RpcInvocationHandler handler = new RpcInvocationHandler(
                            target, gatewayClass, methods, fencingToken, requestSender, config.askTimeout());
                    return gatewayClass.cast(Proxy.newProxyInstance(
                            gatewayClass.getClassLoader(), new Class<?>[] {gatewayClass}, handler));
                });
    }

    @Override
    public ScheduledExecutorService getScheduledExecutor() {
        return timer;
    }

    /**
     * Closes all hosted endpoints and waits for them (at most the ask timeout), then closes every connection (pending
     * asks
     * fail with {@link RpcConnectionException}) and stops the service's threads. Idempotent;
     * callable from any thread except an endpoint's main thread waiting on the result.
     */
    @Override
    public CompletableFuture<Void> closeAsync() {
        if (!closing.compareAndSet(false, true)) {
            return terminationFuture;
        }
        LOG.info("Closing RPC service {}:{}", getAddress(), getPort());
        List<RpcEndpoint> endpoints = registry.close();
        CompletableFuture<?>[] terminations =
                endpoints.stream().map(RpcEndpoint::closeAsync).toArray(CompletableFuture<?>[]::new);
        CompletableFuture<Void> endpointsClosed = CompletableFuture.allOf(terminations);
        // An endpoint whose onStop never completes must not keep the service open forever.
        ScheduledFuture<?> patience = timer.schedule(
                () -> {
                    if (endpointsClosed.complete(null)) {
                        LOG.warn(
                                "Endpoints of RPC service {}:{} did not terminate within {}; closing connections "
                                        + "anyway",
                                getAddress(),
                                getPort(),
                                config.askTimeout());
                    }
                },
                config.askTimeout().toNanos(),
                TimeUnit.NANOSECONDS);
        endpointsClosed.whenComplete((ignored, failure) -> {
            patience.cancel(false);
            if (failure != null) {
                LOG.warn("An endpoint failed while the RPC service closed", failure);
            }
            closeNetwork();
        });
        return terminationFuture;
    }

    private void closeNetwork() {
        connectionPool.close();
        channels.close().addListener(closed -> eventLoopGroup
                .shutdownGracefully(0, 2, TimeUnit.SECONDS)
                .addListener(stopped -> {
                    timer.shutdownNow();
                    LOG.info("RPC service {}:{} closed", getAddress(), getPort());
                    terminationFuture.complete(null);
                }));
    }

    @Override
    public Clock clock() {
        return Clock.systemUTC();
    }

    @Override
    public RpcEndpointRegistry endpoints() {
        return registry;
    }
}
