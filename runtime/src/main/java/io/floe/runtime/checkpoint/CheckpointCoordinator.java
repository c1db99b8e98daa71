package io.floe.runtime.checkpoint;

import io.floe.api.ExternalizedCheckpointRetention;
import io.floe.api.JobId;
import io.floe.api.JobStatus;
import io.floe.runtime.highavailability.CompletedCheckpointStore;
import io.floe.runtime.highavailability.LeadershipLostException;
import io.floe.runtime.types.ExecutionAttemptId;
import io.floe.runtime.types.JobVertexId;
import io.floe.runtime.util.Futures;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes a job's checkpoints: triggers them at the sources every {@code interval}, collects the
 * acknowledgements of all subtasks, writes {@code _metadata} when the last one came, tells every
 * subtask the checkpoint completed (sinks commit then), keeps the newest {@code numRetained} and
 * deletes the older ones. A checkpoint that times out or is declined is aborted and its directory
 * deleted; more consecutive failures than {@code tolerableFailures} fail the job over. Savepoints
 * are checkpoints the user triggers; they are never deleted and never count as failures.
 *
 * <p>Threads: every method, and every callback it schedules, runs on the JobMaster's main thread;
 * storage I/O runs on the {@code io} executor and hops back through {@code mainThread}.
 */
public final class CheckpointCoordinator {
    private static final Logger LOG = LoggerFactory.getLogger(CheckpointCoordinator.class);
    private static final Duration FINAL_RETRY_DELAY = Duration.ofMillis(50);
    private static final int FINAL_RETRIES = 20;
    private static final int HISTORY_SIZE = 10;

    /**
     * A running subtask of the job's current run, as the coordinator needs it. {@code triggered}:
     * the checkpoint starts at it (a source, or a task whose inputs have all finished); the others
     * take it when its barriers reach them.
     */
    public record TaskInCheckpoint(
            ExecutionAttemptId attempt, JobVertexId vertex, int subtaskIndex, boolean triggered) {}

    /** How the coordinator reaches the tasks of the job's current run; implemented by the JobMaster. */
    public interface Tasks {
        /**
         * The subtasks of the current run still running, or null unless every subtask is RUNNING or
         * FINISHED (finished ones are not part of new checkpoints).
         */
        List<TaskInCheckpoint> runningTasks();

        /** Asks a triggered subtask to take the checkpoint and send its barrier downstream. */
        void triggerCheckpoint(
                TaskInCheckpoint source, long checkpointId, long timestamp, CheckpointType type, String directory);

        void notifyCheckpointComplete(TaskInCheckpoint task, long checkpointId, long timestamp);

        void notifyCheckpointAborted(TaskInCheckpoint task, long checkpointId);

        /** Fails the job over (restart or fail, as the restart strategy says). */
        void failJob(Throwable cause);
    }

    /** Runs work on the main thread after a delay (the JobMaster's scheduleRunAsync); tests drive it by hand. */
    public interface Timer {
        Cancellable schedule(Runnable task, Duration delay);
    }

    public interface Cancellable {
        void cancel();
    }

    private final JobId jobId;
    private final CheckpointSettings settings;
    private final CheckpointStorage storage;
    private final CompletedCheckpointStore completedStore;
    private final Tasks tasks;
    private final Timer timer;
    private final Clock clock;
    private final Executor io;
    private final Executor mainThread;

