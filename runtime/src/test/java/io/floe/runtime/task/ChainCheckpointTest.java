package io.floe.runtime.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.api.JobId;
import io.floe.api.connector.file.sink.FileSink;
import io.floe.api.functions.sink.filesystem.bucketassigners.BasePathBucketAssigner;
import io.floe.api.serialization.SimpleStringEncoder;
import io.floe.api.tuple.Tuple2;
import io.floe.runtime.checkpoint.CheckpointMetadata;
import io.floe.runtime.checkpoint.StateAssignment;
import io.floe.runtime.checkpoint.StateFiles;
import io.floe.runtime.checkpoint.SubtaskCheckpointState;
import io.floe.runtime.checkpoint.TaskRestore;
import io.floe.runtime.checkpoint.TaskStateSnapshot;
import io.floe.runtime.jobgraph.ChainedOperatorSpec;
import io.floe.runtime.operators.KeyedReduceOperator;
import io.floe.runtime.operators.OperatorContext;
import io.floe.runtime.operators.SumReduceFunction;
import io.floe.runtime.operators.sink.FileSinkOperator;
import io.floe.runtime.operators.sink.SinkOperator;
import io.floe.runtime.operators.source.SequenceSource;
import io.floe.runtime.state.KeyGroupRangeAssignment;
import io.floe.runtime.types.JobVertexId;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A chain's state through a checkpoint written to files and a restore at another parallelism. */
class ChainCheckpointTest {
    private static final int MAX_PARALLELISM = 128;
    private static final JobVertexId VERTEX = new JobVertexId("00000000000000000000000000000007");

    @TempDir
    Path dir;

    private final StateFiles files = new StateFiles(new Configuration());

    private static OperatorContext context(int index, int parallelism) {
        return new OperatorContext(
                "test",
                index,
                parallelism,
                MAX_PARALLELISM,
                0,
                false,
                true,
                ChainCheckpointTest.class.getClassLoader(),
                new io.floe.runtime.operators.ElementTimestamp(),
                null,
                java.time.Duration.ZERO);
    }

    private static ChainedOperatorSpec withSink(String id, Object head, List<Object> out) {
        ChainedOperatorSpec sink =
                new ChainedOperatorSpec("sink", "Sink", new SinkOperator<Object>(out::add), null, List.of(), List.of());
        return new ChainedOperatorSpec(id, "head", (Serializable) head, null, List.of(sink), List.of());
    }

    private static ChainedOperatorSpec summing(List<Object> out) {
        return withSink(
                "counter",
                new KeyedReduceOperator<Tuple2<String, Long>, String>(new SumReduceFunction<>(1), t -> t.f0),
                out);
    }

    @Test
    void keyedStateRestoredAtAnotherParallelismGoesOnFromWhereItWas() throws Exception {
        List<Object> before = new ArrayList<>();
        OperatorChain first = new OperatorChain(summing(before), context(0, 1), List.of(), List.of());
        first.initializeState(null, files);
        first.open();
        for (int round = 0; round < 3; round++) {
            for (int k = 0; k < 100; k++) {
                process(first, Tuple2.of("k" + k, 1L));
            }
        }
        CheckpointMetadata metadata = checkpoint(List.of(first), 1);

        Map<String, Long> after = new HashMap<>();
        for (int index = 0; index < 3; index++) {
            List<Object> out = new ArrayList<>();
            OperatorChain restored = new OperatorChain(summing(out), context(index, 3), List.of(), List.of());
            TaskRestore restore =
                    StateAssignment.forSubtask(metadata, dir.toString(), Set.of("counter"), index, 3, MAX_PARALLELISM);
            restored.initializeState(restore, files);
            restored.open();
            for (int k = 0; k < 100; k++) {
                String key = "k" + k;
                if (KeyGroupRangeAssignment.assignKeyToOperator(key, MAX_PARALLELISM, 3) == index) {
                    process(restored, Tuple2.of(key, 1L));
                }
            }
            for (Object record : out) {
                @SuppressWarnings("unchecked")
                Tuple2<String, Long> sum = (Tuple2<String, Long>) record;
                assertEquals(null, after.put(sum.f0, sum.f1), "each key restored in one subtask only");
            }
        }
        assertEquals(100, after.size());
        after.forEach((key, sum) -> assertEquals(4L, sum, key + ": 3 before the checkpoint, 1 after"));
    }

