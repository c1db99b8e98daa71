package io.floe.runtime.task;

import io.floe.configuration.Configuration;
import io.floe.configuration.CoreOptions;
import io.floe.runtime.deployment.TaskDeploymentDescriptor;
import io.floe.runtime.execution.ExecutionState;
import io.floe.runtime.jobgraph.ChainedOperatorSpec;
import io.floe.runtime.jobgraph.UserCodeSerializer;
import io.floe.runtime.network.InputGate;
import io.floe.runtime.network.NetworkEnvironment;
import io.floe.runtime.network.RecordWriter;
import io.floe.runtime.network.ResultPartition;
import io.floe.runtime.network.serialization.RecordSerializer;
import io.floe.runtime.network.serialization.TaggedRecordSerializer;
import io.floe.runtime.operators.ChainedOperatorException;
import io.floe.runtime.operators.OperatorContext;
import io.floe.runtime.operators.StreamOperator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One subtask attempt, running its operator chain on a thread of its own: read the input gate (or
 * run the source), push records through the chain, and at the end of input let the operators
 * finish, flush the outputs and end the partitions. Reports RUNNING and its final state (FINISHED,
 * CANCELED or FAILED with the user's exception) to the {@link Listener}, from the task's thread.
 * {@link #cancel()} may be called from any thread.
 */
public final class Task implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(Task.class);

    /** Hears the task's state changes; called on the task's thread. */
    public interface Listener {
        void onStateChange(Task task, ExecutionState state, Throwable error);
    }

    private final TaskDeploymentDescriptor descriptor;
    private final ClassLoader userClassLoader;
    private final NetworkEnvironment network;
    private final Listener listener;
    private final Thread thread;
    private final List<ResultPartition> partitions = new ArrayList<>();
    private volatile ExecutionState state = ExecutionState.DEPLOYING;
    private volatile boolean canceled;
    private volatile OperatorChain chain;

    public Task(
            TaskDeploymentDescriptor descriptor,
            ClassLoader userClassLoader,
            NetworkEnvironment network,
            Listener listener) {
        this.descriptor = descriptor;
        this.userClassLoader = userClassLoader;
        this.network = network;
        this.listener = listener;
        this.thread = new Thread(this, descriptor.displayName());
        this.thread.setContextClassLoader(userClassLoader);
    }

    public TaskDeploymentDescriptor getDescriptor() {
        return descriptor;
    }

    public ExecutionState getState() {
        return state;
    }

    public void start() {
        thread.start();
    }

    /** Stops the task soon: cancels its source and interrupts its thread. */
    public void cancel() {
        if (state.isTerminal() || canceled) {
            return;
        }
        canceled = true;
        LOG.info("Cancelling {}", descriptor.displayName());
        OperatorChain current = chain;
        if (current != null && current.isSource()) {
            current.source().cancel();
        }
        thread.interrupt();
    }

    /** Waits for the task's thread to end (for shutdown paths and tests). */
    public void join(long millis) throws InterruptedException {
        thread.join(millis);
    }

    @Override
    public void run() {
        InputGate gate = null;
        OperatorChain operators = null;
        try {
            RecordSerializer serializer = new TaggedRecordSerializer(userClassLoader);
            ChainedOperatorSpec spec = UserCodeSerializer.deserialize(descriptor.serializedChain(), userClassLoader);
            List<RecordWriter> writers = createWriters(serializer);
            List<Integer> channels = descriptor.outputs().stream()
                    .map(TaskDeploymentDescriptor.PartitionSpec::numberOfSubpartitions)
                    .toList();
            operators = new OperatorChain(spec, operatorContext(), writers, channels);
            chain = operators;
            if (!descriptor.inputChannels().isEmpty()) {
                gate = network.createInputGate(descriptor.inputChannels());
            }
            operators.initializeState(null, null); // restoring from a checkpoint comes with the coordinator's wiring
            operators.open();
            transition(ExecutionState.RUNNING, null);
            if (canceled) {
                throw new TaskInterruptedException();
            }
            if (operators.isSource()) {
                operators.source().run();
            } else {
                StreamOperator<Object, Object> head = operators.head();
                boolean keyed = head.isKeyed();
                Object record;
                while ((record = gate.next(serializer)) != null) {
                    if (keyed) {
                        head.setKeyContextElement(record);
                    }
                    head.processElement(record);
                }
            }
            if (canceled) {
                throw new TaskInterruptedException();
            }
            operators.endInput();
            operators.close();
            operators = null;
            for (RecordWriter writer : writers) {
                writer.close();
            }
            transition(ExecutionState.FINISHED, null);
        } catch (Throwable t) {
            closeQuietly(operators);
            if (canceled) {
                failPartitions(new IllegalStateException("The producing task was cancelled"));
                transition(ExecutionState.CANCELED, null);
            } else {
                Throwable cause = ChainedOperatorException.unwrap(t);
                LOG.warn("{} failed: {}", descriptor.displayName(), cause.toString(), cause);
                failPartitions(cause);
                transition(ExecutionState.FAILED, cause);
            }
        } finally {
            if (gate != null) {
                gate.close();
            }
        }
    }

    private List<RecordWriter> createWriters(RecordSerializer serializer) {
        Duration flushInterval =
                Configuration.fromMap(descriptor.jobConfiguration()).get(CoreOptions.BUFFER_TIMEOUT);
        List<RecordWriter> writers = new ArrayList<>();
        for (TaskDeploymentDescriptor.PartitionSpec output : descriptor.outputs()) {
            ResultPartition partition = network.createResultPartition(output.id(), output.numberOfSubpartitions());
            partitions.add(partition);
            writers.add(partition.createRecordWriter(serializer, flushInterval));
        }
        return writers;
    }

    private OperatorContext operatorContext() {
        return new OperatorContext(
                descriptor.taskName(),
                descriptor.subtaskIndex(),
                descriptor.parallelism(),
                descriptor.maxParallelism(),
                descriptor.attemptNumber(),
                descriptor.batch(),
                false, // no checkpoints are taken yet: the coordinator is not wired into the JobMaster
                userClassLoader);
    }

    private void failPartitions(Throwable cause) {
        for (ResultPartition partition : partitions) {
            partition.fail(cause);
        }
    }

    private void closeQuietly(OperatorChain operators) {
        if (operators == null) {
            return;
        }
        try {
            operators.close();
        } catch (Throwable t) {
            LOG.debug("Closing the operators of {} after a failure failed too", descriptor.displayName(), t);
        }
    }

    private void transition(ExecutionState newState, Throwable error) {
        state = newState;
        listener.onStateChange(this, newState, error);
    }

    /** The partitions this task wrote; released by the TaskExecutor when the job's slots go. */
    public List<ResultPartition> getPartitions() {
        return partitions;
    }
}