    private final TreeMap<Long, PendingCheckpoint> pending = new TreeMap<>();
    private final Deque<CompletedCheckpoint> completed = new ArrayDeque<>();
    private final Deque<CheckpointStats> history = new ArrayDeque<>();
    private long nextCheckpointId = 1;
    /**
     * Subtasks of the current run whose input ended, with the number above the last checkpoint each
     * had taken then: they wait for a checkpoint to finish with, and finish once one numbered from
     * there on completed (they took it after their input ended).
     */
    private final Map<ExecutionAttemptId, Long> inputEnded = new HashMap<>();
    /** The newest completed checkpoint that tasks were told of (not a savepoint); -1 before. */
    private long lastNotifiedCheckpointId = -1;
    /** A final checkpoint waits until the subtasks about to finish did: sent to them it would be declined. */
    private boolean triggerWhenFinished;
    /** {@link #nextCheckpointId} when the last subtask's input ended. */
    private long nextIdWhenInputLastEnded = -1;
    /** The checkpoint triggered because the inputs ended (see {@link #taskReachedEndOfInput}); -1 if none. */
    private long finalCheckpointId = -1;
    /** Final checkpoints declined in a row because a task had just finished; tried again up to a limit. */
    private int finalRetries;

    private long lastCompletionMillis = Long.MIN_VALUE / 2;
    private int consecutiveFailures;
    private long numberOfCompleted;
    private long numberOfFailed;
    private Cancellable periodicTrigger;
    private long numberOfRestored;
    private CheckpointStatsSnapshot.RestoredCheckpoint restored;
    private boolean running;
    private boolean shutDown;

    public CheckpointCoordinator(
            JobId jobId,
            CheckpointSettings settings,
            CheckpointStorage storage,
            Tasks tasks,
            Timer timer,
            Clock clock,
            Executor io,
            Executor mainThread) {
        this(jobId, settings, storage, CompletedCheckpointStore.NONE, tasks, timer, clock, io, mainThread);
    }

    /**
     * @param completedStore where each completed checkpoint is recorded (before tasks hear of it) for
     *     the next JobManager to restore the job from
     */
    public CheckpointCoordinator(
            JobId jobId,
            CheckpointSettings settings,
            CheckpointStorage storage,
            CompletedCheckpointStore completedStore,
            Tasks tasks,
            Timer timer,
            Clock clock,
            Executor io,
            Executor mainThread) {
        this.completedStore = completedStore;
        this.jobId = jobId;
        this.settings = settings;
        this.storage = storage;
        this.tasks = tasks;
        this.timer = timer;
        this.clock = clock;
        this.io = io;
        this.mainThread = mainThread;
    }

    /** Starts periodic checkpoints: the first one {@code interval} from now. */
    public void startCheckpointScheduler() {
        if (shutDown || running || !settings.periodic()) {
            return;
        }
        running = true;
        schedulePeriodic(settings.interval());
        // a source may have ended while other tasks were still being deployed: its final checkpoint comes now,
        // not an interval later
        triggerFinalCheckpointIfAllInputEnded();
    }

    /** Stops periodic checkpoints; pending ones go on. */
    public void stopCheckpointScheduler() {
        running = false;
        triggerWhenFinished = false;
        if (periodicTrigger != null) {
            periodicTrigger.cancel();
            periodicTrigger = null;
        }
    }

    /** Triggers a savepoint into {@code targetDirectory} (null: {@code state.savepoints.dir}). */
    public CompletableFuture<CompletedCheckpoint> triggerSavepoint(String targetDirectory) {
        return trigger(CheckpointType.SAVEPOINT, targetDirectory);
    }

    /**
     * Triggers a savepoint after which the tasks finish ({@link CheckpointType#STOP_SAVEPOINT}; with
     * {@code drain}, {@link CheckpointType#DRAIN_SAVEPOINT}: the sources end event time first);
     * periodic checkpoints stop first and resume if it fails.
     */
    public CompletableFuture<CompletedCheckpoint> stopWithSavepoint(String targetDirectory, boolean drain) {
        boolean wasRunning = running;
        stopCheckpointScheduler();
        CompletableFuture<CompletedCheckpoint> result =
                trigger(drain ? CheckpointType.DRAIN_SAVEPOINT : CheckpointType.STOP_SAVEPOINT, targetDirectory);
        result.whenComplete((done, failure) -> {
            if (failure != null && wasRunning) {
                startCheckpointScheduler();
            }
        });
        return result;
    }

