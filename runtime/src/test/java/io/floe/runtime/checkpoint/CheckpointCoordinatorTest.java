package io.floe.runtime.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.api.ExternalizedCheckpointRetention;
import io.floe.api.JobId;
import io.floe.api.JobStatus;
import io.floe.runtime.highavailability.CompletedCheckpointStore;
import io.floe.runtime.highavailability.LeadershipLostException;
import io.floe.runtime.rpc.ManualClock;
import io.floe.runtime.types.ExecutionAttemptId;
import io.floe.runtime.types.JobVertexId;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointCoordinatorTest {
    private static final JobVertexId SOURCE = new JobVertexId("00000000000000000000000000000001");
    private static final JobVertexId SINK = new JobVertexId("00000000000000000000000000000002");

    @TempDir
    Path dir;

    private final JobId jobId = JobId.generate();
    private final ManualClock clock = new ManualClock(1_000_000);
    private final ManualTimer timer = new ManualTimer();
    private final FakeTasks tasks = new FakeTasks();

    private CheckpointCoordinator coordinator(int tolerable, int retained, ExternalizedCheckpointRetention retention) {
        CheckpointSettings settings = new CheckpointSettings(
                Duration.ofMillis(200), true, Duration.ofSeconds(10), Duration.ZERO, 1, tolerable, retention, retained);
        FileSystemCheckpointStorage storage = new FileSystemCheckpointStorage(
                jobId, dir.resolve("checkpoints").toUri().toString(), null, new Configuration());
        return new CheckpointCoordinator(jobId, settings, storage, tasks, timer, clock, Runnable::run, Runnable::run);
    }

    private CheckpointCoordinator coordinator(CheckpointSettings settings) {
        return new CheckpointCoordinator(
                jobId,
                settings,
                new FileSystemCheckpointStorage(jobId, dir.toUri().toString(), null, new Configuration()),
                tasks,
                timer,
                clock,
                Runnable::run,
                Runnable::run);
    }

    /** Periodic every {@code interval}, no min pause, one at a time, no tolerable failures, one retained. */
    private static CheckpointSettings settings(Duration interval, Duration minPause) {
        return new CheckpointSettings(
                interval,
                true,
                Duration.ofMinutes(1),
                minPause,
                1,
                0,
                ExternalizedCheckpointRetention.NO_EXTERNALIZED_CHECKPOINTS,
                1);
    }

    private CheckpointCoordinator coordinator() {
        return coordinator(0, 1, ExternalizedCheckpointRetention.NO_EXTERNALIZED_CHECKPOINTS);
    }

    private Path checkpointDir(long id) {
        return dir.resolve("checkpoints").resolve(jobId.toString()).resolve("chk-" + id);
    }

    /** Both sources report the end of their input, having taken no checkpoint; the coordinator's timer runs. */
    private void sourcesEndTheirInput(
            CheckpointCoordinator coordinator, List<CheckpointCoordinator.TaskInCheckpoint> all) {
        coordinator.taskReachedEndOfInput(all.get(0).attempt(), -1);
        coordinator.taskReachedEndOfInput(all.get(1).attempt(), -1);
        timer.advance(clock, Duration.ofMillis(1));
    }

    /** The sources of {@code all} finished: the JobMaster lists the sinks alone, as the tasks checkpoints start at. */
    private void onlyTheSinksRunNow(List<CheckpointCoordinator.TaskInCheckpoint> all) {
        tasks.running = List.of(
                new CheckpointCoordinator.TaskInCheckpoint(all.get(2).attempt(), SINK, 0, true),
                new CheckpointCoordinator.TaskInCheckpoint(all.get(3).attempt(), SINK, 1, true));
    }

    private void acknowledgeAll(CheckpointCoordinator coordinator, long id) {
        for (CheckpointCoordinator.TaskInCheckpoint task : tasks.running) {
            coordinator.acknowledge(task.attempt(), id, stateOf(task));
        }
    }

    private static TaskStateSnapshot stateOf(CheckpointCoordinator.TaskInCheckpoint task) {
        return new TaskStateSnapshot(List.of(new OperatorSubtaskState(
                task.vertex().value(),
                List.of(new StateFile(
                        "keyed-" + task.subtaskIndex(), 100, task.subtaskIndex() * 64, task.subtaskIndex() * 64 + 63)),
                List.of())));
    }

    @Test
    void aCheckpointTriggeredAtTheSourcesCompletesWithEveryAcknowledgementAndIsAnnounced() throws Exception {
        CheckpointCoordinator coordinator = coordinator();
        coordinator.startCheckpointScheduler();
        timer.advance(clock, Duration.ofMillis(199));
        assertEquals(List.of(), tasks.triggered);
        timer.advance(clock, Duration.ofMillis(1));
        assertEquals(List.of("trigger 1 at source#0", "trigger 1 at source#1"), tasks.triggered);
        assertTrue(Files.isDirectory(checkpointDir(1)));

        List<CheckpointCoordinator.TaskInCheckpoint> all = tasks.running;
        for (int i = 0; i < all.size() - 1; i++) {
            coordinator.acknowledge(all.get(i).attempt(), 1, stateOf(all.get(i)));
        }
        assertNull(coordinator.latestCompletedCheckpoint(), "one subtask still owes its acknowledgement");
        assertFalse(Files.exists(checkpointDir(1).resolve("_metadata")));
        coordinator.acknowledge(all.get(all.size() - 1).attempt(), 1, stateOf(all.get(all.size() - 1)));

        CompletedCheckpoint completed = coordinator.latestCompletedCheckpoint();
        assertEquals(1, completed.checkpointId());
        assertTrue(Files.isRegularFile(checkpointDir(1).resolve("_metadata")));
        assertEquals(
                List.of(
                        "complete 1 at source#0",
                        "complete 1 at source#1",
                        "complete 1 at sink#0",
                        "complete 1 at sink#1"),
                tasks.notified);
        CheckpointMetadata read = new FileSystemCheckpointStorage(jobId, null, null, new Configuration())
                .readMetadata(checkpointDir(1).toString());
        assertEquals(completed.metadata(), read);
        assertEquals(400, read.stateSize());
        assertEquals("COMPLETED", coordinator.history().get(0).status());
    }

    /**
     * A deposed leader (its store's leadership check fails) writes no metadata, tells no task, and
     * deletes no checkpoint: neither the one it restored from and subsumes, nor one that timed out,
     * nor any when the job ends under it.
     */
    @Test
    void aDeposedLeaderNeitherCompletesNorDeletesCheckpoints() throws Exception {
        AtomicBoolean leads = new AtomicBoolean(true);
        List<Long> recorded = new ArrayList<>();
        CompletedCheckpointStore store = new CompletedCheckpointStore() {
            @Override
            public void add(JobId job, long checkpointId, String directory) {
                recorded.add(checkpointId);
            }

            @Override
            public String latest(JobId job) {
                return null;
            }

            @Override
            public void remove(JobId job) throws LeadershipLostException {
                confirmLeadership();
            }

            @Override
            public void confirmLeadership() throws LeadershipLostException {
                if (!leads.get()) {
                    throw new LeadershipLostException("another JobManager leads");
                }
            }
        };
        CheckpointCoordinator coordinator = new CheckpointCoordinator(
                jobId,
                settings(Duration.ofMillis(200), Duration.ZERO),
                new FileSystemCheckpointStorage(
                        jobId, dir.resolve("checkpoints").toUri().toString(), null, new Configuration()),
                store,
                tasks,
                timer,
                clock,
                Runnable::run,
                Runnable::run);
        coordinator.startCheckpointScheduler();
        timer.advance(clock, Duration.ofMillis(200));
        acknowledgeAll(coordinator, 1);
        assertEquals(List.of(1L), recorded);
        assertTrue(Files.exists(checkpointDir(1).resolve("_metadata")));

        timer.advance(clock, Duration.ofMillis(200)); // checkpoint 2 is triggered, then the leadership goes
        leads.set(false);
        tasks.notified.clear();
        acknowledgeAll(coordinator, 2);
        assertEquals(List.of(1L), recorded, "checkpoint 2 is not recorded");
        assertFalse(Files.exists(checkpointDir(2).resolve("_metadata")), "no metadata written");
        assertTrue(tasks.notified.stream().noneMatch(e -> e.startsWith("complete")), tasks.notified.toString());
        assertTrue(Files.exists(checkpointDir(1).resolve("_metadata")), "checkpoint 1 is left alone");

        coordinator.shutdown(JobStatus.FINISHED);
        assertTrue(Files.exists(checkpointDir(1).resolve("_metadata")), "nor deleted when the job ends here");
    }

    @Test
    void eachCompletedCheckpointIsRecordedBeforeAnyTaskHearsOfItAndTheRecordGoesWhenTheJobEnds() throws Exception {
        List<String> events = tasks.notified; // the store writes into the same list, so the order shows
        CompletedCheckpointStore store = new CompletedCheckpointStore() {
            @Override
            public void add(JobId job, long checkpointId, String directory) {
                events.add("record " + checkpointId + " at " + directory.substring(directory.lastIndexOf('/') + 1));
            }

            @Override
            public String latest(JobId job) {
                return null;
            }

            @Override
            public void remove(JobId job) {
                events.add("forget " + job.equals(jobId));
            }
        };
        FileSystemCheckpointStorage storage = new FileSystemCheckpointStorage(
                jobId, dir.resolve("checkpoints").toUri().toString(), null, new Configuration());
        CheckpointCoordinator coordinator = new CheckpointCoordinator(
                jobId,
                settings(Duration.ofMillis(200), Duration.ZERO),
                storage,
                store,
                tasks,
                timer,
                clock,
                Runnable::run,
                Runnable::run);
        coordinator.startCheckpointScheduler();
        timer.advance(clock, Duration.ofMillis(200));
        acknowledgeAll(coordinator, 1);
        assertEquals("record 1 at chk-1", events.get(0), "recorded first: " + events);
        assertTrue(events.get(1).startsWith("complete 1"), events.toString());

        events.clear();
        coordinator.triggerSavepoint(dir.resolve("savepoints").toUri().toString());
        acknowledgeAll(coordinator, 2);
        assertTrue(events.stream().noneMatch(e -> e.startsWith("record")), "a savepoint is not recorded: " + events);

        coordinator.shutdown(JobStatus.FINISHED);
        assertTrue(events.contains("forget true"), events.toString());
        assertFalse(Files.exists(checkpointDir(1)), "the finished job's checkpoint is deleted after its record");
    }

    @Test
    void onlyTheNewestCheckpointsAreKept() {
        CheckpointCoordinator coordinator =
                coordinator(0, 2, ExternalizedCheckpointRetention.NO_EXTERNALIZED_CHECKPOINTS);
        coordinator.startCheckpointScheduler();
        for (long id = 1; id <= 4; id++) {
            timer.advance(clock, Duration.ofMillis(200));
            acknowledgeAll(coordinator, id);
        }
        assertEquals(
                List.of(3L, 4L),
                coordinator.retainedCheckpoints().stream()
                        .map(CompletedCheckpoint::checkpointId)
                        .toList());
        assertFalse(Files.exists(checkpointDir(1)), "subsumed checkpoints are deleted");
        assertFalse(Files.exists(checkpointDir(2)));
        assertTrue(Files.exists(checkpointDir(3)));
    }

    @Test
    void aTimedOutCheckpointIsAbortedAndDeletedAndTooManyFailTheJobOver() {
        CheckpointCoordinator coordinator =
                coordinator(1, 1, ExternalizedCheckpointRetention.NO_EXTERNALIZED_CHECKPOINTS);
        coordinator.startCheckpointScheduler();
        timer.advance(clock, Duration.ofMillis(200));
        assertTrue(Files.exists(checkpointDir(1)));
        timer.advance(clock, Duration.ofSeconds(10));
        assertFalse(Files.exists(checkpointDir(1)), "an aborted checkpoint leaves no files");
        assertTrue(tasks.notified.contains("abort 1 at sink#1"));
        assertEquals(List.of(), tasks.failures, "one failure is tolerated");

        // checkpoint 2 was skipped while 1 was pending (max concurrent 1); the next one times out too
        timer.advance(clock, Duration.ofMillis(200));
        long second = coordinator.history().get(0).id();
        timer.advance(clock, Duration.ofSeconds(10));
        assertFalse(Files.exists(checkpointDir(second)));
        assertEquals(1, tasks.failures.size());
        assertTrue(
                tasks.failures
                        .get(0)
                        .getMessage()
                        .startsWith("Exceeded checkpoint tolerable failure threshold. The latest"
                                + " checkpoint failed due to Checkpoint expired before completing."),
                tasks.failures.get(0).getMessage());
    }

    @Test
    void aDeclinedCheckpointIsAbortedAndAnAcknowledgementAfterwardsIgnored() {
        CheckpointCoordinator coordinator =
                coordinator(5, 1, ExternalizedCheckpointRetention.NO_EXTERNALIZED_CHECKPOINTS);
        coordinator.startCheckpointScheduler();
        timer.advance(clock, Duration.ofMillis(200));
        coordinator.decline(tasks.running.get(2).attempt(), 1, "the snapshot failed", true);
        assertFalse(Files.exists(checkpointDir(1)));
        acknowledgeAll(coordinator, 1);
        assertNull(coordinator.latestCompletedCheckpoint());
        assertEquals(
                "Checkpoint was declined (the snapshot failed)",
                coordinator.history().get(0).failureMessage());
    }

    @Test
    void maxConcurrentAndMinPauseHoldBackTheNextTrigger() {
        CheckpointCoordinator coordinator = coordinator(settings(Duration.ofMillis(100), Duration.ofMillis(500)));
        coordinator.startCheckpointScheduler();
        timer.advance(clock, Duration.ofMillis(1000));
        assertEquals(1, coordinator.numberOfPendingCheckpoints(), "one at a time");
        acknowledgeAll(coordinator, 1);
        int triggersBefore = tasks.triggered.size();
        timer.advance(clock, Duration.ofMillis(499));
        assertEquals(triggersBefore, tasks.triggered.size(), "500 ms pause after a completed checkpoint");
        timer.advance(clock, Duration.ofMillis(101));
        assertEquals(triggersBefore + 2, tasks.triggered.size(), "then the next, at both sources");
    }

    @Test
    void onceEverySourcesInputEndedTheirFinalCheckpointIsTakenAtOnceAndOnlyOnce() {
        CheckpointCoordinator coordinator = coordinator(settings(Duration.ofSeconds(60), Duration.ZERO));
        coordinator.startCheckpointScheduler();
        coordinator.taskReachedEndOfInput(tasks.running.get(0).attempt(), -1);
        coordinator.taskReachedEndOfInput(tasks.running.get(2).attempt(), -1); // a sink: no checkpoint starts there
        timer.advance(clock, Duration.ofMillis(1));
        assertEquals(List.of(), tasks.triggered, "one source still reads");

        coordinator.taskReachedEndOfInput(tasks.running.get(1).attempt(), -1);
        timer.advance(clock, Duration.ofMillis(1));
        assertEquals(List.of("trigger 1 at source#0", "trigger 1 at source#1"), tasks.triggered, "not a minute later");
        acknowledgeAll(coordinator, 1);
        timer.advance(clock, Duration.ofMillis(1));
        assertEquals(2, tasks.triggered.size(), "no input ended since: the periodic schedule goes on");
        timer.advance(clock, Duration.ofSeconds(60));
        assertEquals(4, tasks.triggered.size());
    }

    @Test
    void aFinalCheckpointDeclinedByATaskThatJustFinishedIsTriedAgainShortly() {
        CheckpointCoordinator coordinator = coordinator(settings(Duration.ofSeconds(60), Duration.ZERO));
        coordinator.startCheckpointScheduler();
        for (CheckpointCoordinator.TaskInCheckpoint task : tasks.running) {
            coordinator.taskReachedEndOfInput(task.attempt(), -1);
        }
        timer.advance(clock, Duration.ofMillis(1));
        assertEquals(2, tasks.triggered.size());
        coordinator.decline(tasks.running.get(0).attempt(), 1, "the task is not running on TaskManager x", false);
        timer.advance(clock, Duration.ofMillis(100));
        assertEquals(
                List.of("trigger 2 at source#0", "trigger 2 at source#1"),
                tasks.triggered.subList(2, 4),
                "tried again well before the next interval");
        assertEquals(List.of(), tasks.failures);
    }

    /**
     * The sources finish with their final checkpoint and then close their outputs: the sinks'
     * end of input can reach the coordinator before the sources' FINISHED. Their final
     * checkpoint then waits for the sources to finish and goes to the sinks, instead of going to
     * the sources, being declined there and tried again later.
     */
    @Test
    void theNextFinalCheckpointWaitsForTasksAboutToFinishInsteadOfTriggeringThem() {
        CheckpointCoordinator coordinator = coordinator(settings(Duration.ofSeconds(60), Duration.ZERO));
        coordinator.startCheckpointScheduler();
        List<CheckpointCoordinator.TaskInCheckpoint> all = tasks.running;
        sourcesEndTheirInput(coordinator, all);
        acknowledgeAll(coordinator, 1);
        coordinator.taskReachedEndOfInput(all.get(2).attempt(), 1); // the sinks took checkpoint 1 before
        coordinator.taskReachedEndOfInput(all.get(3).attempt(), 1);
        timer.advance(clock, Duration.ofMillis(1));
        assertEquals(2, tasks.triggered.size(), "nothing went to the sources about to finish");

        onlyTheSinksRunNow(all);
        coordinator.taskFinished(all.get(0).attempt());
        timer.advance(clock, Duration.ofMillis(1));
        assertEquals(2, tasks.triggered.size(), "one source is still about to finish");
        coordinator.taskFinished(all.get(1).attempt());
        timer.advance(clock, Duration.ofMillis(1));
        assertEquals(List.of("trigger 2 at sink#0", "trigger 2 at sink#1"), tasks.triggered.subList(2, 4));
        acknowledgeAll(coordinator, 2);
        assertEquals(2, coordinator.numberOfCompletedCheckpoints());
        assertEquals(List.of(), tasks.failures);
    }

    /** Sources that end while other tasks are still being deployed get their final checkpoint once all run. */
    @Test
    void inputsThatEndedBeforeEveryTaskRanAreCheckpointedOnceTheyAllRun() {
        CheckpointCoordinator coordinator = coordinator(settings(Duration.ofHours(1), Duration.ZERO));
        tasks.allRunning = false;
        coordinator.taskReachedEndOfInput(tasks.running.get(0).attempt(), -1);
        coordinator.taskReachedEndOfInput(tasks.running.get(1).attempt(), -1);
        timer.advance(clock, Duration.ofMillis(1));
        assertEquals(List.of(), tasks.triggered, "not every task runs yet");

        tasks.allRunning = true;
        coordinator.startCheckpointScheduler();
        timer.advance(clock, Duration.ofMillis(1));
        assertEquals(List.of("trigger 1 at source#0", "trigger 1 at source#1"), tasks.triggered, "not an hour later");
    }

    @Test
    void aFinalCheckpointWaitsForThePendingOneWhenOnlyOneMayRun() {
        CheckpointCoordinator coordinator = coordinator();
        coordinator.startCheckpointScheduler();
        timer.advance(clock, Duration.ofMillis(200));
        assertEquals(1, coordinator.numberOfPendingCheckpoints());
        for (CheckpointCoordinator.TaskInCheckpoint task : tasks.running) {
            coordinator.taskReachedEndOfInput(task.attempt(), 1); // they took it; their acks are on the way
        }
        assertEquals(2, tasks.triggered.size(), "checkpoint 1 is still pending");
        acknowledgeAll(coordinator, 1);
        timer.advance(clock, Duration.ofMillis(1));
        assertEquals(
                List.of("trigger 2 at source#0", "trigger 2 at source#1"),
                tasks.triggered.subList(2, 4),
                "checkpoint 1 was taken before the inputs ended: the final one follows at once");
    }

    /**
     * A pending checkpoint that reaches the tasks only after their input ended (its barrier comes
     * after the end of the data) is their final one: no other is triggered for them once it
     * completed, and none goes to them while they finish.
     */
    @Test
    void aPendingCheckpointTakenAfterTheInputsEndedIsTheirFinalOne() {
        CheckpointCoordinator coordinator = coordinator(settings(Duration.ofSeconds(60), Duration.ZERO));
        coordinator.startCheckpointScheduler();
        List<CheckpointCoordinator.TaskInCheckpoint> all = tasks.running;
        sourcesEndTheirInput(coordinator, all);
        assertEquals(2, tasks.triggered.size(), "the final checkpoint 1 went to the sources");
        coordinator.taskReachedEndOfInput(all.get(2).attempt(), -1); // its barrier is still on the way to the sinks
        coordinator.taskReachedEndOfInput(all.get(3).attempt(), -1);
        acknowledgeAll(coordinator, 1);
        onlyTheSinksRunNow(all);
        coordinator.taskFinished(all.get(0).attempt());
        coordinator.taskFinished(all.get(1).attempt());
        timer.advance(clock, Duration.ofMillis(1));
        assertEquals(2, tasks.triggered.size(), "checkpoint 1 was the sinks' final one too");
        assertEquals(0, coordinator.numberOfPendingCheckpoints());
        assertEquals(0, coordinator.numberOfFailedCheckpoints());
    }

    @Test
    void nothingIsTriggeredWhileNotAllTasksRunAndThatIsNoFailure() {
        CheckpointCoordinator coordinator = coordinator();
        tasks.allRunning = false;
        coordinator.startCheckpointScheduler();
        timer.advance(clock, Duration.ofSeconds(5));
        assertEquals(List.of(), tasks.triggered);
        assertEquals(List.of(), tasks.failures);
        tasks.allRunning = true;
        timer.advance(clock, Duration.ofMillis(200));
        assertEquals(2, tasks.triggered.size());
    }

    @Test
    void aSavepointGoesToItsOwnDirectoryAndOutlivesLaterCheckpointsAndTheJob() throws Exception {
        CheckpointCoordinator coordinator = coordinator();
        Path target = dir.resolve("savepoints");
        CompletableFuture<CompletedCheckpoint> savepoint =
                coordinator.triggerSavepoint(target.toUri().toString());
        acknowledgeAll(coordinator, 1);
        CompletedCheckpoint done = savepoint.get();
        String name = Path.of(URI.create(done.directory())).getFileName().toString();
        assertTrue(name.matches("savepoint-" + jobId.toString().substring(0, 6) + "-[0-9a-f]{12}"), name);
        assertTrue(done.isSavepoint());
        assertNull(coordinator.latestCompletedCheckpoint(), "a savepoint is not used for failover");
        assertTrue(
                tasks.notified.stream().noneMatch(n -> n.startsWith("complete 1")),
                "a savepoint commits no side effects: " + tasks.notified);

        coordinator.startCheckpointScheduler();
        timer.advance(clock, Duration.ofMillis(200));
        acknowledgeAll(coordinator, 2);
        coordinator.shutdown(JobStatus.FINISHED);
        assertFalse(Files.exists(checkpointDir(2)), "checkpoints go with the finished job");
        assertTrue(Files.isRegularFile(Path.of(URI.create(done.directory())).resolve("_metadata")));
    }

    @Test
    void retentionDecidesWhatACancelledJobLeaves() {
        CheckpointCoordinator retaining = coordinator(0, 1, ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        retaining.startCheckpointScheduler();
        timer.advance(clock, Duration.ofMillis(200));
        acknowledgeAll(retaining, 1);
        timer.advance(clock, Duration.ofMillis(200)); // checkpoint 2 pending when the job is cancelled
        retaining.shutdown(JobStatus.CANCELED);
        assertTrue(Files.exists(checkpointDir(1).resolve("_metadata")));
        assertFalse(Files.exists(checkpointDir(2)), "the pending one is aborted and deleted");
    }

    @Test
    void theMetadataOfSomethingElseIsRefusedNamingThePath() throws Exception {
        FileSystemCheckpointStorage storage = new FileSystemCheckpointStorage(jobId, null, null, new Configuration());
        Path empty = Files.createDirectory(dir.resolve("empty"));
        Exception missing = org.junit.jupiter.api.Assertions.assertThrows(
                IOException.class, () -> storage.readMetadata(empty.toString()));
        assertTrue(missing.getMessage().startsWith("No checkpoint or savepoint at " + empty), missing.getMessage());
        Files.writeString(empty.resolve("_metadata"), "not json");
        Exception garbage = org.junit.jupiter.api.Assertions.assertThrows(
                IOException.class, () -> storage.readMetadata(empty.toString()));
        assertTrue(
                garbage.getMessage().startsWith(empty + " is not a Floe checkpoint or savepoint"),
                garbage.getMessage());
    }

    /** Two sources and two sinks; records what the coordinator asked of them. */
    private static final class FakeTasks implements CheckpointCoordinator.Tasks {
        List<CheckpointCoordinator.TaskInCheckpoint> running = List.of(
                new CheckpointCoordinator.TaskInCheckpoint(ExecutionAttemptId.generate(), SOURCE, 0, true),
                new CheckpointCoordinator.TaskInCheckpoint(ExecutionAttemptId.generate(), SOURCE, 1, true),
                new CheckpointCoordinator.TaskInCheckpoint(ExecutionAttemptId.generate(), SINK, 0, false),
                new CheckpointCoordinator.TaskInCheckpoint(ExecutionAttemptId.generate(), SINK, 1, false));
        final List<String> triggered = new ArrayList<>();
        final List<String> notified = new ArrayList<>();
        final List<Throwable> failures = new ArrayList<>();
        boolean allRunning = true;

        @Override
        public List<CheckpointCoordinator.TaskInCheckpoint> runningTasks() {
            return allRunning ? running : null;
        }

        @Override
        public void triggerCheckpoint(
                CheckpointCoordinator.TaskInCheckpoint source,
                long id,
                long timestamp,
                CheckpointType type,
                String directory) {
            triggered.add("trigger " + id + " at " + name(source));
        }

        @Override
        public void notifyCheckpointComplete(CheckpointCoordinator.TaskInCheckpoint task, long id, long timestamp) {
            notified.add("complete " + id + " at " + name(task));
        }

        @Override
        public void notifyCheckpointAborted(CheckpointCoordinator.TaskInCheckpoint task, long id) {
            notified.add("abort " + id + " at " + name(task));
        }

        @Override
        public void failJob(Throwable cause) {
            failures.add(cause);
        }

        private static String name(CheckpointCoordinator.TaskInCheckpoint task) {
            return (task.vertex().equals(SOURCE) ? "source#" : "sink#") + task.subtaskIndex();
        }
    }

    /** Runs scheduled work when the test moves the clock past its time. */
    private static final class ManualTimer implements CheckpointCoordinator.Timer {
        private final List<Scheduled> scheduled = new ArrayList<>();
        private long now = 1_000_000;

        private static final class Scheduled implements CheckpointCoordinator.Cancellable {
            final long due;
            final Runnable task;
            boolean cancelled;

            Scheduled(long due, Runnable task) {
                this.due = due;
                this.task = task;
            }

            @Override
            public void cancel() {
                cancelled = true;
            }
        }

        @Override
        public CheckpointCoordinator.Cancellable schedule(Runnable task, Duration delay) {
            Scheduled entry = new Scheduled(now + delay.toMillis(), task);
            scheduled.add(entry);
            return entry;
        }

        void advance(ManualClock clock, Duration duration) {
            long target = now + duration.toMillis();
            while (true) {
                Scheduled next = scheduled.stream()
                        .filter(s -> !s.cancelled && s.due <= target)
                        .min(Comparator.comparingLong(s -> s.due))
                        .orElse(null);
                if (next == null) {
                    break;
                }
                scheduled.remove(next);
                clock.advance(Duration.ofMillis(next.due - now));
                now = next.due;
                next.task.run();
            }
            clock.advance(Duration.ofMillis(target - now));
            now = target;
        }
    }
}