    @Test
    void aSequenceSourceRestoredAtAnotherParallelismEmitsTheRestExactlyOnce() throws Exception {
        List<Object> emitted = Collections.synchronizedList(new ArrayList<>());
        List<OperatorChain> firstRun = new ArrayList<>();
        List<List<ChainedOperatorState.Frozen>> frozen = new ArrayList<>();
        for (int index = 0; index < 2; index++) {
            OperatorChain chain = new OperatorChain(
                    withSink("numbers", new SequenceSource(1, 20_000), emitted),
                    context(index, 2),
                    List.of(),
                    List.of());
            chain.initializeState(null, files);
            chain.open();
            chain.source().setCheckpointHook(() -> {
                frozen.add(chain.snapshotState(1, 0));
                chain.source().cancel(); // the "failure": nothing after the checkpoint survives
            });
            chain.source().requestCheckpoint();
            chain.source().run();
            firstRun.add(chain);
        }
        assertEquals(2 * 4096, emitted.size(), "each subtask checkpointed after its first batch");
        List<SubtaskCheckpointState> subtasks = new ArrayList<>();
        for (int index = 0; index < 2; index++) {
            TaskStateSnapshot state =
                    SubtaskStateWriter.write(frozen.get(index), dir.toString(), VERTEX + "-" + index, files);
            subtasks.add(new SubtaskCheckpointState(VERTEX, index, state));
        }
        CheckpointMetadata metadata =
                new CheckpointMetadata(CheckpointMetadata.CURRENT_VERSION, JobId.generate(), 1, 0, false, subtasks);

        for (int index = 0; index < 3; index++) {
            OperatorChain chain = new OperatorChain(
                    withSink("numbers", new SequenceSource(1, 20_000), emitted),
                    context(index, 3),
                    List.of(),
                    List.of());
            chain.initializeState(
                    StateAssignment.forSubtask(metadata, dir.toString(), Set.of("numbers"), index, 3, MAX_PARALLELISM),
                    files);
            chain.open();
            chain.source().run();
        }
        TreeSet<Object> distinct = new TreeSet<>(emitted);
        assertEquals(20_000, emitted.size(), "every number exactly once over both runs");
        assertEquals(20_000, distinct.size());
        assertEquals(1L, distinct.first());
        assertEquals(20_000L, distinct.last());
    }

    @Test
    void stateOfAnOperatorTheNewProgramLacksIsRefusedNamingIt() throws Exception {
        OperatorChain chain = new OperatorChain(summing(new ArrayList<>()), context(0, 1), List.of(), List.of());
        chain.initializeState(null, files);
        chain.open();
        process(chain, Tuple2.of("a", 1L));
        CheckpointMetadata metadata = checkpoint(List.of(chain), 3);
        IllegalStateException e = assertThrows(
                IllegalStateException.class,
                () -> StateAssignment.checkEveryStateHasAnOperator(metadata, Set.of("renamed"), false, "/sp"));
        assertTrue(
                e.getMessage()
                        .startsWith("Failed to rollback to checkpoint/savepoint /sp. Cannot map"
                                + " checkpoint/savepoint state for operator counter to the new program"),
                e.getMessage());
        StateAssignment.checkEveryStateHasAnOperator(metadata, Set.of("renamed"), true, "/sp"); // -n
    }

    @Test
    void aFileSinkCommitsWhatCheckpointsCoverAndARestoreLeavesEachRecordOnce() throws Exception {
        Path output = dir.resolve("out");
        FileSink<Long> sink = FileSink.forRowFormat(
                        new io.floe.api.fs.Path(output.toUri().toString()), new SimpleStringEncoder<Long>())
                .withBucketAssigner(new BasePathBucketAssigner<>())
                .build();
        OperatorChain first = new OperatorChain(
                new ChainedOperatorSpec("files", "FileSink", new FileSinkOperator<>(sink), null, List.of(), List.of()),
                context(0, 1),
                List.of(),
                List.of());
        first.initializeState(null, files);
        first.open();
        write(first, 1, 100);
        TaskStateSnapshot atOne = SubtaskStateWriter.write(first.snapshotState(1, 0), dir.toString(), "c1", files);
        write(first, 101, 150);
        assertEquals(List.of(), committed(output), "nothing is visible before its checkpoint completes");
        first.notifyCheckpointComplete(1);
        assertEquals(range(1, 100), committed(output));
        write(first, 151, 200);
        TaskStateSnapshot atTwo = SubtaskStateWriter.write(first.snapshotState(2, 0), dir.toString(), "c2", files);
        write(first, 201, 250);
        first.close(); // the task fails before it hears that checkpoint 2 completed
        assertTrue(atOne.stateSize() > 0);

        CheckpointMetadata two = new CheckpointMetadata(
                CheckpointMetadata.CURRENT_VERSION,
                JobId.generate(),
                2,
                0,
                false,
                List.of(new SubtaskCheckpointState(VERTEX, 0, atTwo)));
        OperatorChain restored = new OperatorChain(
                new ChainedOperatorSpec("files", "FileSink", new FileSinkOperator<>(sink), null, List.of(), List.of()),
                context(0, 1),
                List.of(),
                List.of());
        restored.initializeState(
                StateAssignment.forSubtask(two, dir.toString(), Set.of("files"), 0, 1, MAX_PARALLELISM), files);
        restored.open();
        assertEquals(range(1, 200), committed(output), "the restore commits what checkpoint 2 covered");
        write(restored, 201, 300); // the source replays from checkpoint 2
        restored.endInput();
        assertEquals(range(1, 200), committed(output), "the last records wait for the final checkpoint");
        restored.snapshotState(3, 0);
        restored.notifyCheckpointComplete(3);
        restored.close();
        assertEquals(range(1, 300), committed(output), "every record exactly once");
        try (var all = Files.walk(output)) {
            assertEquals(
                    List.of(),
                    all.filter(p -> p.getFileName().toString().endsWith(".inprogress"))
                            .toList(),
                    "no in-progress file is left");
        }
    }