    /** Triggers a checkpoint now, whatever the interval (for tests and the REST API). */
    public CompletableFuture<CompletedCheckpoint> triggerCheckpoint() {
        return trigger(CheckpointType.CHECKPOINT, null);
    }

    /** A subtask took its part of checkpoint {@code checkpointId}. */
    public void acknowledge(ExecutionAttemptId attempt, long checkpointId, TaskStateSnapshot state) {
        PendingCheckpoint checkpoint = pending.get(checkpointId);
        if (checkpoint == null || checkpoint.discarded) {
            LOG.debug("Ignoring a late acknowledgement of checkpoint {} of job {} by {}", checkpointId, jobId, attempt);
            return;
        }
        if (!checkpoint.acknowledge(attempt, state, clock.millis())) {
            LOG.warn("Checkpoint {} of job {}: unexpected acknowledgement by {}", checkpointId, jobId, attempt);
            return;
        }
        if (checkpoint.isFullyAcknowledged()) {
            finalizeCheckpoint(checkpoint);
        }
    }

    /**
     * A subtask could not take its part of checkpoint {@code checkpointId}.
     *
     * @param countsAsFailure false if the checkpoint only could not happen now (a task ended, an
     *     alignment was overtaken): it does not count towards the tolerable failures
     */
    public void decline(ExecutionAttemptId attempt, long checkpointId, String reason, boolean countsAsFailure) {
        PendingCheckpoint checkpoint = pending.get(checkpointId);
        if (checkpoint != null && !checkpoint.discarded && checkpoint.involves(attempt)) {
            abort(checkpoint, "Checkpoint was declined (" + reason + ")", countsAsFailure);
        }
    }

    /**
     * A subtask finished, after its final checkpoint completed: pending checkpoints stop waiting
     * for it. It has no state left to give; a restore from them runs it with empty state.
     */
    public void taskFinished(ExecutionAttemptId attempt) {
        for (PendingCheckpoint checkpoint : new ArrayList<>(pending.values())) {
            if (!checkpoint.discarded
                    && checkpoint.acknowledge(attempt, new TaskStateSnapshot(List.of()), clock.millis())
                    && checkpoint.isFullyAcknowledged()
                    && checkpoint.directory != null) {
                finalizeCheckpoint(checkpoint);
            }
        }
        inputEnded.remove(attempt);
        if (triggerWhenFinished && !anyTaskFinishing()) {
            triggerWhenFinished = false;
            triggerFinalCheckpointIfAllInputEnded();
        }
    }

    /**
     * Whether a subtask has taken its final checkpoint (one triggered after its input ended has
     * completed) and is about to finish: the JobMaster still counts it as running, but it takes
     * no more checkpoints, and the subtasks it fed are only triggered once it has finished.
     */
    private boolean anyTaskFinishing() {
        for (long endedAt : inputEnded.values()) {
            if (endedAt <= lastNotifiedCheckpointId) {
                return true;
            }
        }
        return false;
    }

    /**
     * A subtask's input ended. Once the input of every subtask a checkpoint starts at has ended,
     * the next checkpoint is taken at once (after the min pause) rather than at the next interval:
     * it is their final one, they finish with it, and the subtasks they feed then reach their own
     * end of input. So a bounded job does not wait up to an interval per stage to end.
     */
    public void taskReachedEndOfInput(ExecutionAttemptId attempt, long lastCheckpointTaken) {
        // its final checkpoint is the first it takes from now on: one triggered later, or one pending that
        // has not reached it yet (its barrier comes after the end of the data)
        inputEnded.putIfAbsent(attempt, lastCheckpointTaken + 1);
        nextIdWhenInputLastEnded = nextCheckpointId;
        triggerFinalCheckpointIfAllInputEnded();
    }

