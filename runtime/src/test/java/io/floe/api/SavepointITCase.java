package io.floe.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.api.connector.file.sink.FileSink;
import io.floe.api.functions.RichMapFunction;
import io.floe.api.functions.sink.filesystem.bucketassigners.BasePathBucketAssigner;
import io.floe.api.functions.sink.filesystem.rollingpolicies.OnCheckpointRollingPolicy;
import io.floe.api.serialization.SimpleStringEncoder;
import io.floe.testutils.Deadline;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Savepoints end to end on the embedded cluster: stop-with-savepoint ends a job FINISHED with its
 * output committed up to the savepoint, a new run at another parallelism starts from a copy of it
 * in another directory and
 * continues exactly once (keyed state rescaled by key group), and a savepoint whose operator is
 * gone from the program is refused unless its state may be dropped ({@code -n}).
 */
class SavepointITCase {
    private static final long NUMBERS = 20_000;
    private static final int KEYS = 7;
    /** Microseconds each record waits in the first run, so that it is still running when stopped. */
    private static volatile long throttleMicros;

    @TempDir
    Path dir;

    @Test
    void aJobStoppedWithASavepointContinuesExactlyOnceAtAnotherParallelism() throws Exception {
        Path output = dir.resolve("out");
        Path savepoints = dir.resolve("savepoints");

        throttleMicros = 500;
        StreamExecutionEnvironment first = environment(2);
        pipeline(first, output);
        JobClient running = first.executeAsync("counts, first run");
        awaitCommittedOutput(output);
        String savepoint =
                running.stopWithSavepoint(false, savepoints.toUri().toString()).get(60, TimeUnit.SECONDS);
        running.getJobExecutionResult().get(60, TimeUnit.SECONDS); // FINISHED, not failed or cancelled
        assertTrue(Files.exists(Path.of(URI.create(savepoint)).resolve("_metadata")), savepoint);
        int linesAfterStop = CheckpointRecoveryITCase.committedLines(output).size();
        assertTrue(linesAfterStop > 0 && linesAfterStop < NUMBERS, "stopped midway: " + linesAfterStop);

        // a savepoint is self-contained: moved elsewhere, it still restores
        Path moved = dir.resolve("moved-savepoint");
        copyTree(Path.of(URI.create(savepoint)), moved);

        throttleMicros = 0;
        StreamExecutionEnvironment second = environment(3);
        second.getConfiguration().setString("execution.savepoint.path", moved.toString());
        pipeline(second, output);
        second.execute("counts, second run");

        List<Long> numbers = new ArrayList<>();
        Map<Long, List<Long>> countsByKey = new TreeMap<>();
        for (String line : CheckpointRecoveryITCase.committedLines(output)) {
            String[] parts = line.split(",");
            numbers.add(Long.parseLong(parts[1]));
            countsByKey
                    .computeIfAbsent(Long.parseLong(parts[0]), k -> new ArrayList<>())
                    .add(Long.parseLong(parts[2]));
        }
        assertEquals("", CheckpointRecoveryITCase.exactlyOnceViolations(numbers, NUMBERS), "every number once");
        countsByKey.forEach((key, counts) -> assertEquals(
                "",
                CheckpointRecoveryITCase.exactlyOnceViolations(counts, counts.size()),
                "the count of key " + key + " continued from the savepoint"));
        assertTrue(Files.exists(Path.of(URI.create(savepoint))), "Floe never deletes a savepoint");
    }

