package io.floe.runtime.task;

import io.floe.api.CheckpointingMode;
import io.floe.configuration.CheckpointingOptions;
import io.floe.configuration.Configuration;
import io.floe.configuration.CoreOptions;
import io.floe.runtime.checkpoint.CheckpointBarrier;
import io.floe.runtime.checkpoint.CheckpointType;
import io.floe.runtime.checkpoint.StateFiles;
import io.floe.runtime.checkpoint.TaskStateSnapshot;
import io.floe.runtime.deployment.TaskDeploymentDescriptor;
import io.floe.runtime.execution.ExecutionState;
import io.floe.runtime.jobgraph.ChainedOperatorSpec;
import io.floe.runtime.jobgraph.UserCodeSerializer;
import io.floe.runtime.network.EndOfChannel;
import io.floe.runtime.network.EndOfData;
import io.floe.runtime.network.InputGate;
import io.floe.runtime.network.NetworkEnvironment;
import io.floe.runtime.network.RecordWriter;
import io.floe.runtime.network.ResultPartition;
import io.floe.runtime.network.RuntimeEvent;
import io.floe.runtime.network.TimestampedRecord;
import io.floe.runtime.network.WakeUp;
import io.floe.runtime.network.WatermarkEvent;
import io.floe.runtime.network.WatermarkStatus;
import io.floe.runtime.network.serialization.RecordSerializer;
import io.floe.runtime.network.serialization.TaggedRecordSerializer;
import io.floe.runtime.operators.ChainedOperatorException;
import io.floe.runtime.operators.ElementTimestamp;
import io.floe.runtime.operators.OperatorContext;
import io.floe.runtime.operators.SourceOperator;
import io.floe.runtime.operators.StreamOperator;
import io.floe.runtime.operators.TwoInputStreamOperator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One subtask attempt, running its operator chain on a thread of its own: read the input gate (or
 * run the source), push records through the chain, and at the end of input let the operators
 * finish, flush the outputs and end the partitions. Reports RUNNING and its final state (FINISHED,
 * CANCELED or FAILED with the user's exception) to the {@link Listener}, from the task's thread.
 * {@link #cancel()} may be called from any thread.
 *
 * <p>Checkpoints: the checkpoint calls ({@link #triggerCheckpoint}, {@link
 * #notifyCheckpointComplete}, {@link #notifyCheckpointAborted}) may come from any thread; they
 * become mail that runs where the operators run. A task reading inputs runs it on its own thread
 * (the gate wakes it up) and aligns barriers there; a source task runs it under the source's
 * checkpoint lock, on a mail thread when the source is idle or at the source's next batch
 * boundary when it is busy. State goes to the checkpoint on an I/O thread; the outcome goes to
 * the {@link CheckpointResponder}.
 */
public final class Task implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(Task.class);

    /** Hears the task's state changes; called on the task's thread. */
    public interface Listener {
        void onStateChange(Task task, ExecutionState state, Throwable error);
    }

    /** Where a task reports its part of each checkpoint (to the JobMaster); called from any thread. */
    public interface CheckpointResponder {
        void acknowledge(Task task, long checkpointId, TaskStateSnapshot state);

        /** @param countsAsFailure false when the checkpoint just could not happen now (the task ended, ...) */
        void decline(Task task, long checkpointId, String reason, boolean countsAsFailure);

        /**
         * The task's input ended and it waits for a checkpoint to finish with: the first it takes
         * from now on, numbered above {@code lastCheckpointTaken} (-1: it took none yet).
         */
        void reachedEndOfInput(Task task, long lastCheckpointTaken);
    }

    private final TaskDeploymentDescriptor descriptor;
    private final ClassLoader userClassLoader;
    private final NetworkEnvironment network;
    private final Listener listener;
    private final CheckpointResponder responder;
    private final StateFiles stateFiles;
    private final Configuration jobConfiguration;
    private final Thread thread;
    private final List<ResultPartition> partitions = new ArrayList<>();
    private final TaskMailbox mailbox = new TaskMailbox();
    private volatile ExecutionState state = ExecutionState.DEPLOYING;
    private volatile boolean canceled;
    private volatile OperatorChain chain;
    /** Set once the operators may run mail (opened, not yet ended); read by {@link #post}. */
    private volatile InputGate gate;

    private volatile TaskCheckpoints checkpoints;
    /** Source tasks: runs mail under the checkpoint lock while the source is idle. */
    private volatile ExecutorService mailThread;
    /** Every input channel brought {@link EndOfData} and the operators' input was ended. Task thread. */
    private boolean dataEnded;
    /** A mail that failed off the task's thread; fails the task once the source returns. */
    private volatile Throwable mailFailure;
    /** The watermark of the task's input: the minimum over its channels (Flink's currentInputWatermark). */
    private volatile long inputWatermark = Long.MIN_VALUE;
    /** The event timestamp of the record the chain is processing. */
    private final ElementTimestamp timestamp = new ElementTimestamp();

    private final TaskProcessingTimeService processingTime;

    public Task(
            TaskDeploymentDescriptor descriptor,
            ClassLoader userClassLoader,
            NetworkEnvironment network,
            Listener listener,
            CheckpointResponder responder,
            StateFiles stateFiles) {
        this.descriptor = descriptor;
        this.userClassLoader = userClassLoader;
        this.network = network;
        this.listener = listener;
        this.responder = responder;
        this.stateFiles = stateFiles;
        this.jobConfiguration = Configuration.fromMap(descriptor.jobConfiguration());
        this.thread = new Thread(this, descriptor.displayName());
        this.thread.setContextClassLoader(userClassLoader);
        this.processingTime = new TaskProcessingTimeService(descriptor.displayName(), this::post);
    }

    /** The watermark the task's input has reached; Long.MIN_VALUE for a source or before the first one. */
    public long getCurrentInputWatermark() {
        return inputWatermark;
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
        InputGate input = null;
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
                input = network.createInputGate(descriptor.inputChannels());
            }
            operators.initializeState(descriptor.restore(), stateFiles);
            operators.open();
            checkpoints = new TaskCheckpoints(this, operators, writers, responder, stateFiles);
            // publish where mail goes first, then look for mail that came before (see post)
            if (operators.isSource()) {
                SourceOperator<Object> source = operators.source();
                source.setCheckpointHook(() -> {
                    synchronized (source.checkpointLock()) {
                        mailbox.runAll();
                    }
                });
                mailThread = newMailThread();
                if (!mailbox.isEmpty()) {
                    mailThread.execute(() -> runMailUnderLock(source));
                }
            } else {
                gate = input;
                if (!mailbox.isEmpty()) {
                    input.wakeUp();
                }
            }
            transition(ExecutionState.RUNNING, null);
            if (canceled) {
                throw new TaskInterruptedException();
            }
            if (operators.isSource()) {
                runSource(operators);
            } else {
                boolean inputEnded = processInput(operators, input, serializer);
                mailbox.runAll(); // a completion that came with the end of input: commit before the final flush
                if (inputEnded && !dataEnded) { // not after a stop-with-savepoint without --drain, as in Flink
                    operators.endInput();
                    if (checkpointing()) {
                        checkpoints.endOfData();
                    }
                }
                awaitFinalCheckpoint(mailbox::runAll);
                mailbox.close();
                operators.close();
            }
            operators = null;
            mailbox.close();
            for (RecordWriter writer : writers) {
                writer.close();
            }
            checkpoints.shutdown(false);
            transition(ExecutionState.FINISHED, null);
        } catch (Throwable t) {
            mailbox.close();
            closeQuietly(operators);
            if (checkpoints != null) {
                checkpoints.shutdown(true);
            }
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
            processingTime.shutdown();
            if (mailThread != null) {
                mailThread.shutdownNow();
            }
            if (input != null) {
                input.close();
            }
        }
    }

    /** Runs the source; its end of input and close happen under the lock, so no mail overlaps them. */
    private void runSource(OperatorChain operators) throws Exception {
        SourceOperator<Object> source = operators.source();
        source.run();
        rethrowMailFailure();
        if (canceled) {
            throw new TaskInterruptedException();
        }
        if (!checkpoints.finalCheckpointCompleted()) { // no end of input after a stop-with-savepoint
            synchronized (source.checkpointLock()) {
                source.emitEndOfEventTime(); // before the end of input, as in Flink: every event-time timer fires
                operators.endInput();
                if (checkpointing()) {
                    checkpoints.endOfData();
                    checkpoints.endOfInputReached(); // under the lock: no checkpoint is taken meanwhile
                }
            }
        }
        awaitFinalCheckpoint(() -> {
            synchronized (source.checkpointLock()) {
                mailbox.runAll();
            }
        });
        synchronized (source.checkpointLock()) {
            mailbox.close();
            operators.close();
        }
    }

    /**
     * With checkpoints, waits (running mail) until a checkpoint taken after the end of input
     * completed: the JobMaster triggers it here once this task's inputs have all finished.
     */
    private void awaitFinalCheckpoint(TaskMailbox.Runner runner) throws Exception {
        if (checkpoints.finalCheckpointCompleted() || (!checkpointing() && !checkpoints.awaitsFinalCheckpoint())) {
            return; // stopped with a savepoint already; without checkpoints only a stop makes the task wait
        }
        checkpoints.endOfInputReached();
        mailbox.runUntil(() -> checkpoints.finalCheckpointCompleted() || canceled || mailFailure != null, runner);
        rethrowMailFailure();
        if (canceled) {
            throw new TaskInterruptedException();
        }
    }

    private boolean checkpointing() {
        return jobConfiguration.contains(CheckpointingOptions.INTERVAL) && !descriptor.batch();
    }

    /** @return true at the end of the input, false when the job stopped with a savepoint */
    private boolean processInput(OperatorChain operators, InputGate input, RecordSerializer serializer)
            throws Exception {
        StreamOperator<Object, Object> head = operators.head();
        if (head instanceof TwoInputStreamOperator<?, ?, ?, ?> twoInputs) {
            return processTwoInputs(
                    operators, input, serializer, (TwoInputStreamOperator<Object, Object, ?, ?>) twoInputs);
        }
        boolean keyed = head.isKeyed();
        InputEvents events = new InputEvents(operators, input, head);
        ElementTimestamp timestamp = this.timestamp;
        Object record;
        while ((record = input.next(serializer)) != null) {
            if (record instanceof RuntimeEvent event) {
                if (!(event instanceof TimestampedRecord timestamped)) {
                    int outcome = events.handle(event);
                    if (outcome == InputEvents.READ_ON) {
                        continue;
                    }
                    return outcome == InputEvents.ENDED;
                }
                timestamp.set(timestamped.timestamp());
                record = timestamped.record();
            } else {
                timestamp.clear();
            }
            if (keyed) {
                head.setKeyContextElement(record);
            }
            head.processElement(record);
        }
        if (canceled) {
            throw new TaskInterruptedException();
        }
        return true;
    }

    /**
     * {@link #processInput} for a two-input operator: a record of one of the first {@code
     * firstInputChannels} channels goes to its first input, any other to its second. Watermarks,
     * barriers and the end of data count over all channels, as for one input.
     */
    private boolean processTwoInputs(
            OperatorChain operators,
            InputGate input,
            RecordSerializer serializer,
            TwoInputStreamOperator<Object, Object, ?, ?> head)
            throws Exception {
        boolean keyed = head.isKeyed();
        int firstInputChannels = descriptor.firstInputChannels();
        InputEvents events = new InputEvents(operators, input, head);
        ElementTimestamp timestamp = this.timestamp;
        Object record;
        while ((record = input.next(serializer)) != null) {
            if (record instanceof RuntimeEvent event) {
                if (!(event instanceof TimestampedRecord timestamped)) {
                    int outcome = events.handle(event);
                    if (outcome == InputEvents.READ_ON) {
                        continue;
                    }
                    return outcome == InputEvents.ENDED;
                }
                timestamp.set(timestamped.timestamp());
                record = timestamped.record();
            } else {
                timestamp.clear();
            }
            if (input.getLastChannelIndex() < firstInputChannels) {
                if (keyed) {
                    head.setKeyContextElement(record);
                }
                head.processElement1(record);
            } else {
                if (keyed) {
                    head.setKeyContextElement2(record);
                }
                head.processElement2(record);
            }
        }
        if (canceled) {
            throw new TaskInterruptedException();
        }
        return true;
    }

    /**
     * What a task's input brings besides records: watermarks and their status (into the valve),
     * barriers, the end of data. Out of the record loop, which stays small.
     */
    private final class InputEvents {
        static final int READ_ON = 0;
        static final int ENDED = 1;
        static final int STOPPED = 2;

        private final OperatorChain operators;
        private final InputGate input;
        private final CheckpointBarrierAligner aligner;
        private final WatermarkValve valve;
        private int channelsWithEndOfData;

        InputEvents(OperatorChain operators, InputGate input, StreamOperator<Object, ?> head) {
            this.operators = operators;
            this.input = input;
            this.aligner = new CheckpointBarrierAligner(input, exactlyOnce(), checkpoints);
            this.valve = watermarkValve(input, head);
        }

        /** @return whether to read on, or that the input ended, or that the job stopped with a savepoint */
        int handle(RuntimeEvent event) throws Exception {
            if (event instanceof WatermarkEvent watermark) {
                valve.onWatermark(input.getLastChannelIndex(), watermark.timestamp());
                return READ_ON;
            }
            if (event instanceof WatermarkStatus status) {
                valve.onStatus(input.getLastChannelIndex(), status.isIdle());
                return READ_ON;
            }
            if (event instanceof EndOfData) {
                if (++channelsWithEndOfData == input.getNumberOfChannels()) {
                    endOfData(operators);
                }
            } else {
                onEvent(event, aligner, input);
            }
            if (dataEnded && checkpoints.finalCheckpointCompleted()) {
                return ENDED; // the final checkpoint's barrier came through the channels, which may stay open
            }
            if (checkpoints.stopPending() && stoppedWithSavepoint()) {
                return STOPPED;
            }
            return READ_ON;
        }
    }

    /** The minimum of the channels' watermarks, for the head operator; the task's input watermark. */
    private WatermarkValve watermarkValve(InputGate input, StreamOperator<Object, ?> head) {
        return new WatermarkValve(input.getNumberOfChannels(), new WatermarkValve.Target() {
            @Override
            public void emitWatermark(long watermark) throws Exception {
                inputWatermark = watermark;
                head.processWatermark(watermark);
            }

            @Override
            public void emitWatermarkStatus(boolean idle) {
                head.processWatermarkStatus(idle);
            }
        });
    }

    /**
     * Every input channel brought {@link EndOfData}: the input has ended, though the channels stay
     * open for the final checkpoint's barrier. Ends the operators' input, passes the end of data on
     * and tells the JobMaster; the caller goes on reading until that checkpoint completed.
     */
    private void endOfData(OperatorChain operators) throws Exception {
        operators.endInput();
        checkpoints.endOfData();
        dataEnded = true;
        checkpoints.endOfInputReached();
    }

    /**
     * This task took its part of a stop-with-savepoint: it reads nothing more until the savepoint
     * is resolved, so that no record after the savepoint's barrier has an effect. Completed: the
     * task finishes (true); aborted: it reads on (false).
     */
    private boolean stoppedWithSavepoint() throws Exception {
        mailbox.runUntil(() -> !checkpoints.stopPending() || canceled || mailFailure != null, mailbox::runAll);
        rethrowMailFailure();
        if (canceled) {
            throw new TaskInterruptedException();
        }
        return checkpoints.finalCheckpointCompleted();
    }

    private void onEvent(RuntimeEvent event, CheckpointBarrierAligner aligner, InputGate input) throws Exception {
        if (event instanceof CheckpointBarrier barrier) {
            aligner.onBarrier(barrier, input.getLastChannelIndex());
        } else if (event instanceof EndOfChannel end) {
            aligner.onEndOfChannel(end.channelIndex());
        } else if (event == WakeUp.INSTANCE) {
            mailbox.runAll();
        }
    }

    // ---------------------------------------------------------------- checkpoint calls (any thread)

    /** A source task takes checkpoint {@code checkpointId}: barrier downstream, state into {@code directory}. */
    public void triggerCheckpoint(long checkpointId, long timestamp, CheckpointType type, String directory) {
        CheckpointBarrier barrier = new CheckpointBarrier(checkpointId, timestamp, type, directory);
        post(new TaskMailbox.Mail() {
            @Override
            public void run() throws Exception {
                OperatorChain operators = chain;
                if (type == CheckpointType.DRAIN_SAVEPOINT && operators.isSource()) {
                    operators.source().emitEndOfEventTime(); // ahead of the barrier: every window fires before it
                }
                checkpoints.performCheckpoint(barrier);
                if (type.isStop() && operators.isSource()) {
                    holdSourceUntilStopResolved(operators.source());
                }
            }

            @Override
            public void discard() {
                responder.decline(Task.this, checkpointId, descriptor.displayName() + " is not running", false);
            }
        });
    }

    public void notifyCheckpointComplete(long checkpointId) {
        post(() -> checkpoints.notifyCheckpointComplete(checkpointId));
    }

    public void notifyCheckpointAborted(long checkpointId) {
        post(() -> checkpoints.notifyCheckpointAborted(checkpointId));
    }

    private void post(TaskMailbox.Mail mail) {
        if (!mailbox.put(mail)) {
            return;
        }
        // after the put: run() publishes chain, gate and mailThread before it reads the mailbox
        OperatorChain operators = chain;
        if (operators == null || checkpoints == null) {
            return; // not open yet: run() looks for mail once it is
        }
        if (operators.isSource()) {
            operators.source().requestCheckpoint();
            ExecutorService thread = mailThread;
            if (thread != null) {
                try {
                    thread.execute(() -> runMailUnderLock(operators.source()));
                } catch (RejectedExecutionException ended) {
                    mailbox.close();
                }
            }
        } else {
            InputGate input = gate;
            if (input != null) {
                input.wakeUp();
            }
        }
    }

    /**
     * Stop-with-savepoint at a source: still holding the lock, so that nothing is emitted after the
     * barrier, waits for the savepoint's outcome. Completed: the source stops and the task finishes;
     * aborted: the source goes on as if nothing happened.
     */
    private void holdSourceUntilStopResolved(SourceOperator<Object> source) throws Exception {
        mailbox.runUntil(() -> !checkpoints.stopPending() || canceled, mailbox::runAll);
        if (checkpoints.finalCheckpointCompleted()) {
            source.stopAfterSavepoint();
        }
    }

    private ExecutorService newMailThread() {
        return Executors.newSingleThreadExecutor(runnable -> {
            Thread mail = new Thread(runnable, descriptor.displayName() + " checkpoint mail");
            mail.setDaemon(true);
            mail.setContextClassLoader(userClassLoader);
            return mail;
        });
    }

    /** Source tasks, on the mail thread: runs the queued mail holding the checkpoint lock; a failure fails the task. */
    private void runMailUnderLock(SourceOperator<Object> source) {
        try {
            synchronized (source.checkpointLock()) {
                mailbox.runAll();
            }
        } catch (Throwable t) {
            if (mailFailure == null) {
                mailFailure = t;
            }
            source.cancel();
            thread.interrupt();
        }
    }

    private void rethrowMailFailure() throws Exception {
        Throwable failure = mailFailure;
        if (failure instanceof Exception e) {
            throw e;
        } else if (failure instanceof Error e) {
            throw e;
        }
    }

    private boolean exactlyOnce() {
        return jobConfiguration.get(CheckpointingOptions.MODE) == CheckpointingMode.EXACTLY_ONCE;
    }

    private List<RecordWriter> createWriters(RecordSerializer serializer) {
        Duration flushInterval = jobConfiguration.get(CoreOptions.BUFFER_TIMEOUT);
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
                checkpointing(),
                userClassLoader,
                timestamp,
                processingTime,
                jobConfiguration.get(CoreOptions.AUTO_WATERMARK_INTERVAL));
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