    private void triggerFinalCheckpointIfAllInputEnded() {
        if (!running
                || shutDown
                || nextCheckpointId != nextIdWhenInputLastEnded
                || pending.size() >= settings.maxConcurrent()) {
            return; // not periodic, or one was triggered since, or it has to wait for a pending one to end
        }
        List<TaskInCheckpoint> current = tasks.runningTasks();
        if (current == null
                || current.isEmpty()
                || !current.stream()
                        .filter(TaskInCheckpoint::triggered)
                        .allMatch(t -> inputEnded.containsKey(t.attempt()))) {
            return;
        }
        if (anyTaskFinishing()) {
            triggerWhenFinished = true; // taskFinished comes back here; the periodic trigger stays as a fallback
            return;
        }
        if (periodicTrigger != null) {
            periodicTrigger.cancel();
        }
        finalCheckpointId = nextCheckpointId;
        schedulePeriodic(Duration.ZERO);
    }

    /** The job fails over: pending checkpoints cannot complete and do not count as failures. */
    public void abortPendingOnFailover(String reason) {
        inputEnded.clear();
        for (PendingCheckpoint checkpoint : new ArrayList<>(pending.values())) {
            abort(checkpoint, "Checkpoint was aborted: " + reason, false);
        }
    }

    /** The newest completed checkpoint, to restore from after a failure; null if there is none. */
    public CompletedCheckpoint latestCompletedCheckpoint() {
        return completed.peekLast();
    }

    /** The retained completed checkpoints, oldest first. */
    public List<CompletedCheckpoint> retainedCheckpoints() {
        return List.copyOf(completed);
    }

    /** The latest checkpoints and savepoints, newest first, for the REST API. */
    public List<CheckpointStats> history() {
        List<CheckpointStats> entries = new ArrayList<>();
        for (PendingCheckpoint checkpoint : pending.descendingMap().values()) {
            entries.add(stats(checkpoint, "IN_PROGRESS", null, -1));
        }
        entries.addAll(history);
        return entries;
    }

    /** Everything the REST API shows about the job's checkpoints. */
    public CheckpointStatsSnapshot statsSnapshot() {
        return new CheckpointStatsSnapshot(
                numberOfCompleted, numberOfFailed, pending.size(), numberOfRestored, history(), restored, settings);
    }

    /**
     * Reads the checkpoint or savepoint at {@code path} (its directory or its {@code _metadata}),
     * to start the job from it; completes on the main thread, or fails naming the path.
     */
    public CompletableFuture<CompletedCheckpoint> loadCheckpoint(String path) {
        String directory = path.endsWith("/" + FileSystemCheckpointStorage.METADATA_FILE)
                ? path.substring(0, path.length() - FileSystemCheckpointStorage.METADATA_FILE.length() - 1)
                : path;
        return Futures.supplyIo(() -> new CompletedCheckpoint(storage.readMetadata(path), directory, 0), io)
                .thenApplyAsync(checkpoint -> checkpoint, mainThread);
    }

    /** Checks on an I/O thread that checkpoints can be written ({@link CheckpointStorage#checkCheckpointDirectory}). */
    public CompletableFuture<Void> checkStorage() {
        if (!settings.periodic()) {
            return CompletableFuture.completedFuture(null);
        }
        return Futures.runIo(storage::checkCheckpointDirectory, io);
    }

    /**
     * A run of the job starts from {@code checkpoint}: counted for the statistics, and new
     * checkpoints continue its numbering (as in Flink), so ids stay unique across restores.
     */
    public void restoringFrom(CompletedCheckpoint checkpoint) {
        numberOfRestored++;
        restored = new CheckpointStatsSnapshot.RestoredCheckpoint(
                checkpoint.checkpointId(), clock.millis(), checkpoint.isSavepoint(), checkpoint.directory());
        nextCheckpointId = Math.max(nextCheckpointId, checkpoint.checkpointId() + 1);
    }

    public long numberOfCompletedCheckpoints() {
        return numberOfCompleted;
    }

    public long numberOfFailedCheckpoints() {
        return numberOfFailed;
    }

    public int numberOfPendingCheckpoints() {
        return pending.size();
    }

    public CheckpointSettings settings() {
        return settings;
    }

