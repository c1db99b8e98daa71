package io.floe.runtime.jobmaster;

import io.floe.api.JobStatus;
import io.floe.configuration.CheckpointingOptions;
import io.floe.configuration.Configuration;
import io.floe.runtime.checkpoint.CheckpointCoordinator;
import io.floe.runtime.checkpoint.CheckpointStatsSnapshot;
import io.floe.runtime.checkpoint.CheckpointType;
import io.floe.runtime.checkpoint.CompletedCheckpoint;
import io.floe.runtime.checkpoint.StateAssignment;
import io.floe.runtime.checkpoint.TaskRestore;
import io.floe.runtime.checkpoint.TaskStateSnapshot;
import io.floe.runtime.deployment.SlotOffer;
import io.floe.runtime.deployment.TaskExecutionState;
import io.floe.runtime.deployment.TaskManagerLocation;
import io.floe.runtime.execution.ErrorInfo;
import io.floe.runtime.execution.ExecutionState;
import io.floe.runtime.execution.JobResult;
import io.floe.runtime.heartbeat.HeartbeatMonitor;
import io.floe.runtime.highavailability.CompletedCheckpointStore;
import io.floe.runtime.highavailability.JobResultStore;
import io.floe.runtime.highavailability.LeadershipLostException;
import io.floe.runtime.jobgraph.JobGraph;
import io.floe.runtime.jobgraph.JobVertex;
import io.floe.runtime.resourcemanager.ResourceManagerGateway;
import io.floe.runtime.rpc.FencedRpcEndpoint;
import io.floe.runtime.rpc.FencingTokens;
import io.floe.runtime.rpc.RecipientUnreachableException;
import io.floe.runtime.rpc.RpcConnectionException;
import io.floe.runtime.rpc.RpcService;
import io.floe.runtime.taskexecutor.RunningTaskReport;
import io.floe.runtime.taskexecutor.TaskExecutorGateway;
import io.floe.runtime.types.AllocationId;
import io.floe.runtime.types.ExecutionAttemptId;
import io.floe.runtime.types.ResourceId;
import io.floe.runtime.util.Futures;
import io.floe.runtime.webmonitor.ExceptionHistoryEntry;
import io.floe.runtime.webmonitor.JobDetailsInfo;
import io.floe.runtime.webmonitor.JobExceptionsInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one job: declares the slots it needs (the highest parallelism of each slot sharing group)
 * to the ResourceManager, accepts the slots TaskManagers offer, deploys subtask i of every vertex
 * into its group's slot i, follows task states, heartbeats its TaskManagers, and on a failure cancels every task and
 * restarts the whole job as its {@link RestartStrategy} allows. Completes {@link #getResultFuture()}
 * when the job ends. All state lives on the main thread; its fencing token is fresh per JobMaster.
 *
 * <p>A job that checkpoints has a {@link CheckpointCoordinator}: it starts once every task of a run
 * is RUNNING, stops when one fails or finishes, and a restart deploys every subtask with its share
 * of the latest completed checkpoint.
 */
public class JobMaster extends FencedRpcEndpoint<UUID> implements JobMasterGateway {
    private static final Logger LOG = LoggerFactory.getLogger(JobMaster.class);

    private final JobGraph jobGraph;
    private final JobMasterSettings settings;
    /** The cluster's configuration overridden by the job's: what restarts and checkpoints follow. */
    private final Configuration configuration;
    /** Null when the job takes no checkpoints. */
    private final CheckpointCoordinator checkpoints;
    /** The savepoint the job was submitted to start from ({@code -s}); restored until a checkpoint completes. */
    private CompletedCheckpoint initialRestore;
    /**
     * Checkpoint storage I/O (directories, metadata, deletion), off the main thread. Never shut
     * down: deletions may still be queued after the job ended; idle threads end after a minute.
     */
    private final ExecutorService checkpointIo;

    private final RestartStrategy restartStrategy;
    private final int requiredSlots;
    private final SlotPool slotPool;
    private final HeartbeatMonitor<ResourceId, List<RunningTaskReport>> heartbeats;
    private final CompletableFuture<JobResult> resultFuture = new CompletableFuture<>();
    private final long startTime = clock().millis();

    private JobStatus status = JobStatus.CREATED;
    private ExecutionGraph executions;
    private int nextAttemptNumber;
    private long waitingForSlotsSince = -1;
    private ErrorInfo failureCause;
    private ResourceManagerGateway resourceManager;
    private final Map<String, Long> statusTimestamps = new LinkedHashMap<>();
    private final List<ExceptionHistoryEntry> exceptionHistory = new ArrayList<>();
    private long endTime = -1;

    public JobMaster(RpcService rpcService, JobGraph jobGraph, JobMasterSettings settings) {
        super(rpcService, "jobmaster-" + jobGraph.jobId(), UUID.randomUUID());
        this.jobGraph = jobGraph;
        this.settings = settings;
        this.configuration = new Configuration(settings.clusterConfiguration());
        configuration.addAll(Configuration.fromMap(jobGraph.jobConfiguration()));
        this.restartStrategy = RestartStrategy.fromConfiguration(configuration);
        this.checkpointIo = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "checkpoint-io-" + jobGraph.jobId());
            thread.setDaemon(true);
            return thread;
        });
        this.checkpoints = CheckpointCoordinatorFactory.create(
                jobGraph.jobId(),
                jobGraph.batch(),
                configuration,
                settings.checkpointStore(),
                new CheckpointedTasks(),
                (task, delay) -> {
                    ScheduledFuture<?> scheduled = scheduleRunAsync(task, delay.toMillis(), TimeUnit.MILLISECONDS);
                    return () -> scheduled.cancel(false);
                },
                clock(),
                checkpointIo,
                getMainThreadExecutor());
        this.requiredSlots = jobGraph.requiredSlots();
        this.slotPool = new SlotPool(requiredSlots);
        this.heartbeats = new HeartbeatMonitor<>(
                settings.heartbeatTimeout(),
                getMainThreadExecutor(),
                clock()::millis,
                new TaskManagerHeartbeatListener());
    }

    public CompletableFuture<JobResult> getResultFuture() {
        return resultFuture;
    }

    @Override
    protected void onStart() {
        LOG.info(
                "JobMaster for job '{}' ({}) started at {}; it needs {} slot(s); restarts: {}",
                jobGraph.jobName(),
                jobGraph.jobId(),
                getAddress(),
                requiredSlots,
                restartStrategy.describe());
        transitionTo(JobStatus.RUNNING);
        scheduleHeartbeats();
        scheduleSlotTimeoutCheck();
        if (checkpoints == null) {
            startFromSavepointOrScratch();
            return;
        }
        checkpoints
                .checkStorage()
                .whenCompleteAsync(
                        (ok, error) -> {
                            if (isEnded()) {
                                return;
                            }
                            if (error != null) {
                                Throwable cause = Futures.unwrap(error);
                                failWithoutRestart(new IllegalStateException(cause.getMessage(), cause));
                            } else {
                                startFromSavepointOrScratch();
                            }
                        },
                        getMainThreadExecutor());
    }

    /**
     * The latest checkpoint an earlier JobManager recorded for this job (it runs again after a new
     * YARN application attempt) comes first; else the savepoint of {@code -s}; else the beginning.
     */
    private void startFromSavepointOrScratch() {
        if (settings.checkpointStore() == CompletedCheckpointStore.NONE) {
            startFrom(null); // no earlier JobManager: no store to read
            return;
        }
        beforeStart(
                Futures.supplyIo(() -> settings.checkpointStore().latest(jobGraph.jobId()), checkpointIo),
                "Cannot read the latest checkpoint of job " + jobGraph.jobId() + " from " + settings.checkpointStore(),
                this::startFrom);
    }

    /**
     * Runs {@code then} with what {@code step} gives, on the main thread, unless the job ended
     * meanwhile; if the step fails, the job fails without restart: "{@code failure}: cause".
     */
    private <T> void beforeStart(CompletableFuture<T> step, String failure, Consumer<T> then) {
        step.whenCompleteAsync(
                (value, error) -> {
                    if (isEnded()) {
                        return;
                    }
                    if (error != null) {
                        Throwable cause = Futures.unwrap(error);
                        failWithoutRestart(new IllegalStateException(failure + ": " + cause.getMessage(), cause));
                        return;
                    }
                    then.accept(value);
                },
                getMainThreadExecutor());
    }

    /** Starts from {@code recorded} (a checkpoint of an earlier JobManager) if not null, else as submitted. */
    private void startFrom(String recorded) {
        String savepoint = configuration.get(CheckpointingOptions.SAVEPOINT_PATH);
        if (recorded != null) {
            LOG.info(
                    "Job {} ran under an earlier JobManager: it resumes from its latest checkpoint {}",
                    jobGraph.jobId(),
                    recorded);
            loadInitialSavepoint(recorded);
        } else if (savepoint == null) {
            waitForSlots();
        } else {
            loadInitialSavepoint(savepoint);
        }
    }

    /** Reads the savepoint to start from, checks it fits the program, then asks for slots; or fails the job. */
    private void loadInitialSavepoint(String path) {
        if (checkpoints == null) {
            failWithoutRestart(new IllegalStateException("A BATCH job cannot start from a savepoint (" + path
                    + "); run it in STREAMING mode or without -s."));
            return;
        }
        beforeStart(checkpoints.loadCheckpoint(path), "Cannot start the job from savepoint " + path, checkpoint -> {
            try {
                StateAssignment.checkEveryStateHasAnOperator(
                        checkpoint.metadata(),
                        operatorIds(),
                        configuration.get(CheckpointingOptions.SAVEPOINT_IGNORE_UNCLAIMED_STATE),
                        path);
            } catch (IllegalStateException e) {
                failWithoutRestart(e);
                return;
            }
            LOG.info(
                    "Job {} starts from {} {}",
                    jobGraph.jobId(),
                    checkpoint.isSavepoint() ? "savepoint" : "checkpoint",
                    checkpoint.directory());
            initialRestore = checkpoint;
            waitForSlots();
        });
    }

    private Set<String> operatorIds() {
        Set<String> ids = new HashSet<>();
        for (JobVertex vertex : jobGraph.vertices()) {
            ids.addAll(vertex.operatorIds());
        }
        return ids;
    }

    // ---------------------------------------------------------------- slots

    private void waitForSlots() {
        waitingForSlotsSince = clock().millis();
        declareRequirements(requiredSlots);
        if (slotPool.hasAllRequiredSlots()) {
            deploy();
        }
    }

    private void declareRequirements(int count) {
        connectResourceManager()
                .thenCompose(
                        rm -> rm.declareRequiredResources(jobGraph.jobId(), getAddress(), getFencingToken(), count))
                .whenCompleteAsync(
                        (ok, error) -> {
                            if (error != null && !isEnded()) {
                                LOG.info(
                                        "Declaring resources to the ResourceManager failed ({}); retrying",
                                        error.toString());
                                resourceManager = null;
                                scheduleRunAsync(() -> declareRequirements(count), 500, TimeUnit.MILLISECONDS);
                            }
                        },
                        getMainThreadExecutor());
    }

    private CompletableFuture<ResourceManagerGateway> connectResourceManager() {
        if (resourceManager != null) {
            return CompletableFuture.completedFuture(resourceManager);
        }
        return getRpcService()
                .connect(
                        settings.resourceManagerAddress(),
                        FencingTokens.DEFAULT_LEADER_ID,
                        ResourceManagerGateway.class)
                .thenApplyAsync(rm -> resourceManager = rm, getMainThreadExecutor());
    }

    @Override
    public CompletableFuture<Void> registerTaskManager(TaskManagerLocation location) {
        validateRunsInMainThread();
        return getRpcService()
                .connect(location.rpcAddress(), TaskExecutorGateway.class)
                .thenAcceptAsync(
                        gateway -> {
                            slotPool.registerTaskManager(location, gateway);
                            if (!heartbeats.isMonitored(location.resourceId())) {
                                heartbeats.monitor(
                                        location.resourceId(),
                                        timeout -> gateway.heartbeatFromJobManager(jobGraph.jobId(), timeout));
                            }
                            LOG.info(
                                    "TaskManager {} registered at the JobMaster of job {}",
                                    location.resourceId(),
                                    jobGraph.jobId());
                        },
                        getMainThreadExecutor());
    }

    @Override
    public CompletableFuture<List<AllocationId>> offerSlots(ResourceId taskManager, List<SlotOffer> offers) {
        validateRunsInMainThread();
        SlotPool.RegisteredTaskManager registered = slotPool.taskManager(taskManager);
        if (registered == null) {
            return CompletableFuture.failedFuture(
                    new IllegalStateException("TaskManager " + taskManager + " is not registered"));
        }
        List<AllocationId> accepted = slotPool.accept(registered, offers, !isEnded());
        LOG.info(
                "Accepted {} of {} slot(s) offered by TaskManager {}; the job has {}/{}",
                accepted.size(),
                offers.size(),
                taskManager,
                slotPool.size(),
                requiredSlots);
        if (waitingForSlotsSince >= 0 && slotPool.hasAllRequiredSlots()) {
            getMainThreadExecutor().execute(this::deploy);
        }
        return CompletableFuture.completedFuture(accepted);
    }

    private void scheduleSlotTimeoutCheck() {
        scheduleRunAsync(
                () -> {
                    if (isEnded()) {
                        return;
                    }
                    long waited = waitingForSlotsSince < 0 ? 0 : clock().millis() - waitingForSlotsSince;
                    if (waited > settings.slotRequestTimeout().toMillis()) {
                        failWithoutRestart(
                                new NoResourceAvailableException("Could not get " + requiredSlots + " slot(s) within "
                                        + settings.slotRequestTimeout().toMillis()
                                        + " ms (slot.request.timeout); it got " + slotPool.size() + "."));
                        return;
                    }
                    scheduleSlotTimeoutCheck();
                },
                1,
                TimeUnit.SECONDS);
    }

    @Override
    public void notifyNotEnoughResources(int required, int total, String detail) {
        validateRunsInMainThread();
        if (waitingForSlotsSince >= 0 && !isEnded()) {
            failWithoutRestart(new NoResourceAvailableException("The job needs " + required
                    + " slot(s) (its highest parallelism)"
                    + " but the cluster has only " + total + " (" + detail + "); lower the parallelism (-p) or add "
                    + "TaskManagers or slots (taskmanager.numberOfTaskSlots)."));
        }
    }

    @Override
    public void notifyWorkerStartFailed(String description) {
        validateRunsInMainThread();
        if (status != JobStatus.RUNNING || waitingForSlotsSince < 0) {
            return; // running its tasks already, or restarting: the worker was not one this run waits for
        }
        ErrorInfo cause = ErrorInfo.of(
                new NoResourceAvailableException("A TaskManager started for the job's slots failed: " + description));
        LOG.warn("Job {}: {}", jobGraph.jobId(), cause.message());
        exceptionHistory.add(0, new ExceptionHistoryEntry(cause, clock().millis(), null, null));
        failureCause = cause;
        restartOrFail();
    }

    // ---------------------------------------------------------------- deployment and task states

    private void deploy() {
        if (waitingForSlotsSince < 0 || !slotPool.hasAllRequiredSlots() || status != JobStatus.RUNNING) {
            return;
        }
        waitingForSlotsSince = -1;
        executions = new ExecutionGraph(
                jobGraph, nextAttemptNumber++, slotPool.slots(), settings.blobServerAddress(), configuration.toMap());
        CompletedCheckpoint latest = checkpoints == null ? null : checkpoints.latestCompletedCheckpoint();
        CompletedCheckpoint restoreFrom = latest != null ? latest : initialRestore;
        if (restoreFrom != null) {
            checkpoints.restoringFrom(restoreFrom);
            LOG.info(
                    "Restoring job {} from checkpoint {} ({})",
                    jobGraph.jobId(),
                    restoreFrom.checkpointId(),
                    restoreFrom.directory());
        }
        LOG.info(
                "Deploying {} task(s) of job {} (attempt {})",
                executions.size(),
                jobGraph.jobId(),
                executions.attemptNumber());
        ExecutionGraph graph = executions;
        for (Execution execution : graph.executions()) {
            execution.state = ExecutionState.DEPLOYING;
            SlotPool.RegisteredTaskManager tm =
                    slotPool.taskManager(execution.slot.location().resourceId());
            tm.gateway()
                    .submitTask(graph.descriptorFor(execution, restoreOf(execution, restoreFrom)), getFencingToken())
                    .whenCompleteAsync(
                            (ok, error) -> {
                                if (error == null || executions != graph || execution.state.isTerminal()) {
                                    return;
                                }
                                Throwable cause = error instanceof CompletionException && error.getCause() != null
                                        ? error.getCause()
                                        : error;
                                if (cause instanceof RpcConnectionException
                                        || cause instanceof RecipientUnreachableException) {
                                    // a dead TaskManager (kill -9) its heartbeat has not yet timed out: drop it and its
                                    // slots now, or the restart deploys into them again and spends its attempts
                                    taskManagerLost(
                                            execution.slot.location().resourceId(),
                                            "it could not be reached to deploy " + execution.displayName() + ": "
                                                    + cause.getMessage());
                                    if (!execution.state.isTerminal()) { // it was dropped before
                                        executionFailed(execution, ErrorInfo.of(cause));
                                    }
                                } else {
                                    executionFailed(execution, ErrorInfo.of(error));
                                }
                            },
                            getMainThreadExecutor());
        }
    }

    private static TaskRestore restoreOf(Execution execution, CompletedCheckpoint checkpoint) {
        if (checkpoint == null) {
            return null;
        }
        return StateAssignment.forSubtask(
                checkpoint.metadata(),
                checkpoint.directory(),
                execution.vertex.operatorIds(),
                execution.subtaskIndex,
                execution.vertex.parallelism(),
                execution.vertex.maxParallelism());
    }

    @Override
    public CompletableFuture<Void> updateTaskExecutionState(TaskExecutionState update) {
        validateRunsInMainThread();
        Execution execution = executions == null ? null : executions.find(update.attemptId());
        if (execution == null || execution.state.isTerminal()) {
            return CompletableFuture.completedFuture(null);
        }
        LOG.info(
                "{} ({}) switched from {} to {}",
                execution.displayName(),
                update.attemptId(),
                execution.state,
                update.state());
        if (update.state() == ExecutionState.FAILED) {
            executionFailed(execution, update.error());
            return CompletableFuture.completedFuture(null);
        }
        execution.state = update.state();
        if (checkpoints != null && status == JobStatus.RUNNING) {
            if (update.state() == ExecutionState.RUNNING && executions.allRunning()) {
                checkpoints.startCheckpointScheduler();
            } else if (update.state() == ExecutionState.FINISHED) {
                checkpoints.taskFinished(execution.attemptId); // it finished after its final checkpoint
            }
        }
        if (status == JobStatus.RUNNING && executions.allFinished()) {
            jobEnded(JobStatus.FINISHED);
        } else if (status != JobStatus.RUNNING) {
            checkAllTerminal();
        }
        return CompletableFuture.completedFuture(null);
    }

    private void executionFailed(Execution execution, ErrorInfo cause) {
        execution.state = ExecutionState.FAILED;
        if (status == JobStatus.RUNNING) {
            exceptionHistory.add(
                    0,
                    new ExceptionHistoryEntry(
                            cause,
                            clock().millis(),
                            execution.displayName(),
                            execution.slot.location().rpcAddress()));
            LOG.warn("{} failed: {}", execution.displayName(), cause);
            failOver(cause);
        }
        checkAllTerminal();
    }

    /** The current run fails as a whole: checkpoints stop, every task is cancelled, then restart or fail. */
    private void failOver(ErrorInfo cause) {
        failureCause = cause;
        transitionTo(JobStatus.RESTARTING);
        if (checkpoints != null) {
            checkpoints.stopCheckpointScheduler();
            checkpoints.abortPendingOnFailover("the job is restarting after " + cause.message());
        }
        cancelAll();
    }

    /**
     * Tells every task of the current run to stop. A task its TaskManager does not run (never
     * deployed, or ended already) or cannot be asked about counts as cancelled at once; one that has
     * not stopped within {@code task.cancellation.timeout} is given up on (see {@link #giveUpOnTasksStillStopping}).
     */
    private void cancelAll() {
        ExecutionGraph graph = executions;
        for (Execution execution : graph.executions()) {
            if (!execution.state.isTerminal()) {
                SlotPool.RegisteredTaskManager tm =
                        slotPool.taskManager(execution.slot.location().resourceId());
                if (tm == null) {
                    execution.state = ExecutionState.CANCELED;
                } else {
                    execution.state = ExecutionState.CANCELING;
                    tm.gateway()
                            .cancelTask(execution.attemptId)
                            .whenCompleteAsync(
                                    (running, error) -> {
                                        if (executions == graph
                                                && execution.state == ExecutionState.CANCELING
                                                && (error != null || !running)) {
                                            execution.state = ExecutionState.CANCELED;
                                            checkAllTerminal();
                                        }
                                    },
                                    getMainThreadExecutor());
                }
            }
        }
        if (!graph.allTerminal()) {
            scheduleRunAsync(
                    () -> giveUpOnTasksStillStopping(graph),
                    settings.taskCancellationTimeout().toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    /**
     * A task that ignores being cancelled must not keep its job from ending: after the timeout it
     * counts as failed and its slot is freed, which interrupts it once more on its TaskManager (the
     * slot leaves the job, so a restart asks for a fresh one).
     */
    private void giveUpOnTasksStillStopping(ExecutionGraph graph) {
        if (executions != graph) {
            return;
        }
        for (Execution execution : graph.executions()) {
            if (execution.state == ExecutionState.CANCELING) {
                LOG.warn(
                        "{} did not stop within {} ms of being cancelled (task.cancellation.timeout); freeing its slot",
                        execution.displayName(),
                        settings.taskCancellationTimeout().toMillis());
                execution.state = ExecutionState.FAILED;
                slotPool.freeSlot(
                        execution.slot.allocationId(), execution.displayName() + " did not stop when cancelled");
            }
        }
        checkAllTerminal();
    }

    /** Once every task of a failing or cancelling run has ended, restart, fail or cancel the job. */
    private void checkAllTerminal() {
        if (executions == null || !executions.allTerminal()) {
            return;
        }
        if (status == JobStatus.CANCELLING) {
            jobEnded(JobStatus.CANCELED);
        } else if (status == JobStatus.RESTARTING) {
            restartOrFail();
        }
    }

    /** After a failure: waits for slots anew after the restart strategy's delay, or fails the job if it allows no more.
     * */
    private void restartOrFail() {
        if (!restartStrategy.canRestart()) {
            jobEnded(JobStatus.FAILED);
            return;
        }
        long delay = restartStrategy.nextRestart();
        LOG.info(
                "Restarting job {} in {} ms (restart {} of the strategy {})",
                jobGraph.jobId(),
                delay,
                restartStrategy.restartsSoFar(),
                restartStrategy.describe());
        executions = null;
        transitionTo(JobStatus.RESTARTING);
        scheduleRunAsync(
                () -> {
                    if (status == JobStatus.RESTARTING) {
                        transitionTo(JobStatus.RUNNING);
                        waitForSlots();
                    }
                },
                delay,
                TimeUnit.MILLISECONDS);
    }

    private void failWithoutRestart(Exception cause) {
        LOG.warn("Job {} fails: {}", jobGraph.jobId(), cause.getMessage());
        failureCause = ErrorInfo.of(cause);
        exceptionHistory.add(0, new ExceptionHistoryEntry(failureCause, clock().millis(), null, null));
        if (executions != null && !executions.allTerminal()) {
            transitionTo(JobStatus.FAILING);
            cancelAll();
        }
        jobEnded(JobStatus.FAILED);
    }

    /**
     * A bug in this JobMaster must not leave its job running unkillable with its state half-changed:
     * the job fails, its tasks are cancelled and its slots freed.
     */
    @Override
    protected void onMainThreadError(Throwable error) {
        if (isEnded()) {
            return;
        }
        Exception cause = new IllegalStateException(
                "The JobMaster failed the job after an unexpected internal error "
                        + "(the JobManager's log has its stack trace): " + error,
                error);
        try {
            failWithoutRestart(cause);
        } catch (RuntimeException again) {
            LOG.error(
                    "Failing job {} after an internal error failed too; ending it without cancelling its tasks",
                    jobGraph.jobId(),
                    again);
            jobEnded(JobStatus.FAILED);
        }
    }

    @Override
    public CompletableFuture<Void> cancel() {
        validateRunsInMainThread();
        if (isEnded()) {
            return CompletableFuture.completedFuture(null);
        }
        transitionTo(JobStatus.CANCELLING);
        if (checkpoints != null) {
            checkpoints.stopCheckpointScheduler();
        }
        if (executions == null) {
            jobEnded(JobStatus.CANCELED);
        } else {
            cancelAll();
            checkAllTerminal();
        }
        return CompletableFuture.completedFuture(null);
    }

    // ---------------------------------------------------------------- checkpoints

    @Override
    public void acknowledgeCheckpoint(ExecutionAttemptId attemptId, long checkpointId, TaskStateSnapshot state) {
        validateRunsInMainThread();
        if (checkpoints != null) {
            checkpoints.acknowledge(attemptId, checkpointId, state);
        }
    }

    @Override
    public void declineCheckpoint(
            ExecutionAttemptId attemptId, long checkpointId, String reason, boolean countsAsFailure) {
        validateRunsInMainThread();
        if (checkpoints != null) {
            checkpoints.decline(attemptId, checkpointId, reason, countsAsFailure);
        }
    }

    @Override
    public void taskReachedEndOfInput(ExecutionAttemptId attemptId, long lastCheckpointTaken) {
        validateRunsInMainThread();
        if (checkpoints != null) {
            checkpoints.taskReachedEndOfInput(attemptId, lastCheckpointTaken);
        }
    }

    @Override
    public CompletableFuture<String> triggerSavepoint(String targetDirectory, boolean cancelJob) {
        validateRunsInMainThread();
        IllegalStateException refused = refuseSavepoint();
        if (refused != null) {
            return CompletableFuture.failedFuture(refused);
        }
        return checkpoints
                .triggerSavepoint(targetDirectory)
                .thenApplyAsync(
                        savepoint -> {
                            if (cancelJob) {
                                LOG.info(
                                        "Cancelling job {} after its savepoint {}",
                                        jobGraph.jobId(),
                                        savepoint.directory());
                                cancel();
                            }
                            return savepoint.directory();
                        },
                        getMainThreadExecutor());
    }

    @Override
    public CompletableFuture<String> stopWithSavepoint(String targetDirectory, boolean drain) {
        validateRunsInMainThread();
        IllegalStateException refused = refuseSavepoint();
        if (refused != null) {
            return CompletableFuture.failedFuture(refused);
        }
        LOG.info("Stopping job {} with a savepoint{}", jobGraph.jobId(), drain ? ", draining it first" : "");
        return checkpoints.stopWithSavepoint(targetDirectory, drain).thenApply(CompletedCheckpoint::directory);
    }

    private IllegalStateException refuseSavepoint() {
        if (checkpoints == null) {
            return new IllegalStateException(
                    "Job " + jobGraph.jobId() + " runs in BATCH mode, which takes no savepoints.");
        }
        if (status != JobStatus.RUNNING) {
            return new IllegalStateException(
                    "Job " + jobGraph.jobId() + " is " + status + "; only a RUNNING job can take a savepoint.");
        }
        return null;
    }

    @Override
    public CompletableFuture<CheckpointStatsSnapshot> requestCheckpointStats() {
        if (checkpoints == null) {
            return CompletableFuture.failedFuture(new IllegalStateException(
                    "Job " + jobGraph.jobId() + " runs in BATCH mode: it takes no checkpoints."));
        }
        return CompletableFuture.completedFuture(checkpoints.statsSnapshot());
    }

    /** How the coordinator reaches the tasks of the current run. */
    private final class CheckpointedTasks implements CheckpointCoordinator.Tasks {
        @Override
        public List<CheckpointCoordinator.TaskInCheckpoint> runningTasks() {
            if (status != JobStatus.RUNNING || executions == null || !executions.allRunningOrFinished()) {
                return null;
            }
            List<CheckpointCoordinator.TaskInCheckpoint> tasks = new ArrayList<>();
            for (Execution execution : executions.executions()) {
                if (execution.state == ExecutionState.RUNNING) {
                    boolean triggered = execution.vertex.source() || executions.allInputsFinished(execution.vertex);
                    tasks.add(new CheckpointCoordinator.TaskInCheckpoint(
                            execution.attemptId, execution.vertex.id(), execution.subtaskIndex, triggered));
                }
            }
            return tasks.isEmpty() ? null : tasks;
        }

        @Override
        public void triggerCheckpoint(
                CheckpointCoordinator.TaskInCheckpoint task,
                long checkpointId,
                long timestamp,
                CheckpointType type,
                String directory) {
            TaskExecutorGateway gateway = gatewayOf(task);
            if (gateway != null) {
                gateway.triggerCheckpoint(jobGraph.jobId(), task.attempt(), checkpointId, timestamp, type, directory);
            }
        }

        @Override
        public void notifyCheckpointComplete(
                CheckpointCoordinator.TaskInCheckpoint task, long checkpointId, long timestamp) {
            TaskExecutorGateway gateway = gatewayOf(task);
            if (gateway != null) {
                gateway.confirmCheckpoint(task.attempt(), checkpointId);
            }
        }

        @Override
        public void notifyCheckpointAborted(CheckpointCoordinator.TaskInCheckpoint task, long checkpointId) {
            TaskExecutorGateway gateway = gatewayOf(task);
            if (gateway != null) {
                gateway.abortCheckpoint(task.attempt(), checkpointId);
            }
        }

        @Override
        public void failJob(Throwable cause) {
            if (status != JobStatus.RUNNING) {
                return;
            }
            ErrorInfo error = ErrorInfo.of(cause);
            LOG.warn("Job {} fails over: {}", jobGraph.jobId(), error.message());
            exceptionHistory.add(0, new ExceptionHistoryEntry(error, clock().millis(), null, null));
            failOver(error);
            checkAllTerminal();
        }

        /** The TaskExecutor running {@code task}, if it is still of the current run and registered. */
        private TaskExecutorGateway gatewayOf(CheckpointCoordinator.TaskInCheckpoint task) {
            Execution execution = executions == null ? null : executions.find(task.attempt());
            if (execution == null) {
                return null;
            }
            SlotPool.RegisteredTaskManager tm =
                    slotPool.taskManager(execution.slot.location().resourceId());
            return tm == null ? null : tm.gateway();
        }
    }

    @Override
    public CompletableFuture<JobStatus> requestJobStatus() {
        return CompletableFuture.completedFuture(status);
    }

    @Override
    public CompletableFuture<JobDetailsInfo> requestJobDetails() {
        return CompletableFuture.completedFuture(new JobDetailsInfo(
                jobGraph.jobId(),
                jobGraph.jobName(),
                status,
                startTime,
                endTime,
                JobDetailsView.vertices(jobGraph, executions, startTime, endTime),
                new LinkedHashMap<>(statusTimestamps)));
    }

    @Override
    public CompletableFuture<List<Long>> requestVertexWatermarks(String vertexId) {
        JobVertex vertex = jobGraph.vertices().stream()
                .filter(v -> v.id().value().equals(vertexId))
                .findFirst()
                .orElse(null);
        if (vertex == null) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("Vertex " + vertexId + " of job "
                    + jobGraph.jobId() + " is not known: GET /jobs/" + jobGraph.jobId() + " lists the job's vertices"));
        }
        Long[] watermarks = new Long[vertex.parallelism()];
        Arrays.fill(watermarks, Long.MIN_VALUE);
        if (executions != null) {
            for (Execution execution : executions.executions()) {
                if (execution.vertex.id().equals(vertex.id())) {
                    watermarks[execution.subtaskIndex] = execution.inputWatermark;
                }
            }
        }
        return CompletableFuture.completedFuture(List.of(watermarks));
    }

    @Override
    public CompletableFuture<JobExceptionsInfo> requestJobExceptions() {
        return CompletableFuture.completedFuture(new JobExceptionsInfo(List.copyOf(exceptionHistory)));
    }

    // ---------------------------------------------------------------- TaskManager loss

    @Override
    public void disconnectTaskManager(ResourceId taskManager, String cause) {
        validateRunsInMainThread();
        taskManagerLost(taskManager, cause);
    }

    private void taskManagerLost(ResourceId taskManager, String cause) {
        SlotPool.RegisteredTaskManager lost = slotPool.removeTaskManager(taskManager);
        if (lost == null) {
            return;
        }
        LOG.warn("TaskManager {} is lost to job {}: {}", taskManager, jobGraph.jobId(), cause);
        heartbeats.unmonitor(taskManager);
        if (executions != null) {
            for (Execution execution : executions.executions()) {
                if (!execution.state.isTerminal()
                        && execution.slot.location().resourceId().equals(taskManager)) {
                    executionFailed(
                            execution,
                            ErrorInfo.of(new IllegalStateException("TaskManager " + taskManager + " ("
                                    + lost.location().rpcAddress() + ") was lost: " + cause)));
                }
            }
        }
        if (!isEnded() && waitingForSlotsSince >= 0) {
            declareRequirements(requiredSlots);
        }
    }

    private void scheduleHeartbeats() {
        scheduleRunAsync(
                () -> {
                    if (!isEnded()) {
                        heartbeats.heartbeatAll();
                        scheduleHeartbeats();
                    }
                },
                settings.heartbeatInterval().toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private final class TaskManagerHeartbeatListener
            implements HeartbeatMonitor.Listener<ResourceId, List<RunningTaskReport>> {
        @Override
        public void onPayload(ResourceId target, List<RunningTaskReport> payload) {
            // the TaskManager is alive; task states arrive through updateTaskExecutionState
            if (executions == null) {
                return;
            }
            for (RunningTaskReport task : payload) {
                Execution execution = executions.find(task.attemptId());
                if (execution != null) { // not a task of a run that has since been replaced
                    execution.inputWatermark = task.currentInputWatermark();
                }
            }
        }

        @Override
        public void onTargetDead(ResourceId target, String reason) {
            taskManagerLost(target, "heartbeat: " + reason);
        }
    }

    // ---------------------------------------------------------------- end of the job

    private boolean isEnded() {
        return status.isGloballyTerminal();
    }

    private void transitionTo(JobStatus next) {
        if (status != next) {
            LOG.info("Job '{}' ({}) switched from {} to {}", jobGraph.jobName(), jobGraph.jobId(), status, next);
            status = next;
            statusTimestamps.put(next.name(), clock().millis());
            if (next.isGloballyTerminal()) {
                endTime = clock().millis();
            }
        }
    }

    private void jobEnded(JobStatus finalStatus) {
        if (isEnded()) {
            return;
        }
        transitionTo(finalStatus);
        if (settings.jobResultStore() == JobResultStore.NONE) {
            release(finalStatus);
            return;
        }
        // durably ended before its checkpoint record goes: a JobManager that crashes from here on is not
        // followed by one that runs the job again
        Futures.runIo(() -> settings.jobResultStore().markEnded(jobGraph.jobId(), finalStatus), checkpointIo)
                .whenCompleteAsync(
                        (ok, error) -> {
                            if (Futures.unwrap(error) instanceof LeadershipLostException lost) {
                                // the job is the new leader's now: its checkpoints, graph and jars stay
                                LOG.warn(
                                        "Job {} is {} here, but this JobManager no longer leads ({}): left as it is",
                                        jobGraph.jobId(),
                                        finalStatus,
                                        lost.getMessage());
                                return;
                            }
                            if (error != null) {
                                LOG.error(
                                        "Could not record in {} that job {} is {}",
                                        settings.jobResultStore(),
                                        jobGraph.jobId(),
                                        finalStatus,
                                        error);
                            }
                            release(finalStatus);
                        },
                        getMainThreadExecutor());
    }

    /** The job has ended: checkpoints stop (and go, as retention says), slots are freed, the result is out. */
    private void release(JobStatus finalStatus) {
        if (checkpoints != null) {
            checkpoints.shutdown(finalStatus);
        }
        // Requirements first: a slot freed while the ResourceManager still counts this job's requirements
        // is allocated straight back to the job, and the TaskManager's offer finds no JobMaster.
        if (resourceManager != null) {
            resourceManager.declareRequiredResources(jobGraph.jobId(), getAddress(), getFencingToken(), 0);
        }
        slotPool.freeAllSlots("job " + jobGraph.jobId() + " is " + finalStatus);
        long runtime = clock().millis() - startTime;
        resultFuture.complete(new JobResult(
                jobGraph.jobId(),
                jobGraph.jobName(),
                finalStatus,
                runtime,
                finalStatus == JobStatus.FAILED ? failureCause : null));
    }

    /**
     * Timing and addresses a JobMaster needs; {@code blobServerAddress} is host:port of the job jars' BlobServer,
     * {@code clusterConfiguration} the defaults a job's own configuration overrides (checkpoints, restarts).
     */
    public record JobMasterSettings(
            String resourceManagerAddress,
            Duration heartbeatInterval,
            Duration heartbeatTimeout,
            Duration slotRequestTimeout,
            Duration taskCancellationTimeout,
            String blobServerAddress,
            Configuration clusterConfiguration,
            CompletedCheckpointStore checkpointStore,
            JobResultStore jobResultStore) {
        /** Settings of a JobManager whose jobs no other JobManager recovers. */
        public JobMasterSettings(
                String resourceManagerAddress,
                Duration heartbeatInterval,
                Duration heartbeatTimeout,
                Duration slotRequestTimeout,
                Duration taskCancellationTimeout,
                String blobServerAddress,
                Configuration clusterConfiguration) {
            this(
                    resourceManagerAddress,
                    heartbeatInterval,
                    heartbeatTimeout,
                    slotRequestTimeout,
                    taskCancellationTimeout,
                    blobServerAddress,
                    clusterConfiguration,
                    CompletedCheckpointStore.NONE,
                    JobResultStore.NONE);
        }
    }
}
