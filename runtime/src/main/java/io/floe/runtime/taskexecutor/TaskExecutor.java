package io.floe.runtime.taskexecutor;

import io.floe.api.JobId;
import io.floe.runtime.blob.BlobCache;
import io.floe.runtime.checkpoint.CheckpointType;
import io.floe.runtime.checkpoint.StateFiles;
import io.floe.runtime.checkpoint.TaskStateSnapshot;
import io.floe.runtime.deployment.SlotOffer;
import io.floe.runtime.deployment.SlotReport;
import io.floe.runtime.deployment.TaskDeploymentDescriptor;
import io.floe.runtime.deployment.TaskExecutionState;
import io.floe.runtime.deployment.TaskExecutorRegistration;
import io.floe.runtime.deployment.TaskManagerLocation;
import io.floe.runtime.execution.ErrorInfo;
import io.floe.runtime.execution.ExecutionState;
import io.floe.runtime.heartbeat.HeartbeatTimeouts;
import io.floe.runtime.highavailability.LeaderRetrieval;
import io.floe.runtime.jobmaster.JobMasterGateway;
import io.floe.runtime.network.NetworkEnvironment;
import io.floe.runtime.network.ResultPartition;
import io.floe.runtime.resourcemanager.ResourceManager;
import io.floe.runtime.resourcemanager.ResourceManagerGateway;
import io.floe.runtime.rpc.FencingTokens;
import io.floe.runtime.rpc.RecipientUnreachableException;
import io.floe.runtime.rpc.RpcEndpoint;
import io.floe.runtime.rpc.RpcService;
import io.floe.runtime.task.Task;
import io.floe.runtime.taskexecutor.slot.TaskSlot;
import io.floe.runtime.taskexecutor.slot.TaskSlotState;
import io.floe.runtime.taskexecutor.slot.TaskSlotTable;
import io.floe.runtime.types.AllocationId;
import io.floe.runtime.types.ExecutionAttemptId;
import io.floe.runtime.types.ResourceId;
import io.floe.runtime.types.SlotId;
import io.floe.runtime.util.ExponentialBackoff;
import io.floe.runtime.util.Futures;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.hadoop.conf.Configuration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The TaskManager's endpoint. Registers with the ResourceManager (retrying), answers heartbeats,
 * receives slot allocations and offers those slots to the job's JobMaster through the
 * {@link JobLeaderService}, runs submitted tasks (one thread each) and reports their states.
 * If the ResourceManager stops heartbeating it registers again; if a JobMaster does, the job's
 * tasks are cancelled and its slots freed. All state lives on the main thread.
 */
public class TaskExecutor extends RpcEndpoint implements TaskExecutorGateway {
    public static final String ENDPOINT_ID = "taskmanager";
    private static final Logger LOG = LoggerFactory.getLogger(TaskExecutor.class);
    private static final Duration INITIAL_REGISTRATION_BACKOFF = Duration.ofMillis(50);

    private final TaskExecutorSettings settings;
    private final ResourceId resourceId;
    private final NetworkEnvironment network;
    private final TaskSlotTable<Task> slots;
    private final JobClassLoaders classLoaders;
    private final JobLeaderService jobLeaders;
    /** JobMasters of the jobs with slots here, by when they last heartbeated. */
    private final HeartbeatTimeouts<JobId> jobManagerHeartbeats;
    /** The ResourceManager this TaskManager is registered at, if it is, by when it last heartbeated. */
    private final HeartbeatTimeouts<String> resourceManagerHeartbeats;

    private final ExponentialBackoff registrationBackoff;
    private final CheckpointResponder checkpointResponder = new CheckpointResponder();
    /** Reads and writes checkpoint state for every task here; its Hadoop configuration loads on first use. */
    private StateFiles stateFiles;

    private ResourceManagerGateway resourceManager;
    private Duration registrationDelay;
    private boolean registering;
    /** Where the ResourceManager is now: the configured address, or the leader's last published one. */
    private String resourceManagerAddress;
    /** The token of the leader last read (null before the first read, and with a fixed leader). */
    private String leaderToken;
    /** Reads the published leader (blocking I/O) off the main thread; null with a fixed leader. */
    private final ExecutorService leaderReads;

