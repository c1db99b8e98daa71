package io.floe.runtime.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.api.JobId;
import io.floe.api.state.ListState;
import io.floe.api.state.ListStateDescriptor;
import io.floe.runtime.checkpoint.CheckpointType;
import io.floe.runtime.checkpoint.StateFiles;
import io.floe.runtime.checkpoint.TaskStateSnapshot;
import io.floe.runtime.deployment.TaskDeploymentDescriptor;
import io.floe.runtime.execution.ExecutionState;
import io.floe.runtime.jobgraph.ChainedOperatorSpec;
import io.floe.runtime.jobgraph.UserCodeSerializer;
import io.floe.runtime.operators.MapOperator;
import io.floe.runtime.operators.OperatorStateContext;
import io.floe.runtime.operators.SourceOperator;
import io.floe.runtime.types.AllocationId;
import io.floe.runtime.types.ExecutionAttemptId;
import io.floe.runtime.types.JobVertexId;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checkpoints at a source task whose emitting fails: none may be taken after the failure. */
class SourceTaskCheckpointTest {
    /** What the task answered to checkpoints: "ack n" or "decline n". */
    private static final BlockingQueue<String> ANSWERS = new LinkedBlockingQueue<>();

    private static final AtomicReference<Task> TASK = new AtomicReference<>();
    private static final AtomicReference<String> CHECKPOINT_DIR = new AtomicReference<>();

    @TempDir
    Path dir;

    /**
     * The chained map fails in the middle of a batch the source emits under its lock, with a
     * trigger waiting for that lock on the mail thread. The source has not moved its position past
     * the records it emitted: a checkpoint taken once the exception has left the lock would restore
     * to before records that its barrier follows. The trigger is declined and the task fails.
     */
    @Test
    void aTriggerWaitingWhileEmittingFailsIsDeclinedNotTaken() throws Exception {
        ANSWERS.clear();
        CHECKPOINT_DIR.set(dir.toUri().toString());
        BlockingQueue<ExecutionState> states = new LinkedBlockingQueue<>();
        Task task = new Task(
                deployment(),
                getClass().getClassLoader(),
                null, // no inputs and no outputs: the task needs no network
                (t, state, error) -> states.add(state),
                new Task.CheckpointResponder() {
                    @Override
                    public void acknowledge(Task t, long checkpointId, TaskStateSnapshot state) {
                        ANSWERS.add("ack " + checkpointId);
                    }

                    @Override
                    public void decline(Task t, long checkpointId, String reason, boolean countsAsFailure) {
                        ANSWERS.add("decline " + checkpointId);
                    }

                    @Override
                    public void reachedEndOfInput(Task t, long lastCheckpointTaken) {}
                },
                new StateFiles(new Configuration()));
        TASK.set(task);
        task.start();
        task.join(30_000);

        assertEquals(List.of("decline 1"), List.copyOf(ANSWERS));
        ExecutionState last = null;
        while (!states.isEmpty()) {
            last = states.poll();
        }
        assertEquals(ExecutionState.FAILED, last);
    }

    private static TaskDeploymentDescriptor deployment() {
        ChainedOperatorSpec map = new ChainedOperatorSpec(
                "map",
                "Map",
                new MapOperator<Long, Long>(SourceTaskCheckpointTest::failAtFive),
                null,
                List.of(),
                List.of());
        ChainedOperatorSpec source =
                new ChainedOperatorSpec("source", "Source", new SlowToUnwindSource(), null, List.of(map), List.of());
        return new TaskDeploymentDescriptor(
                JobId.generate(),
                "job",
                ExecutionAttemptId.generate(),
                AllocationId.generate(),
                new JobVertexId("00000000000000000000000000000001"),
                "Source",
                0,
                1,
                128,
                0,
                false,
                UserCodeSerializer.serialize(source, "the test chain"),
                List.of(),
                List.of(),
                List.of(),
                "127.0.0.1:1",
                Map.of("execution.checkpointing.interval", "1 h"),
                null);
    }

    /** Record 5: a checkpoint is triggered (its mail waits for the lock the source holds), then the map fails. */
    private static Long failAtFive(Long value) {
        if (value == 5) {
            TASK.get().triggerCheckpoint(1, 0, CheckpointType.CHECKPOINT, CHECKPOINT_DIR.get());
            throw new IllegalStateException("injected failure");
        }
        return value;
    }

    /**
     * Emits 0..9 in one batch under the lock, moving its position after the batch as the built-in
     * sources do; when emitting fails it waits for the task's answer to the checkpoint before
     * rethrowing, as a thread slow to unwind would, so the mail thread gets the lock first.
     */
    static final class SlowToUnwindSource extends SourceOperator<Long> {
        private static final long serialVersionUID = 1L;
        private transient ListState<Long> positionState;
        private transient long position;

        @Override
        public void initializeState(OperatorStateContext state) throws Exception {
            positionState =
                    state.getOperatorStateStore().getListState(new ListStateDescriptor<>("position", Long.class));
        }

        @Override
        public void run() throws Exception {
            try {
                synchronized (checkpointLock()) {
                    for (long i = position; i < 10; i++) {
                        output.collect(i);
                    }
                    position = 10;
                }
            } catch (IllegalStateException e) {
                String answer = ANSWERS.poll(10, TimeUnit.SECONDS);
                assertTrue(answer != null, "the checkpoint was answered");
                ANSWERS.add(answer);
                throw e;
            }
        }

        @Override
        public void snapshotState(long checkpointId, long timestamp) throws Exception {
            positionState.update(List.of(position));
        }

        @Override
        public boolean isBounded() {
            return true;
        }

        @Override
        public String describe() {
            return "0..9";
        }
    }
}
