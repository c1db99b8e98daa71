package io.floe.runtime.rpc;

import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single thread, named {@code <endpointId>-main}, that runs everything of one endpoint:
 * {@code onStart}, incoming RPCs, {@code runAsync} work and {@code onStop}.
 *
 * <p>After {@link #shutdown()} new tasks are not run: they are cancelled and logged at DEBUG, so a
 * late {@code runAsync} on a closed endpoint is harmless. An exception escaping a task is logged
 * at ERROR, handed to the endpoint's error handler (on this thread) and does not kill the thread.
 */
final class MainThreadExecutor implements Executor {

    private static final Logger LOG = LoggerFactory.getLogger(MainThreadExecutor.class);

    private final String endpointId;
    private final ScheduledThreadPoolExecutor executor;
    private final Consumer<Throwable> errorHandler;
    private volatile Thread mainThread;

    MainThreadExecutor(String endpointId, Consumer<Throwable> errorHandler) {
        this.endpointId = endpointId;
        this.errorHandler = errorHandler;
        this.executor = new ScheduledThreadPoolExecutor(1, this::newThread, this::discardRejected);
        executor.setRemoveOnCancelPolicy(true);
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    private Thread newThread(Runnable runnable) {
        Thread thread = new Thread(runnable, endpointId + "-main");
        thread.setDaemon(true);
        mainThread = thread;
        return thread;
    }

    private void discardRejected(Runnable task, ThreadPoolExecutor rejecting) {
        if (task instanceof Future<?> future) {
            future.cancel(false);
        }
        LOG.debug("Dropped a task for endpoint {} because its main thread has shut down", endpointId);
    }

    /** Runs the task on the main thread; dropped (see class comment) after shutdown. */
    @Override
    public void execute(Runnable task) {
        executor.execute(guarded(task));
    }

    /** Runs the task on the main thread; returns {@code false} if it was refused after shutdown. */
    boolean tryExecute(Runnable task) {
        return !executor.submit(guarded(task)).isCancelled();
    }

    ScheduledFuture<?> schedule(Runnable task, long delay, TimeUnit unit) {
        return executor.schedule(guarded(task), delay, unit);
    }

    boolean isMainThread() {
        return Thread.currentThread() == mainThread;
    }

    String threadName() {
        return endpointId + "-main";
    }

    /** Stops accepting tasks; the thread ends after the task it is running, if any. */
    void shutdown() {
        executor.shutdown();
    }

    private Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (Throwable t) {
                LOG.error("Uncaught exception in the main thread of endpoint {}", endpointId, t);
                try {
                    errorHandler.accept(t);
                } catch (Throwable again) {
                    LOG.error("The error handler of endpoint {} failed too", endpointId, again);
                }
            }
        };
    }
}