    private boolean checkingLeader;

    /** @param blobCaches the BlobCache of a BlobServer's host:port, from which job jars are fetched */
    public TaskExecutor(
            RpcService rpcService,
            TaskExecutorSettings settings,
            ResourceId resourceId,
            NetworkEnvironment network,
            Function<String, BlobCache> blobCaches) {
        super(rpcService, ENDPOINT_ID);
        this.settings = settings;
        this.resourceId = resourceId;
        this.network = network;
        this.slots = new TaskSlotTable<>(settings.numberOfSlots());
        this.classLoaders = new JobClassLoaders(TaskExecutor.class.getClassLoader(), blobCaches);
        this.jobManagerHeartbeats = new HeartbeatTimeouts<>(settings.heartbeatTimeout(), clock()::millis);
        this.resourceManagerHeartbeats = new HeartbeatTimeouts<>(settings.heartbeatTimeout(), clock()::millis);
        this.registrationBackoff = new ExponentialBackoff(
                INITIAL_REGISTRATION_BACKOFF,
                settings.maxRegistrationBackoff().compareTo(INITIAL_REGISTRATION_BACKOFF) < 0
                        ? INITIAL_REGISTRATION_BACKOFF
                        : settings.maxRegistrationBackoff());
        this.jobLeaders = new JobLeaderService(
                rpcService, location(), getMainThreadExecutor(), rpcService.getScheduledExecutor(), this::offerSlots);
        this.resourceManagerAddress = settings.resourceManagerAddress();
        this.leaderReads = settings.leaderRetrieval().isFixed()
                ? null
                : Executors.newSingleThreadExecutor(runnable -> {
                    Thread thread = new Thread(runnable, "leader-retrieval-" + resourceId);
                    thread.setDaemon(true);
                    return thread;
                });
    }

    public ResourceId getResourceId() {
        return resourceId;
    }

    private TaskManagerLocation location() {
        return new TaskManagerLocation(resourceId, getAddress(), network.getDataHost(), network.getDataPort());
    }

    @Override
    protected void onStart() {
        LOG.info(
                "TaskManager {} started at {} with {} slots, data port {}",
                resourceId,
                getAddress(),
                settings.numberOfSlots(),
                network.getDataPort());
        if (leaderReads != null) { // a leader that says when it changes is followed at once, not at the next check
            settings.leaderRetrieval().onChange(() -> runAsync(this::checkLeader));
        }
        registerAtResourceManager();
        scheduleWatchdog();
    }

    // ---------------------------------------------------------------- ResourceManager connection

    private void registerAtResourceManager() {
        if (registering) {
            return;
        }
        registering = true;
        TaskExecutorRegistration registration = new TaskExecutorRegistration(location(), settings.numberOfSlots(), 0L);
        String[] address = new String[1];
        currentResourceManager()
                .thenCompose(current -> {
                    address[0] = current;
                    return getRpcService()
                            .connect(current, FencingTokens.DEFAULT_LEADER_ID, ResourceManagerGateway.class);
                })
                .thenCompose(gateway -> gateway.registerTaskExecutor(registration, slots.createSlotReport(resourceId))
                        .thenApply(ok -> gateway))
                .whenCompleteAsync(
                        (gateway, error) -> {
                            registering = false;
                            if (error == null && address[0].equals(resourceManagerAddress)) {
                                LOG.info("Registered at the ResourceManager {}", resourceManagerAddress);
                                resourceManager = gateway;
                                resourceManagerHeartbeats.heard(resourceManagerAddress);
                                registrationDelay = null;
                            } else if (error == null) { // the leader changed meanwhile: register at the new one
                                registerAtResourceManager();
                            } else {
                                registrationDelay = registrationBackoff.next(registrationDelay);
                                LOG.info(
                                        "Could not register at the ResourceManager {} ({}); retrying in {} ms",
                                        address[0] != null ? address[0] : resourceManagerAddress,
                                        error.toString(),
                                        registrationDelay.toMillis());
                                scheduleRunAsync(
                                        this::registerAtResourceManager,
                                        registrationDelay.toMillis(),
                                        TimeUnit.MILLISECONDS);
                            }
                        },
                        getMainThreadExecutor());
    }

