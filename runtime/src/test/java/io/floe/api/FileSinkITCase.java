package io.floe.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.api.connector.file.sink.FileSink;
import io.floe.api.connector.sink2.Sink;
import io.floe.api.functions.sink.filesystem.OutputFileConfig;
import io.floe.api.functions.sink.filesystem.bucketassigners.BasePathBucketAssigner;
import io.floe.api.functions.sink.filesystem.rollingpolicies.DefaultRollingPolicy;
import io.floe.api.serialization.SimpleStringEncoder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The FileSink on the embedded cluster, without checkpoints: part files are committed as they roll and at the end. */
class FileSinkITCase {
    @TempDir
    Path dir;

    @Test
    void everyRecordEndsUpOnceInCommittedPartFilesThatRollBySize() throws Exception {
        Path output = dir.resolve("out");
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.getExecutionEnvironment().setParallelism(2);
        env.fromSequence(1, 50_000)
                .sinkTo(FileSink.forRowFormat(
                                new io.floe.api.fs.Path(output.toUri().toString()),
                                new SimpleStringEncoder<Long>("UTF-8"))
                        .withBucketAssigner(new BasePathBucketAssigner<>())
                        .withRollingPolicy(DefaultRollingPolicy.builder()
                                .withMaxPartSize(16 * 1024)
                                .build())
                        .withOutputFileConfig(OutputFileConfig.builder()
                                .withPartSuffix(".txt")
                                .build())
                        .build());
        env.execute("file sink");

        List<Path> files = files(output);
        assertTrue(files.size() > 10, "rolled by size: " + files.size() + " files");
        List<Long> numbers = new ArrayList<>();
        for (Path file : files) {
            String name = file.getFileName().toString();
            assertTrue(name.matches("part-[0-9a-f-]{36}-[01]-\\d+\\.txt"), name);
            Files.readAllLines(file).forEach(line -> numbers.add(Long.parseLong(line)));
        }
        numbers.sort(null);
        assertEquals(50_000, numbers.size());
        for (int i = 0; i < numbers.size(); i++) {
            assertEquals(i + 1L, numbers.get(i));
        }
    }

    @Test
    void theDefaultBucketsAreHoursOfProcessingTimeAndBatchJobsCommitAtTheEnd() throws Exception {
        Path output = dir.resolve("hours");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setRuntimeMode(RuntimeExecutionMode.BATCH);
        env.fromElements("a", "b", "c")
                .sinkTo(FileSink.forRowFormat(
                                new io.floe.api.fs.Path(output.toString()), new SimpleStringEncoder<String>())
                        .build());
        env.execute("batch file sink");
        List<Path> files = files(output);
        assertEquals(1, files.size());
        assertTrue(
                output.relativize(files.get(0)).getParent().toString().matches("\\d{4}-\\d{2}-\\d{2}--\\d{2}"),
                files.get(0).toString());
        assertEquals(List.of("a", "b", "c"), Files.readAllLines(files.get(0)));
    }

    @Test
    void anotherSinkImplementationIsRefusedWithWhatToDo() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        UnsupportedOperationException e = assertThrows(
                UnsupportedOperationException.class, () -> env.fromElements(1).sinkTo(new Sink<Integer>() {}));
        assertTrue(e.getMessage().contains("use addSink(...)"), e.getMessage());
    }

    /** The visible part files under {@code root}; fails if an in-progress file is left. */
    private static List<Path> files(Path root) throws Exception {
        try (Stream<Path> all = Files.walk(root)) {
            List<Path> files = all.filter(Files::isRegularFile).sorted().toList();
            for (Path file : files) {
                assertTrue(!file.getFileName().toString().contains(".inprogress"), "left in progress: " + file);
            }
            // Hadoop's local file system keeps a hidden .crc file beside each file
            return files.stream()
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .toList();
        }
    }
}
