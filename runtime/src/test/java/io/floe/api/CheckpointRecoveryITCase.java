package io.floe.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.api.checkpoint.CheckpointedFunction;
import io.floe.api.connector.file.sink.FileSink;
import io.floe.api.functions.KeyedProcessFunction;
import io.floe.api.functions.OpenContext;
import io.floe.api.functions.RichMapFunction;
import io.floe.api.functions.sink.filesystem.bucketassigners.BasePathBucketAssigner;
import io.floe.api.functions.sink.filesystem.rollingpolicies.OnCheckpointRollingPolicy;
import io.floe.api.functions.source.RichParallelSourceFunction;
import io.floe.api.serialization.SimpleStringEncoder;
import io.floe.api.state.CheckpointListener;
import io.floe.api.state.FunctionInitializationContext;
import io.floe.api.state.FunctionSnapshotContext;
import io.floe.api.state.ListState;
import io.floe.api.state.ListStateDescriptor;
import io.floe.api.state.ValueState;
import io.floe.api.state.ValueStateDescriptor;
import io.floe.testutils.Deadline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Checkpoints end to end on the embedded cluster: a job with a source that keeps its read
 * position in state, keyed counts and an exactly-once FileSink fails once after a checkpoint
 * completed, restarts from that checkpoint, and still writes every number exactly once with
 * every key's count running 1..n without gap or repeat. Checkpoints go to a real (local) Hadoop
 * file system and are removed when the job finishes.
 */
class CheckpointRecoveryITCase {
    private static final long NUMBERS = 30_000;
    private static final int KEYS = 7;
    /** Failures injected so far; the embedded cluster runs in this JVM. */
    private static final AtomicInteger FAILURES = new AtomicInteger();

    @TempDir
    Path dir;

    /** Three ways to keep a read position: built-in batches, a byte offset, user state under the lock. */
    enum Source {
        FROM_SEQUENCE,
        READ_TEXT_FILE,
        SOURCE_FUNCTION
    }

    @ParameterizedTest
    @EnumSource(Source.class)
    void aFailureAfterACheckpointRestoresStateAndOutputsEveryRecordExactlyOnce(Source source) throws Exception {
        List<Long> numbers = runWithOneFailure(source, CheckpointingMode.EXACTLY_ONCE);
        assertEquals("", exactlyOnceViolations(numbers, NUMBERS), "every number exactly once");
    }

    /**
     * AT_LEAST_ONCE: the keyed subtasks, each with two input channels, take a checkpoint when a
     * barrier arrived on every channel without holding any back, so what arrived after the first
     * barrier is in the state and is read again after the restore. Nothing is lost; numbers may
     * repeat, and each key's count still runs 1..n, because state and sink are snapshotted together.
     */
    @Test
    void atLeastOnceAFailureLosesNothing() throws Exception {
        List<Long> numbers = runWithOneFailure(Source.FROM_SEQUENCE, CheckpointingMode.AT_LEAST_ONCE);
        TreeSet<Long> distinct = new TreeSet<>(numbers);
        assertEquals(NUMBERS, distinct.size(), "every number at least once");
        assertEquals(1L, distinct.first());
        assertEquals(NUMBERS, distinct.last());
    }

    /** Checkpoints the tasks of {@link #aBoundedJobEndsWithOneFinalCheckpointThatEveryTaskTakes} were told of. */
    private static final List<String> COMPLETED = Collections.synchronizedList(new ArrayList<>());

    /**
     * With checkpoints far apart, a bounded job ends with its final checkpoint only: the sources
     * send the end of their data downstream before it, so the keyed tasks have ended their input
     * when its barrier reaches them, and this one checkpoint is the last of every task (before, a
     * second one followed for the tasks downstream). Its sink commits everything.
     */
    @Test
    void aBoundedJobEndsWithOneFinalCheckpointThatEveryTaskTakes() throws Exception {
        COMPLETED.clear();
        Path output = dir.resolve("out");
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.getExecutionEnvironment().setParallelism(2);
        env.enableCheckpointing(3_600_000);
        env.getCheckpointConfig()
                .setCheckpointStorage(dir.resolve("checkpoints").toUri().toString());
        env.fromSequence(1, 1_000)
                .map(new NotedCheckpoints<>("source"))
                .keyBy(n -> n % KEYS)
                .process(new CountPerKey())
                .map(new NotedCheckpoints<>("keyed"))
                .sinkTo(FileSink.forRowFormat(
                                new io.floe.api.fs.Path(output.toUri().toString()), new SimpleStringEncoder<String>())
                        .withBucketAssigner(new BasePathBucketAssigner<>())
                        .withRollingPolicy(OnCheckpointRollingPolicy.build())
                        .build());
        env.execute("one final checkpoint");

        assertEquals(
                List.of("keyed 1", "keyed 1", "source 1", "source 1"),
                COMPLETED.stream().sorted().toList(),
                "every subtask was told of checkpoint 1, and of no other");
        List<Long> numbers = committedLines(output).stream()
                .map(line -> Long.parseLong(line.split(",")[1]))
                .toList();
        assertEquals("", exactlyOnceViolations(numbers, 1_000));
    }