    /** The ResourceManager's address: the configured one, or the published leader's (read off the main thread). */
    private CompletableFuture<String> currentResourceManager() {
        if (leaderReads == null) {
            return CompletableFuture.completedFuture(resourceManagerAddress);
        }
        return readLeader().thenApplyAsync(this::followLeader, getMainThreadExecutor());
    }

    private CompletableFuture<LeaderRetrieval.Leader> readLeader() {
        return Futures.supplyIo(settings.leaderRetrieval()::current, leaderReads);
    }

    /**
     * Takes {@code leader} as the one to register at. When it is a new leader (a new YARN
     * application attempt), the jobs the old one placed here end first: their tasks are cancelled
     * and their slots freed, so the new leader finds them free. Main thread; returns the address.
     */
    private String followLeader(LeaderRetrieval.Leader leader) {
        if (leader == null || leader.token().equals(leaderToken)) {
            return resourceManagerAddress; // none published yet, or the same leader
        }
        if (leaderToken != null) {
            LOG.info(
                    "A new JobManager leads ({}, ResourceManager at {}); releasing what the last one ({}) placed here",
                    leader.token(),
                    leader.resourceManagerAddress(),
                    leaderToken);
            Set<JobId> jobs = new HashSet<>();
            jobLeaders.jobs().forEach(jobs::add);
            for (int index = 0; index < slots.size(); index++) {
                JobId slotJob = slots.slot(index).getJobId();
                if (slotJob != null) {
                    jobs.add(slotJob);
                }
            }
            for (JobId jobId : jobs) {
                releaseJob(jobId, "a new JobManager leads (" + leader.token() + ")");
            }
            resourceManager = null;
        }
        leaderToken = leader.token();
        resourceManagerAddress = leader.resourceManagerAddress();
        return resourceManagerAddress;
    }

    /** With a published leader: checks for a new one now and then, and registers there when there is. */
    private void checkLeader() {
        if (leaderReads == null || checkingLeader) {
            return;
        }
        checkingLeader = true;
        readLeader()
                .whenCompleteAsync(
                        (leader, error) -> {
                            checkingLeader = false;
                            if (error != null) {
                                LOG.debug("Could not read the leader from {}: {}", settings.leaderRetrieval(), error);
                                return;
                            }
                            String before = leaderToken;
                            followLeader(leader);
                            if (!Objects.equals(before, leaderToken) && resourceManager == null) {
                                registerAtResourceManager();
                            }
                        },
                        getMainThreadExecutor());
    }