    @ParameterizedTest(name = "restored at parallelism {0}")
    @ValueSource(ints = {1, 2, 3})
    void fileSinksOfTwoSubtasksRestoredAtAnyParallelismCommitWhatTheCheckpointCoveredOnce(int parallelism)
            throws Exception {
        Path output = dir.resolve("out");
        FileSink<Long> sink = FileSink.forRowFormat(
                        new io.floe.api.fs.Path(output.toUri().toString()), new SimpleStringEncoder<Long>())
                .withBucketAssigner(new BasePathBucketAssigner<>())
                .build();
        List<OperatorChain> before = new ArrayList<>();
        for (int index = 0; index < 2; index++) {
            OperatorChain chain = fileSinkChain(sink, index, 2);
            chain.initializeState(null, files);
            chain.open();
            write(chain, index * 1000 + 1, index * 1000 + 100);
            before.add(chain);
        }
        CheckpointMetadata one = checkpoint(before, 1); // completes, but no subtask hears of it
        for (int index = 0; index < 2; index++) {
            write(before.get(index), index * 1000 + 101, index * 1000 + 150); // after the checkpoint: lost
            before.get(index).close();
        }
        assertEquals(List.of(), committed(output));

        List<OperatorChain> after = new ArrayList<>();
        for (int index = 0; index < parallelism; index++) {
            OperatorChain chain = fileSinkChain(sink, index, parallelism);
            chain.initializeState(
                    StateAssignment.forSubtask(one, dir.toString(), Set.of("files"), index, parallelism, 128), files);
            after.add(chain);
        }
        List<Long> expected = range(1, 100);
        expected.addAll(range(1001, 1100));
        assertEquals(expected, committed(output), "the restore commits what checkpoint 1 covered, once");
        try (var all = Files.walk(output)) {
            assertEquals(
                    List.of(),
                    all.filter(p -> p.getFileName().toString().endsWith(".inprogress"))
                            .toList(),
                    "the in-progress files written after the checkpoint are gone");
        }
        for (OperatorChain chain : after) {
            chain.close();
        }
    }

    private static OperatorChain fileSinkChain(FileSink<Long> sink, int index, int parallelism) {
        return new OperatorChain(
                new ChainedOperatorSpec("files", "FileSink", new FileSinkOperator<>(sink), null, List.of(), List.of()),
                context(index, parallelism),
                List.of(),
                List.of());
    }

    private static void write(OperatorChain chain, long from, long to) throws Exception {
        for (long i = from; i <= to; i++) {
            chain.head().processElement(i);
        }
    }

    private static List<Long> range(long from, long to) {
        List<Long> all = new ArrayList<>();
        for (long i = from; i <= to; i++) {
            all.add(i);
        }
        return all;
    }

    /** The numbers in the visible part files, sorted. */
    private static List<Long> committed(Path output) throws Exception {
        List<Long> numbers = new ArrayList<>();
        if (!Files.exists(output)) {
            return numbers;
        }
        try (var all = Files.walk(output)) {
            for (Path file : all.filter(Files::isRegularFile).toList()) {
                String name = file.getFileName().toString();
                if (name.startsWith("part-")) {
                    Files.readAllLines(file).forEach(line -> numbers.add(Long.parseLong(line)));
                }
            }
        }
        numbers.sort(null);
        return numbers;
    }

    private CheckpointMetadata checkpoint(List<OperatorChain> chains, long id) throws Exception {
        List<SubtaskCheckpointState> subtasks = new ArrayList<>();
        for (int index = 0; index < chains.size(); index++) {
            TaskStateSnapshot state = SubtaskStateWriter.write(
                    chains.get(index).snapshotState(id, 0), dir.toString(), VERTEX + "-" + index, files);
            subtasks.add(new SubtaskCheckpointState(VERTEX, index, state));
        }
        return new CheckpointMetadata(CheckpointMetadata.CURRENT_VERSION, JobId.generate(), id, 0, false, subtasks);
    }

    private static void process(OperatorChain chain, Object record) throws Exception {
        chain.head().setKeyContextElement(record);
        chain.head().processElement(record);
    }
}
