package io.floe.runtime.rpc;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Base class of every component reachable by RPC. Subclasses implement one or more gateway
 * interfaces; the service invokes those methods when calls arrive.
 *
 * <p><b>Main thread.</b> Each endpoint owns one thread, {@code <endpointId>-main}. {@link #onStart},
 * every incoming call, {@link #runAsync}/{@link #callAsync}/{@link #scheduleRunAsync} work and
 * {@link #onStop} run on it, one at a time, so endpoint state needs no locks. Code running on other
 * threads (future callbacks, timers) must hop onto it through {@link #getMainThreadExecutor()}.
 * Never block the main thread waiting for an ask.
 *
 * <p><b>Lifecycle.</b> created &rarr; {@link #start()} &rarr; {@code onStart} &rarr; running
 * &rarr; {@link #closeAsync()} &rarr; {@code onStop} &rarr; terminated. Calls are accepted from
 * {@code start()} on (they queue behind {@code onStart}); once closing begins they fail with
 * {@link RecipientUnreachableException}.
 */
public abstract class RpcEndpoint implements RpcGateway {

    private static final Logger LOG = LoggerFactory.getLogger(RpcEndpoint.class);

    private final RpcService rpcService;
    private final RpcEndpointRegistry registry;
    private final String endpointId;
    private final String address;
    private final MainThreadExecutor mainThread;
    private final CompletableFuture<Void> terminationFuture = new CompletableFuture<>();
    private final Object lifecycleLock = new Object();

    /** Written under lifecycleLock, read lock-free by Netty threads. */
    private volatile boolean started;

    private volatile boolean closeRequested;
    /** Set before registration; read by Netty threads after they found this endpoint. */
    private volatile GatewayMethodTable gatewayMethods;
    /** Main thread only: onStart succeeded and onStop has not begun. */
    private boolean running;

    /**
     * @param rpcService the service that hosts this endpoint
     * @param endpointId unique among the endpoints of that service; no '/' or whitespace
     */
    protected RpcEndpoint(RpcService rpcService, String endpointId) {
        this.rpcService = Objects.requireNonNull(rpcService, "rpcService");
        if (endpointId == null || endpointId.isEmpty() || !endpointId.matches("[^/\\s]+")) {
            throw new IllegalArgumentException(
                    "Endpoint id must be non-empty without '/' or whitespace, was '" + endpointId + "'");
        }
        this.registry = rpcService.endpoints();
        this.endpointId = endpointId;
        this.address = RpcAddress.format(rpcService.getAddress(), rpcService.getPort(), endpointId);
        this.mainThread = new MainThreadExecutor(endpointId, this::onMainThreadError);
    }

    /**
     * Registers the endpoint with its service, so calls are accepted, and runs {@link #onStart()}
     * as the first task of the main thread. Callable from any thread, once. Fails with
     * IllegalStateException if the endpoint was started or closed before, if its id is already in
     * use, or if its gateway interfaces overload a method name.
     */
    public final void start() {
        synchronized (lifecycleLock) {
            if (started || closeRequested) {
                throw new IllegalStateException("Endpoint " + endpointId + " was already started or closed");
            }
            try {
                gatewayMethods = GatewayMethodTable.forEndpoint(getClass());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("Endpoint " + endpointId + " cannot start: " + e.getMessage(), e);
            }
            registry.register(this);
            mainThread.execute(this::startOnMainThread);
            started = true; // only now do Netty threads dispatch calls, so they queue behind onStart
        }
    }

    private void startOnMainThread() {
        LOG.info("Starting RPC endpoint {} at {}", endpointId, address);
        try {
            onStart();
            running = true;
        } catch (Throwable t) {
            LOG.error("onStart of RPC endpoint {} failed; closing the endpoint", endpointId, t);
            closeAsync();
        }
    }

    /**
     * Called on the main thread before any call is processed. An exception closes the endpoint.
     */
    protected void onStart() throws Exception {}

    /**
     * Stops the endpoint: refuses further calls, runs {@link #onStop()} on the main thread, waits for
     * its future, unregisters and shuts the main thread down. Idempotent and callable from any
     * thread; returns the termination future, which fails if {@code onStop} failed. An endpoint
     * that was never started terminates without running {@code onStop}.
     */
    public final CompletableFuture<Void> closeAsync() {
        boolean wasStarted;
        synchronized (lifecycleLock) {
            if (closeRequested) {
                return terminationFuture;
            }
            closeRequested = true;
            wasStarted = started;
        }
        if (!wasStarted || !mainThread.tryExecute(this::stopOnMainThread)) {
            finishTermination(null);
        }
        return terminationFuture;
    }

    private void stopOnMainThread() {
        running = false;
        LOG.info("Stopping RPC endpoint {}", endpointId);
        CompletableFuture<Void> stopped;
        try {
            stopped = Objects.requireNonNull(onStop(), "onStop() returned null");
        } catch (Throwable t) {
            stopped = CompletableFuture.failedFuture(t);
        }
        stopped.whenComplete((ignored, failure) -> finishTermination(failure));
    }

    private void finishTermination(Throwable failure) {
        registry.unregister(this);
        mainThread.shutdown();
        if (failure != null) {
            LOG.warn("RPC endpoint {} terminated; onStop failed", endpointId, failure);
            terminationFuture.completeExceptionally(failure);
        } else {
            LOG.info("RPC endpoint {} terminated", endpointId);
            terminationFuture.complete(null);
        }
    }

    /**
     * Called on the main thread after a task of it threw (a bug: calls answer their own failures),
     * once the error is logged. The default does nothing more; an endpoint whose state may now be
     * inconsistent overrides it to end what it runs (a JobMaster fails its job).
     */
    protected void onMainThreadError(Throwable error) {}

    /**
     * Called on the main thread when the endpoint closes; the endpoint terminates when the returned
     * future completes. {@code runAsync} still works until then.
     */
    protected CompletableFuture<Void> onStop() {
        return CompletableFuture.completedFuture(null);
    }

    /** Completes when the endpoint has terminated (exceptionally if {@code onStop} failed). */
    public final CompletableFuture<Void> getTerminationFuture() {
        return terminationFuture;
    }

    /** Returns {@code host:port/endpointId}. */
    @Override
    public final String getAddress() {
        return address;
    }

    @Override
    public final String getHostname() {
        return rpcService.getAddress();
    }

    public final String getEndpointId() {
        return endpointId;
    }

    public final RpcService getRpcService() {
        return rpcService;
    }

    /** The time, from the clock of the hosting service: use it instead of {@code System.currentTimeMillis()}. */
    protected final Clock clock() {
        return rpcService.clock();
    }

    /** Runs the runnable on the main thread; silently dropped (DEBUG log) once terminated. */
    protected final void runAsync(Runnable runnable) {
        mainThread.execute(runnable);
    }

    /**
     * Runs the callable on the main thread; the future fails with {@link RpcTimeoutException} if it
     * has not completed within {@code timeout}, and with {@link RecipientUnreachableException} if the
     * endpoint has terminated.
     */
    protected final <V> CompletableFuture<V> callAsync(Callable<V> callable, Duration timeout) {
        CompletableFuture<V> result = new CompletableFuture<>();
        try {
            ScheduledFuture<?> timeoutTask = rpcService
                    .getScheduledExecutor()
                    .schedule(
                            () -> result.completeExceptionally(new RpcTimeoutException(
                                    "callAsync on endpoint " + endpointId + " did not complete within " + timeout)),
                            Math.max(0, timeout.toNanos()),
                            TimeUnit.NANOSECONDS);
            result.whenComplete((value, failure) -> timeoutTask.cancel(false));
        } catch (RejectedExecutionException e) {
            LOG.debug("No timeout for callAsync on {}: the RPC service is closed", endpointId);
        }
        boolean accepted = mainThread.tryExecute(() -> {
            try {
                result.complete(callable.call());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        if (!accepted) {
            result.completeExceptionally(
                    new RecipientUnreachableException("Endpoint " + endpointId + " has terminated"));
        }
        return result;
    }

    /** Runs the runnable on the main thread after the delay; never runs once terminated. */
    protected final ScheduledFuture<?> scheduleRunAsync(Runnable runnable, long delay, TimeUnit unit) {
        return mainThread.schedule(runnable, delay, unit);
    }

    /** Returns an executor that runs tasks on the main thread. */
    protected final Executor getMainThreadExecutor() {
        return mainThread;
    }

    /** Throws IllegalStateException unless called on the main thread. */
    protected final void validateRunsInMainThread() {
        if (!mainThread.isMainThread()) {
            throw new IllegalStateException("Expected to run in " + mainThread.threadName() + " but ran in "
                    + Thread.currentThread().getName());
        }
    }

    // ---- used by RPC services ---------------------------------------------------------------

    MainThreadExecutor mainThread() {
        return mainThread;
    }

    /** The gateway methods calls may invoke; set when the endpoint starts. For RPC services. */
    public final GatewayMethodTable gatewayMethods() {
        return gatewayMethods;
    }

    /** Whether RPC services may dispatch calls to this endpoint: started and not closing. */
    public final boolean isReachable() {
        return started && !closeRequested;
    }

    /** Main thread only: whether calls may be invoked now. */
    boolean isRunning() {
        return running;
    }

    /**
     * Main thread only: fails with {@link FencingTokenException} if a fenced call with this token
     * must not run. Plain endpoints accept every token.
     */
    void checkFencingToken(String receivedToken) {}
}