    /** Passes records on and notes each completed checkpoint it is told of, as "name id". */
    static final class NotedCheckpoints<T> extends RichMapFunction<T, T> implements CheckpointListener {
        private final String name;

        NotedCheckpoints(String name) {
            this.name = name;
        }

        @Override
        public T map(T value) {
            return value;
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            COMPLETED.add(name + " " + checkpointId);
        }
    }

    /**
     * Runs the counting job with one injected failure, checks what both modes promise (the failure
     * came after a completed checkpoint, every key's count runs 1..n without gap or repeat, the
     * checkpoints are removed at the end) and returns the numbers the sink committed.
     */
    private List<Long> runWithOneFailure(Source source, CheckpointingMode mode) throws Exception {
        FAILURES.set(0);
        Path output = dir.resolve("out");
        Path checkpoints = dir.resolve("checkpoints");
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.getExecutionEnvironment().setParallelism(2);
        env.enableCheckpointing(100, mode);
        env.getCheckpointConfig().setCheckpointStorage(checkpoints.toUri().toString());
        env.getConfiguration()
                .setString("restart-strategy.type", "fixed-delay")
                .setString("restart-strategy.fixed-delay.attempts", "3")
                .setString("restart-strategy.fixed-delay.delay", "100 ms");

        numbers(env, source)
                .map(new FailOnceAfterACheckpoint())
                .keyBy(n -> n % KEYS)
                .process(new CountPerKey())
                .uid("count-per-key")
                .sinkTo(FileSink.forRowFormat(
                                new io.floe.api.fs.Path(output.toUri().toString()), new SimpleStringEncoder<String>())
                        .withBucketAssigner(new BasePathBucketAssigner<>())
                        .withRollingPolicy(OnCheckpointRollingPolicy.build())
                        .build());
        env.execute("checkpointed counts from " + source + ", " + mode);

        assertEquals(1, FAILURES.get(), "the failure was injected once, after a checkpoint had completed");
        List<String> lines = committedLines(output);
        Map<Long, List<Long>> countsByKey = new TreeMap<>();
        List<Long> numbers = new ArrayList<>();
        for (String line : lines) {
            String[] parts = line.split(",");
            numbers.add(Long.parseLong(parts[1]));
            countsByKey
                    .computeIfAbsent(Long.parseLong(parts[0]), k -> new ArrayList<>())
                    .add(Long.parseLong(parts[2]));
        }
        assertEquals(KEYS, countsByKey.size());
        countsByKey.forEach((key, counts) -> {
            counts.sort(null);
            List<Long> oneToN = LongStream.rangeClosed(1, counts.size()).boxed().toList();
            assertEquals(oneToN, counts, "the count of key " + key + " survived the restart");
        });
        Deadline.waitUntil(
                () -> leftoverCheckpoints(checkpoints).isEmpty(),
                Duration.ofSeconds(10),
                "the finished job's checkpoints to be removed: " + leftoverCheckpoints(checkpoints));
        return numbers;
    }

    private DataStream<Long> numbers(StreamExecutionEnvironment env, Source source) throws IOException {
        return switch (source) {
            case FROM_SEQUENCE -> env.fromSequence(1, NUMBERS);
            case READ_TEXT_FILE -> {
                Path input = dir.resolve("numbers.txt");
                Files.write(
                        input,
                        LongStream.rangeClosed(1, NUMBERS)
                                .mapToObj(Long::toString)
                                .toList());
                yield env.readTextFile(input.toString()).map(Long::parseLong);
            }
            case SOURCE_FUNCTION -> env.addSource(new NumbersWithOffsetInState(NUMBERS));
        };
    }

