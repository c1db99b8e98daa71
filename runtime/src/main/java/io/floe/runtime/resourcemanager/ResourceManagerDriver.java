package io.floe.runtime.resourcemanager;

import io.floe.runtime.types.ResourceId;

/**
 * How an active ResourceManager starts and stops TaskManagers on a cluster manager (YARN); the
 * standalone cluster has none. The ResourceManager calls it on its main thread; the driver reports
 * what happened through the {@link WorkerEvents} it was initialized with, from any thread (the
 * ResourceManager hops onto its main thread). A worker's id is the ResourceId its TaskManager
 * registers with (on YARN: the container id), so the two can be matched.
 */
public interface ResourceManagerDriver {

    /** What a driver tells its ResourceManager. Any thread. */
    interface WorkerEvents {
        /** A worker stopped for good (exit, kill, lost node), with the reason in one line. */
        void onWorkerTerminated(ResourceId worker, String diagnostics);

        /** The driver failed and cannot go on (for example it lost the cluster manager). */
        void onError(Throwable error);
    }

    /** Starts the driver; called once before any other method. */
    void initialize(WorkerEvents events) throws Exception;

    /**
     * Asks for one more TaskManager with {@code taskmanager.numberOfTaskSlots} slots; it registers
     * with the container's id as its ResourceId when up. The ResourceManager counts it as pending
     * until then, or until {@link WorkerEvents#onWorkerTerminated} names a worker that never
     * registered. Must not block (the call is on the ResourceManager's main thread).
     */
    void requestWorker();

    /**
     * Stops a registered TaskManager that is no longer needed (idle longer than
     * {@code resourcemanager.taskmanager-timeout}). Its end is not reported back through
     * {@link WorkerEvents#onWorkerTerminated}. Must not block.
     */
    void releaseWorker(ResourceId worker);

    /**
     * A TaskManager registered (or registered again); a driver that took over workers of an earlier
     * application attempt learns which of them are back. Must not block.
     */
    default void workerRegistered(ResourceId worker) {}

    /**
     * The application ended: unregister from the cluster manager with the final status and
     * diagnostics. May block until the cluster manager acknowledged; failures are logged, not thrown.
     */
    void deregisterApplication(ApplicationStatus status, String diagnostics);

    /** Stops the driver and everything it started; idempotent. */
    void terminate();

    /** How an application ended, as the cluster manager records it. */
    enum ApplicationStatus {
        SUCCEEDED,
        FAILED,
        CANCELED,
        UNKNOWN
    }
}