    /**
     * The job reached {@code status} for good: stops, aborts what is pending and deletes the
     * retained checkpoints unless {@code execution.checkpointing.externalized-checkpoint-retention}
     * keeps them for that status.
     */
    public void shutdown(JobStatus status) {
        if (shutDown) {
            return;
        }
        stopCheckpointScheduler();
        abortPendingOnFailover("the job is " + status);
        shutDown = true;
        if (status.isGloballyTerminal()) {
            // no JobManager recovers the job any more: its record goes first, then the checkpoints it names
            List<String> discarded = new ArrayList<>();
            if (discardsOn(status)) {
                completed.forEach(checkpoint -> discarded.add(checkpoint.directory()));
                completed.clear();
            }
            io.execute(() -> forgetAndDiscard(discarded));
        }
        if (!completed.isEmpty()) {
            LOG.info(
                    "Job {} is {}; its checkpoint {} stays at {}",
                    jobId,
                    status,
                    completed.peekLast().checkpointId(),
                    completed.peekLast().directory());
        }
    }

    private boolean discardsOn(JobStatus status) {
        ExternalizedCheckpointRetention retention = settings.retention();
        return switch (status) {
            case FINISHED -> true;
            case CANCELED -> retention != ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION;
            case FAILED -> retention == ExternalizedCheckpointRetention.NO_EXTERNALIZED_CHECKPOINTS;
            default -> false; // suspended: a new JobMaster takes over
        };
    }

    private void schedulePeriodic(Duration delay) {
        periodicTrigger = timer.schedule(this::triggerPeriodically, delay);
    }

    private void triggerPeriodically() {
        periodicTrigger = null;
        if (!running || shutDown) {
            return;
        }
        long now = clock.millis();
        long pauseLeft = lastCompletionMillis + settings.minPause().toMillis() - now;
        if (pending.size() >= settings.maxConcurrent()) {
            LOG.debug("Checkpoint of job {} skipped: {} still in progress", jobId, pending.size());
            schedulePeriodic(settings.interval());
        } else if (pauseLeft > 0) {
            schedulePeriodic(Duration.ofMillis(pauseLeft));
        } else {
            trigger(CheckpointType.CHECKPOINT, null);
            schedulePeriodic(settings.interval());
        }
    }

    private CompletableFuture<CompletedCheckpoint> trigger(CheckpointType type, String targetDirectory) {
        boolean savepoint = type.isSavepoint();
        if (shutDown) {
            return CompletableFuture.failedFuture(new CheckpointException("The job " + jobId + " has ended"));
        }
        List<TaskInCheckpoint> running = tasks.runningTasks();
        if (running == null || running.isEmpty()) {
            // not a failure: Flink skips the checkpoint too while tasks are being deployed or restarted
            LOG.debug("Checkpoint of job {} not triggered: not all tasks are running", jobId);
            return CompletableFuture.failedFuture(new CheckpointException("Checkpoint triggering task of job " + jobId
                    + " is not being executed at the moment:" + " not all tasks are running."));
        }
        PendingCheckpoint checkpoint = new PendingCheckpoint(nextCheckpointId++, clock.millis(), type, running);
        pending.put(checkpoint.checkpointId, checkpoint);
        Futures.supplyIo(
                        () -> savepoint
                                ? storage.initializeSavepoint(targetDirectory)
                                : storage.initializeCheckpoint(checkpoint.checkpointId),
                        io)
                .whenCompleteAsync((directory, failure) -> started(checkpoint, directory, failure), mainThread);
        return checkpoint.result;
    }

