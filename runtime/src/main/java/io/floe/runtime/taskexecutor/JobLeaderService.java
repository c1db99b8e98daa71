package io.floe.runtime.taskexecutor;

import io.floe.api.JobId;
import io.floe.runtime.deployment.TaskManagerLocation;
import io.floe.runtime.jobmaster.JobMasterGateway;
import io.floe.runtime.rpc.RpcService;
import io.floe.runtime.util.ExponentialBackoff;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the JobMaster leader of each job that has slots here: connects to it with that run's
 * fencing token, registers this TaskManager (retrying with backoff), and tells the TaskExecutor
 * when the connection is up. A new JobMaster id for a job replaces the old connection. Main
 * thread only; callbacks arrive on the main thread.
 */
final class JobLeaderService {
    private static final Logger LOG = LoggerFactory.getLogger(JobLeaderService.class);
    private static final ExponentialBackoff REGISTRATION_BACKOFF =
            new ExponentialBackoff(Duration.ofMillis(50), Duration.ofSeconds(5));

    private final RpcService rpcService;
    private final TaskManagerLocation location;
    private final Executor mainThread;
    private final ScheduledExecutorService scheduler;
    private final BiConsumer<JobId, JobMasterGateway> onConnected;
    private final Map<JobId, Leader> leaders = new HashMap<>();

    private static final class Leader {
        final String address;
        final UUID jobMasterId;
        JobMasterGateway gateway;
        /** The last retry delay; null before the first retry. */
        Duration retryDelay;

        Leader(String address, UUID jobMasterId) {
            this.address = address;
            this.jobMasterId = jobMasterId;
        }
    }

    JobLeaderService(
            RpcService rpcService,
            TaskManagerLocation location,
            Executor mainThread,
            ScheduledExecutorService scheduler,
            BiConsumer<JobId, JobMasterGateway> onConnected) {
        this.rpcService = rpcService;
        this.location = location;
        this.mainThread = mainThread;
        this.scheduler = scheduler;
        this.onConnected = onConnected;
    }

    /** Starts following a job's JobMaster; if already connected to that run, calls back at once. */
    void addJob(JobId jobId, String address, UUID jobMasterId) {
        Leader current = leaders.get(jobId);
        if (current != null && current.jobMasterId.equals(jobMasterId)) {
            if (current.gateway != null) {
                onConnected.accept(jobId, current.gateway);
            }
            return;
        }
        Leader leader = new Leader(address, jobMasterId);
        leaders.put(jobId, leader);
        connect(jobId, leader);
    }

    private void connect(JobId jobId, Leader leader) {
        rpcService
                .connect(leader.address, leader.jobMasterId, JobMasterGateway.class)
                .thenCompose(gateway -> gateway.registerTaskManager(location).thenApply(ok -> gateway))
                .whenCompleteAsync(
                        (gateway, error) -> {
                            if (leaders.get(jobId) != leader) {
                                return;
                            }
                            if (error == null) {
                                LOG.info("Connected to the JobMaster of job {} at {}", jobId, leader.address);
                                leader.gateway = gateway;
                                onConnected.accept(jobId, gateway);
                            } else {
                                LOG.debug(
                                        "Registration at the JobMaster of job {} failed, retrying: {}",
                                        jobId,
                                        error.toString());
                                leader.retryDelay = REGISTRATION_BACKOFF.next(leader.retryDelay);
                                scheduler.schedule(
                                        () -> mainThread.execute(() -> {
                                            if (leaders.get(jobId) == leader) {
                                                connect(jobId, leader);
                                            }
                                        }),
                                        leader.retryDelay.toMillis(),
                                        TimeUnit.MILLISECONDS);
                            }
                        },
                        mainThread);
    }

    JobMasterGateway gateway(JobId jobId) {
        Leader leader = leaders.get(jobId);
        return leader == null ? null : leader.gateway;
    }

    UUID jobMasterId(JobId jobId) {
        Leader leader = leaders.get(jobId);
        return leader == null ? null : leader.jobMasterId;
    }

    void removeJob(JobId jobId) {
        leaders.remove(jobId);
    }

    Iterable<JobId> jobs() {
        return List.copyOf(leaders.keySet());
    }
}