    @Test
    void aSavepointWithStateOfAnOperatorTheProgramLacksIsRefusedUnlessAllowed() throws Exception {
        Path savepoints = dir.resolve("savepoints");
        throttleMicros = 200;
        StreamExecutionEnvironment first = environment(1);
        pipeline(first, dir.resolve("out"));
        JobClient running = first.executeAsync("with the counter");
        awaitCommittedOutput(dir.resolve("out"));
        String savepoint = running.triggerSavepoint(savepoints.toString()).get(60, TimeUnit.SECONDS);
        running.cancel().get(10, TimeUnit.SECONDS);
        throttleMicros = 0;

        StreamExecutionEnvironment without = environment(1);
        without.getConfiguration().setString("execution.savepoint.path", savepoint);
        without.fromSequence(1, 10).uid("numbers").map(n -> n).uid("other").print();
        JobExecutionException refused =
                assertThrows(JobExecutionException.class, () -> without.execute("without the counter"));
        assertTrue(
                messages(refused).contains("Cannot map checkpoint/savepoint state for operator count-per-key")
                        && messages(refused).contains("--allowNonRestoredState"),
                messages(refused));

        StreamExecutionEnvironment allowed = environment(1);
        allowed.getConfiguration()
                .setString("execution.savepoint.path", savepoint)
                .setString("execution.savepoint.ignore-unclaimed-state", "true");
        allowed.fromSequence(1, 10).uid("numbers").map(n -> n).uid("other").print();
        allowed.execute("without the counter, state dropped");
    }

    @Test
    void aSavepointPathWithoutASavepointFailsTheJobNamingThePath() {
        StreamExecutionEnvironment env = environment(1);
        Path nothing = dir.resolve("no-savepoint-here");
        env.getConfiguration().setString("execution.savepoint.path", nothing.toString());
        env.fromSequence(1, 10).print();
        JobExecutionException e = assertThrows(JobExecutionException.class, () -> env.execute("bad -s"));
        assertTrue(messages(e).contains("Cannot start the job from savepoint " + nothing), messages(e));
    }

    @Test
    void aCheckpointDirectoryThatCannotBeWrittenFailsTheJobAtOnceNamingTheKey() throws Exception {
        Path blocker = Files.writeString(dir.resolve("a-file"), "not a directory");
        StreamExecutionEnvironment env = environment(1);
        env.getCheckpointConfig()
                .setCheckpointStorage(blocker.resolve("checkpoints").toUri().toString());
        env.fromSequence(1, 10).print();
        JobExecutionException e = assertThrows(JobExecutionException.class, () -> env.execute("unwritable"));
        assertTrue(
                messages(e)
                                .contains("Cannot write checkpoints to "
                                        + blocker.resolve("checkpoints").toUri())
                        && messages(e).contains("(state.checkpoints.dir)"),
                messages(e));
    }

    private static StreamExecutionEnvironment environment(int parallelism) {
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.getExecutionEnvironment().setParallelism(parallelism);
        env.enableCheckpointing(200);
        env.getConfiguration().setString("restart-strategy.type", "none");
        return env;
    }

    private static void pipeline(StreamExecutionEnvironment env, Path output) {
        env.fromSequence(1, NUMBERS)
                .uid("numbers")
                .map(new Throttle())
                .keyBy(n -> n % KEYS)
                .process(new CheckpointRecoveryITCase.CountPerKey())
                .uid("count-per-key")
                .sinkTo(FileSink.forRowFormat(
                                new io.floe.api.fs.Path(output.toUri().toString()), new SimpleStringEncoder<String>())
                        .withBucketAssigner(new BasePathBucketAssigner<>())
                        .withRollingPolicy(OnCheckpointRollingPolicy.build())
                        .build())
                .uid("files");
    }

    private static void awaitCommittedOutput(Path output) {
        Deadline.waitUntil(
                () -> {
                    try {
                        return hasCommittedFile(output);
                    } catch (IOException e) {
                        return false; // a part file renamed while listed: look again
                    }
                },
                Duration.ofSeconds(60),
                "committed output in " + output);
    }

    private static void copyTree(Path from, Path to) throws java.io.IOException {
        try (var files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(from.relativize(file).toString()));
            }
        }
    }

    /** Whether a part file is visible yet (in-progress ones are hidden). */
    private static boolean hasCommittedFile(Path output) throws IOException {
        if (!Files.exists(output)) {
            return false;
        }
        try (var files = Files.walk(output)) {
            return files.anyMatch(
                    p -> Files.isRegularFile(p) && !p.getFileName().toString().startsWith("."));
        }
    }

    private static String messages(Throwable error) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = error; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append(" | ");
        }
        return all.toString();
    }

    static final class Throttle extends RichMapFunction<Long, Long> {
        @Override
        public Long map(Long value) {
            long micros = throttleMicros;
            if (micros > 0) {
                LockSupport.parkNanos(micros * 1000);
            }
            return value;
        }
    }
}