    private void started(PendingCheckpoint checkpoint, String directory, Throwable failure) {
        if (checkpoint.discarded) {
            if (directory != null) {
                discardLater(directory);
            }
            return;
        }
        if (failure != null) {
            Throwable cause = Futures.unwrap(failure);
            abort(
                    checkpoint,
                    "Could not create the directory of " + describe(checkpoint) + ": " + cause.getMessage(),
                    true);
            return;
        }
        checkpoint.directory = directory;
        checkpoint.timeout = timer.schedule(
                () -> {
                    if (!checkpoint.finalizing) {
                        abort(checkpoint, "Checkpoint expired before completing.", true);
                    }
                },
                settings.timeout());
        LOG.info("Triggering {} of job {} into {}", describe(checkpoint), jobId, directory);
        if (checkpoint.isFullyAcknowledged()) { // every task of it finished meanwhile
            finalizeCheckpoint(checkpoint);
            return;
        }
        for (TaskInCheckpoint task : checkpoint.tasks()) {
            if (task.triggered()) {
                tasks.triggerCheckpoint(
                        task, checkpoint.checkpointId, checkpoint.triggerTimestamp, checkpoint.type, directory);
            }
        }
    }

    private void finalizeCheckpoint(PendingCheckpoint checkpoint) {
        checkpoint.finalizing = true;
        CheckpointMetadata metadata = new CheckpointMetadata(
                CheckpointMetadata.CURRENT_VERSION,
                jobId,
                checkpoint.checkpointId,
                checkpoint.triggerTimestamp,
                checkpoint.savepoint,
                checkpoint.acknowledgedStates());
        Futures.runIo(
                        () -> {
                            completedStore.confirmLeadership(); // (a deposed leader overwrites nothing)
                            storage.writeMetadata(checkpoint.directory, metadata);
                            if (checkpoint.type != CheckpointType.SAVEPOINT) { // (one that commits)
                                completedStore.add(jobId, checkpoint.checkpointId, checkpoint.directory);
                            }
                        },
                        io)
                .whenCompleteAsync((ignored, failure) -> completed(checkpoint, metadata, failure), mainThread);
    }

    private void completed(PendingCheckpoint checkpoint, CheckpointMetadata metadata, Throwable failure) {
        if (checkpoint.discarded) {
            return;
        }
        if (failure != null) {
            Throwable cause = Futures.unwrap(failure);
            abort(
                    checkpoint,
                    cause instanceof LeadershipLostException
                            ? describe(checkpoint) + " was not completed: " + cause.getMessage()
                            : "Could not write the metadata of " + describe(checkpoint) + ": " + cause.getMessage(),
                    true);
            return;
        }
        pending.remove(checkpoint.checkpointId);
        if (checkpoint.timeout != null) {
            checkpoint.timeout.cancel();
        }
        long now = clock.millis();
        CompletedCheckpoint done =
                new CompletedCheckpoint(metadata, checkpoint.directory, now - checkpoint.triggerTimestamp);
        numberOfCompleted++;
        finalRetries = 0;
        remember(stats(checkpoint, "COMPLETED", null, done.durationMillis()));
        if (!checkpoint.savepoint) {
            lastCompletionMillis = now;
            consecutiveFailures = 0;
            completed.addLast(done);
            while (completed.size() > settings.numRetained()) {
                discardLater(completed.removeFirst().directory()); // subsumed
            }
            // older pending checkpoints can no longer complete usefully (Flink subsumes them too)
            for (PendingCheckpoint older :
                    new ArrayList<>(pending.headMap(checkpoint.checkpointId).values())) {
                if (!older.savepoint) {
                    abort(older, "Checkpoint was subsumed by checkpoint " + checkpoint.checkpointId + ".", false);
                }
            }
        }
        LOG.info(
                "Completed {} of job {} ({} bytes in {} ms)",
                describe(checkpoint),
                jobId,
                metadata.stateSize(),
                done.durationMillis());
        // As in Flink (1.15 on), a savepoint commits no side effects: a failure restores the latest
        // checkpoint, which may be older, and sinks would otherwise write again what they committed. Their
        // files wait for the next checkpoint. A stop-with-savepoint commits: it is the job's last.
        if (checkpoint.type != CheckpointType.SAVEPOINT) {
            lastNotifiedCheckpointId = Math.max(lastNotifiedCheckpointId, checkpoint.checkpointId);
            for (TaskInCheckpoint task : checkpoint.tasks()) {
                tasks.notifyCheckpointComplete(task, checkpoint.checkpointId, checkpoint.triggerTimestamp);
            }
        }
        checkpoint.result.complete(done);
        triggerFinalCheckpointIfAllInputEnded();
    }