    /** Watches that the ResourceManager and each JobMaster keep heartbeating this TaskManager. */
    private void scheduleWatchdog() {
        scheduleRunAsync(
                () -> {
                    long timeout = settings.heartbeatTimeout().toMillis();
                    checkLeader();
                    if (!resourceManagerHeartbeats.removeExpired().isEmpty() && resourceManager != null) {
                        LOG.warn("The ResourceManager has not heartbeated for {} ms; registering again", timeout);
                        resourceManager = null;
                        registerAtResourceManager();
                    }
                    for (JobId jobId : jobManagerHeartbeats.removeExpired()) {
                        releaseJob(jobId, "the JobMaster has not heartbeated for " + timeout + " ms");
                    }
                    scheduleWatchdog();
                },
                Math.max(50, settings.heartbeatInterval().toMillis() / 2),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public CompletableFuture<SlotReport> heartbeatFromResourceManager(Duration timeout) {
        validateRunsInMainThread();
        if (resourceManager != null) {
            resourceManagerHeartbeats.heard(resourceManagerAddress);
        }
        return CompletableFuture.completedFuture(slots.createSlotReport(resourceId));
    }

    // ---------------------------------------------------------------- slots

    @Override
    public CompletableFuture<Void> requestSlot(
            SlotId slotId, JobId jobId, AllocationId allocationId, String jobMasterAddress, UUID jobMasterId) {
        validateRunsInMainThread();
        try {
            slots.allocateSlot(slotId.index(), jobId, allocationId, jobMasterId);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        LOG.info("Slot {} allocated to job {} ({})", slotId, jobId, allocationId);
        jobManagerHeartbeats.watch(jobId);
        jobLeaders.addJob(jobId, jobMasterAddress, jobMasterId);
        return CompletableFuture.completedFuture(null);
    }

    /** Offers every ALLOCATED slot of the job to its JobMaster; rejected ones are freed. */
    private void offerSlots(JobId jobId, JobMasterGateway jobMaster) {
        List<SlotOffer> offers = new ArrayList<>();
        for (TaskSlot<Task> slot : slots.slotsOf(jobId)) {
            if (slot.getState() == TaskSlotState.ALLOCATED) {
                offers.add(new SlotOffer(slot.getAllocationId(), slot.getIndex()));
            }
        }
        if (offers.isEmpty()) {
            return;
        }
        jobMaster
                .offerSlots(resourceId, offers)
                .whenCompleteAsync(
                        (accepted, error) -> {
                            if (error != null) {
                                Throwable cause = error instanceof CompletionException && error.getCause() != null
                                        ? error.getCause()
                                        : error;
                                if (cause instanceof RecipientUnreachableException) {
                                    // the job ended while the ResourceManager still gave it this slot: expected, not a
                                    // fault
                                    LOG.info(
                                            "The JobMaster of job {} has ended; freeing the {} slot(s) offered to it",
                                            jobId,
                                            offers.size());
                                } else {
                                    LOG.info(
                                            "Offering slots to the JobMaster of job {} failed: {}",
                                            jobId,
                                            cause.toString());
                                }
                                offers.forEach(o -> freeSlotInternal(o.allocationId(), "offer failed"));
                                return;
                            }
                            for (SlotOffer offer : offers) {
                                if (accepted.contains(offer.allocationId())) {
                                    slots.markSlotActive(offer.allocationId());
                                } else {
                                    freeSlotInternal(offer.allocationId(), "the JobMaster rejected the offer");
                                }
                            }
                        },
                        getMainThreadExecutor());
    }

    @Override
    public CompletableFuture<Void> freeSlot(AllocationId allocationId, String cause) {
        validateRunsInMainThread();
        freeSlotInternal(allocationId, cause);
        return CompletableFuture.completedFuture(null);
    }

    private void freeSlotInternal(AllocationId allocationId, String cause) {
        slots.find(allocationId).ifPresent(slot -> {
            JobId jobId = slot.getJobId();
            SlotId slotId = new SlotId(resourceId, slot.getIndex());
            LOG.info("Freeing slot {} of job {}: {}", slotId, jobId, cause);
            List<Task> running = new ArrayList<>(slot.getTasks().values());
            slots.freeSlot(allocationId);
            running.forEach(Task::cancel);
            if (slot.getState() == TaskSlotState.FREE) {
                slotFreed(jobId, slotId, allocationId);
            }
        });
    }

    private void slotFreed(JobId jobId, SlotId slotId, AllocationId allocationId) {
        if (resourceManager != null) {
            resourceManager.notifySlotAvailable(resourceId, slotId, allocationId);
        }
        if (slots.slotsOf(jobId).isEmpty()) {
            jobLeaders.removeJob(jobId);
            jobManagerHeartbeats.forget(jobId);
            classLoaders.release(jobId);
            LOG.info("Job {} has no more slots on this TaskManager", jobId);
        }
    }

    // ---------------------------------------------------------------- tasks

    @Override
    public CompletableFuture<Void> submitTask(TaskDeploymentDescriptor descriptor, UUID jobMasterId) {
        validateRunsInMainThread();
        TaskSlot<Task> slot = slots.find(descriptor.allocationId()).orElse(null);
        if (slot == null || !jobMasterId.equals(slot.getJobMasterId())) {
            return CompletableFuture.failedFuture(new IllegalStateException("No slot " + descriptor.allocationId()
                    + " for job " + descriptor.jobId() + " of this JobMaster on TaskManager " + resourceId));
        }
        Task task;
        try {
            ClassLoader classLoader =
                    classLoaders.get(descriptor.jobId(), descriptor.userJars(), descriptor.blobServerAddress());
            if (stateFiles == null) {
                stateFiles = new StateFiles(new Configuration());
            }
            task = new Task(descriptor, classLoader, network, this::onTaskStateChange, checkpointResponder, stateFiles);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        // A deployment proves the JobMaster accepted the slot: its answer to the offer may still be on its
        // way to this main thread, so the slot becomes ACTIVE here too (as in Flink).
        slots.markSlotActive(descriptor.allocationId());
        if (!slots.addTask(descriptor.allocationId(), descriptor.jobId(), descriptor.attemptId(), task)) {
            return CompletableFuture.failedFuture(new IllegalStateException(
                    "Slot " + descriptor.allocationId() + " is not active on TaskManager " + resourceId));
        }
        LOG.info("Starting {} ({})", descriptor.displayName(), descriptor.attemptId());
        task.start();
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Boolean> cancelTask(ExecutionAttemptId attemptId) {
        validateRunsInMainThread();
        Task task = slots.getTask(attemptId);
        if (task != null) {
            task.cancel();
        }
        return CompletableFuture.completedFuture(task != null);
    }

    @Override
    public void triggerCheckpoint(
            JobId jobId,
            ExecutionAttemptId attemptId,
            long checkpointId,
            long timestamp,
            CheckpointType type,
            String directory) {
        validateRunsInMainThread();
        Task task = slots.getTask(attemptId);
        if (task != null) {
            task.triggerCheckpoint(checkpointId, timestamp, type, directory);
            return;
        }
        JobMasterGateway jobMaster = jobLeaders.gateway(jobId);
        if (jobMaster != null) {
            jobMaster.declineCheckpoint(
                    attemptId,
                    checkpointId,
                    "the task " + attemptId + " is not running on TaskManager " + resourceId,
                    false);
        }
    }

    @Override
    public void confirmCheckpoint(ExecutionAttemptId attemptId, long checkpointId) {
        validateRunsInMainThread();
        Task task = slots.getTask(attemptId);
        if (task != null) {
            task.notifyCheckpointComplete(checkpointId);
        }
    }

    @Override
    public void abortCheckpoint(ExecutionAttemptId attemptId, long checkpointId) {
        validateRunsInMainThread();
        Task task = slots.getTask(attemptId);
        if (task != null) {
            task.notifyCheckpointAborted(checkpointId);
        }
    }

    /** Forwards what tasks report about checkpoints to their JobMaster; called from any thread, hops to main. */
    private final class CheckpointResponder implements Task.CheckpointResponder {
        @Override
        public void acknowledge(Task task, long checkpointId, TaskStateSnapshot state) {
            runAsync(() -> {
                JobMasterGateway jobMaster =
                        jobLeaders.gateway(task.getDescriptor().jobId());
                if (jobMaster != null) {
                    jobMaster.acknowledgeCheckpoint(task.getDescriptor().attemptId(), checkpointId, state);
                }
            });
        }

        @Override
        public void decline(Task task, long checkpointId, String reason, boolean countsAsFailure) {
            runAsync(() -> {
                JobMasterGateway jobMaster =
                        jobLeaders.gateway(task.getDescriptor().jobId());
                if (jobMaster != null) {
                    jobMaster.declineCheckpoint(
                            task.getDescriptor().attemptId(), checkpointId, reason, countsAsFailure);
                }
            });
        }

        @Override
        public void reachedEndOfInput(Task task, long lastCheckpointTaken) {
            runAsync(() -> {
                JobMasterGateway jobMaster =
                        jobLeaders.gateway(task.getDescriptor().jobId());
                if (jobMaster != null) {
                    jobMaster.taskReachedEndOfInput(task.getDescriptor().attemptId(), lastCheckpointTaken);
                }
            });
        }
    }

    /** Called on the task's thread; hops to the main thread. */
    private void onTaskStateChange(Task task, ExecutionState state, Throwable error) {
        runAsync(() -> {
            TaskDeploymentDescriptor descriptor = task.getDescriptor();
            JobMasterGateway jobMaster = jobLeaders.gateway(descriptor.jobId());
            if (jobMaster != null) {
                jobMaster.updateTaskExecutionState(new TaskExecutionState(
                        descriptor.jobId(), descriptor.attemptId(), state, error == null ? null : ErrorInfo.of(error)));
            }
            if (state.isTerminal()) {
                slots.removeTask(descriptor.attemptId())
                        .ifPresent(freed -> slotFreed(
                                descriptor.jobId(),
                                new SlotId(resourceId, freed.getIndex()),
                                descriptor.allocationId()));
                if (state != ExecutionState.FINISHED) {
                    task.getPartitions().forEach(ResultPartition::release);
                }
            }
        });
    }

    @Override
    public CompletableFuture<List<RunningTaskReport>> heartbeatFromJobManager(JobId jobId, Duration timeout) {
        validateRunsInMainThread();
        jobManagerHeartbeats.heard(jobId);
        List<RunningTaskReport> tasks = new ArrayList<>();
        for (Task task : slots.tasksOf(jobId)) {
            tasks.add(new RunningTaskReport(task.getDescriptor().attemptId(), task.getCurrentInputWatermark()));
        }
        return CompletableFuture.completedFuture(tasks);
    }

    @Override
    public CompletableFuture<SlotReport> requestSlotReport() {
        return CompletableFuture.completedFuture(slots.createSlotReport(resourceId));
    }

    /**
     * Runs an action on this TaskExecutor's main thread. Tests use it to freeze a TaskManager the
     * way a stalled process freezes (its heartbeats stop being answered).
     */
    public void runOnMainThread(Runnable action) {
        runAsync(action);
    }

    @Override
    public void disconnectJobManager(JobId jobId, String cause) {
        validateRunsInMainThread();
        releaseJob(jobId, cause);
    }

    private void releaseJob(JobId jobId, String cause) {
        LOG.info("Releasing job {}: {}", jobId, cause);
        jobManagerHeartbeats.forget(jobId);
        for (TaskSlot<Task> slot : slots.slotsOf(jobId)) {
            freeSlotInternal(slot.getAllocationId(), cause);
        }
        jobLeaders.removeJob(jobId);
    }

    @Override
    protected CompletableFuture<Void> onStop() {
        LOG.info("Stopping TaskManager {}", resourceId);
        if (leaderReads != null) {
            leaderReads.shutdownNow();
        }
        for (Task task : slots.allTasks()) {
            task.cancel();
        }
        for (JobId jobId : jobLeaders.jobs()) {
            JobMasterGateway jobMaster = jobLeaders.gateway(jobId);
            if (jobMaster != null) {
                jobMaster.disconnectTaskManager(resourceId, "TaskManager " + resourceId + " is shutting down");
            }
        }
        if (resourceManager != null) {
            resourceManager.disconnectTaskManager(resourceId, "TaskManager " + resourceId + " is shutting down");
        }
        return CompletableFuture.completedFuture(null);
    }

    /**
     * Settings of a TaskExecutor; {@code leaderRetrieval} says where the ResourceManager is when it
     * can move (a new YARN application attempt), else {@code resourceManagerAddress} is used for good.
     */
    public record TaskExecutorSettings(
            int numberOfSlots,
            String resourceManagerAddress,
            Duration heartbeatInterval,
            Duration heartbeatTimeout,
            Duration maxRegistrationBackoff,
            LeaderRetrieval leaderRetrieval) {
        public TaskExecutorSettings(
                int numberOfSlots,
                String resourceManagerAddress,
                Duration heartbeatInterval,
                Duration heartbeatTimeout,
                Duration maxRegistrationBackoff) {
            this(
                    numberOfSlots,
                    resourceManagerAddress,
                    heartbeatInterval,
                    heartbeatTimeout,
                    maxRegistrationBackoff,
                    LeaderRetrieval.fixed(resourceManagerAddress));
        }
    }

    /** Address of the ResourceManager endpoint in a JobManager's RPC service at host:port. */
    public static String resourceManagerAddress(String host, int port) {
        return host + ":" + port + "/" + ResourceManager.ENDPOINT_ID;
    }
}