    /** Slows the job down to span several checkpoints, and fails subtask 0 once, some records after a checkpoint. */
    static final class FailOnceAfterACheckpoint extends RichMapFunction<Long, Long> implements CheckpointListener {
        private boolean checkpointCompleted;
        private int recordsSinceCheckpoint;

        @Override
        public Long map(Long value) {
            LockSupport.parkNanos(40_000);
            if (checkpointCompleted
                    && getRuntimeContext().getTaskInfo().getIndexOfThisSubtask() == 0
                    && ++recordsSinceCheckpoint == 300
                    && FAILURES.compareAndSet(0, 1)) {
                throw new IllegalStateException("injected failure");
            }
            return value;
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            checkpointCompleted = true;
        }
    }

    /** Emits "key,number,count" with the key's running count in keyed state. */
    static final class CountPerKey extends KeyedProcessFunction<Long, Long, String> {
        private transient ValueState<Long> count;

        @Override
        public void open(OpenContext openContext) {
            count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Long.class));
        }

        @Override
        public void processElement(Long value, Context ctx, Collector<String> out) throws Exception {
            long next = count.value() == null ? 1 : count.value() + 1;
            count.update(next);
            out.collect(ctx.getCurrentKey() + "," + value + "," + next);
        }
    }

    /** A Flink-style user source: the next number in operator state, emitted under the checkpoint lock. */
    static final class NumbersWithOffsetInState extends RichParallelSourceFunction<Long>
            implements CheckpointedFunction {
        private final long last;
        private transient ListState<Long> nextState;
        private long next = -1;
        private volatile boolean running = true;

        NumbersWithOffsetInState(long last) {
            this.last = last;
        }

        @Override
        public void initializeState(FunctionInitializationContext context) throws Exception {
            nextState = context.getOperatorStateStore().getListState(new ListStateDescriptor<>("next", Long.class));
            for (Long restored : nextState.get()) {
                next = restored;
            }
        }

        @Override
        public void run(SourceContext<Long> ctx) {
            int parallelism = getRuntimeContext().getTaskInfo().getNumberOfParallelSubtasks();
            if (next < 0) {
                next = getRuntimeContext().getTaskInfo().getIndexOfThisSubtask() + 1;
            }
            while (running && next <= last) {
                synchronized (ctx.getCheckpointLock()) {
                    ctx.collect(next);
                    next += parallelism;
                }
            }
        }

        @Override
        public void snapshotState(FunctionSnapshotContext context) throws Exception {
            nextState.update(List.of(next));
        }

        @Override
        public void cancel() {
            running = false;
        }
    }

    /** What keeps {@code values} from being 1..n once each: the first missing and repeated values, or "". */
    static String exactlyOnceViolations(List<Long> values, long n) {
        Map<Long, Integer> seen = new TreeMap<>();
        values.forEach(v -> seen.merge(v, 1, Integer::sum));
        String missing = LongStream.rangeClosed(1, n)
                .filter(v -> !seen.containsKey(v))
                .limit(10)
                .mapToObj(Long::toString)
                .collect(Collectors.joining(" "));
        String repeated = seen.entrySet().stream()
                .filter(e -> e.getValue() > 1 || e.getKey() < 1 || e.getKey() > n)
                .limit(10)
                .map(e -> e.getKey() + "x" + e.getValue())
                .collect(Collectors.joining(" "));
        return (missing.isEmpty() ? "" : "missing " + missing + " ")
                + (repeated.isEmpty() ? "" : "repeated " + repeated);
    }

    /** Every line of the committed part files; fails if an in-progress file is left. */
    static List<String> committedLines(Path root) throws IOException {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path file : all.filter(Files::isRegularFile).sorted().toList()) {
                String name = file.getFileName().toString();
                assertFalse(name.contains("inprogress"), "left in progress: " + file);
                if (!name.startsWith(".")) { // Hadoop's local file system writes a hidden .crc beside each file
                    lines.addAll(Files.readAllLines(file));
                }
            }
        }
        assertTrue(!lines.isEmpty(), "no committed output under " + root);
        return lines;
    }

    private static List<String> leftoverCheckpoints(Path checkpoints) {
        if (!Files.exists(checkpoints)) {
            return List.of();
        }
        try (Stream<Path> all = Files.walk(checkpoints)) {
            return all.map(Path::getFileName)
                    .map(Path::toString)
                    .filter(name -> name.startsWith("chk-"))
                    .collect(Collectors.toList());
        } catch (IOException e) {
            return List.of("unreadable: " + e);
        }
    }
}