    private void abort(PendingCheckpoint checkpoint, String reason, boolean countsAsFailure) {
        if (checkpoint.discarded) {
            return;
        }
        checkpoint.discarded = true;
        pending.remove(checkpoint.checkpointId);
        if (checkpoint.timeout != null) {
            checkpoint.timeout.cancel();
        }
        if (checkpoint.directory != null) {
            discardLater(checkpoint.directory);
        }
        numberOfFailed++;
        remember(stats(checkpoint, "FAILED", reason, clock.millis() - checkpoint.triggerTimestamp));
        LOG.warn("{} of job {} failed: {}", describe(checkpoint), jobId, reason);
        for (TaskInCheckpoint task : checkpoint.tasks()) {
            tasks.notifyCheckpointAborted(task, checkpoint.checkpointId);
        }
        checkpoint.result.completeExceptionally(new CheckpointException(reason));
        if (countsAsFailure && !checkpoint.savepoint && ++consecutiveFailures > settings.tolerableFailures()) {
            consecutiveFailures = 0;
            tasks.failJob(new CheckpointException("Exceeded checkpoint tolerable failure threshold. The latest"
                    + " checkpoint failed due to " + reason + " (execution.checkpointing.tolerable-failed-checkpoints: "
                    + settings.tolerableFailures() + ")"));
        } else if (!countsAsFailure && checkpoint.checkpointId == finalCheckpointId && finalRetries < FINAL_RETRIES) {
            // a task it went to had just finished, and the JobMaster did not know yet: once it does, the tasks
            // that task fed are the ones to trigger; try again shortly instead of an interval later
            finalRetries++;
            nextIdWhenInputLastEnded = nextCheckpointId;
            timer.schedule(this::triggerFinalCheckpointIfAllInputEnded, FINAL_RETRY_DELAY);
        } else {
            triggerFinalCheckpointIfAllInputEnded();
        }
    }

    private void forgetAndDiscard(List<String> directories) {
        try {
            completedStore.remove(jobId);
        } catch (LeadershipLostException e) { // the job's checkpoints are the new leader's now
            LOG.warn("Leaving the checkpoints of job {} alone: {}", jobId, e.getMessage());
            return;
        } catch (IOException e) {
            LOG.warn(
                    "Could not remove the checkpoint record of job {} from {}: {}",
                    jobId,
                    completedStore,
                    e.toString());
        }
        for (String directory : directories) {
            try {
                storage.discard(directory);
            } catch (IOException e) {
                LOG.warn("Could not delete {} of job {}: {}", directory, jobId, e.toString());
            }
        }
    }

    private void discardLater(String directory) {
        io.execute(() -> {
            try {
                completedStore.confirmLeadership(); // (the new leader may have restored from it, or write there)
                storage.discard(directory);
            } catch (IOException e) {
                LOG.warn("Could not delete {} of job {}: {}", directory, jobId, e.toString());
            }
        });
    }

    private void remember(CheckpointStats stats) {
        history.addFirst(stats);
        while (history.size() > HISTORY_SIZE) {
            history.removeLast();
        }
    }

    private CheckpointStats stats(PendingCheckpoint checkpoint, String status, String failure, long duration) {
        return new CheckpointStats(
                checkpoint.checkpointId,
                status,
                checkpoint.savepoint,
                checkpoint.triggerTimestamp,
                checkpoint.latestAckTimestamp,
                checkpoint.stateSize(),
                duration,
                checkpoint.tasks().size(),
                checkpoint.numberOfAcknowledged(),
                checkpoint.directory,
                failure);
    }

    private static String describe(PendingCheckpoint checkpoint) {
        return (checkpoint.savepoint ? "savepoint " : "checkpoint ") + checkpoint.checkpointId;
    }
}
