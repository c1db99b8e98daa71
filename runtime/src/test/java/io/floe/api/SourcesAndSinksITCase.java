package io.floe.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.testutils.TestOutput;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.Writer;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sources and sinks of the API, end to end on the embedded cluster. */
class SourcesAndSinksITCase {
    @TempDir
    Path dir;

    @Test
    void socketTextStreamEndsWhenThePeerClosesTheConnection() throws Exception {
        try (ServerSocket server = new ServerSocket(0)) {
            CompletableFuture<Void> feeder = CompletableFuture.runAsync(() -> {
                try (Socket client = server.accept()) {
                    client.getOutputStream().write("hello\nfloe on yarn\n".getBytes(StandardCharsets.UTF_8));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            Path output = dir.resolve("socket-out");
            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
            // the classic Flink program, unchanged but for where it writes
            env.socketTextStream("localhost", server.getLocalPort())
                    .map(s -> s.toUpperCase())
                    .writeAsText(output.toString());
            env.execute("RealTimeJob");
            feeder.get();
            assertEquals(List.of("HELLO", "FLOE ON YARN"), TestOutput.allLines(output));
        }
    }

    @Test
    void readTextFileSplitsAFileAcrossSubtasksAndReadsEveryLineOnce() throws Exception {
        Path input = dir.resolve("lines.txt");
        List<String> expected = new ArrayList<>();
        try (Writer out = Files.newBufferedWriter(input)) {
            for (int i = 0; i < 300_000; i++) {
                String line = "line-" + i + "-" + "x".repeat(i % 17);
                expected.add(line);
                out.write(line + "\n");
            }
        }
        assertTrue(Files.size(input) > 3 << 20, "large enough for several splits");
        Path output = dir.resolve("lines-out");
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.getExecutionEnvironment().setParallelism(3);
        env.readTextFile(input.toUri().toString()).writeAsText(output.toString());
        env.execute("read text file");
        List<List<String>> files = TestOutput.linesPerFile(output);
        assertEquals(3, files.size());
        files.forEach(lines -> assertTrue(!lines.isEmpty(), "every subtask read a part"));
        List<String> actual = new ArrayList<>(TestOutput.allLines(output));
        actual.sort(null);
        expected.sort(null);
        assertEquals(expected, actual);
    }

    @Test
    void unionAndRebalanceDeliverEveryRecord() throws Exception {
        Path output = dir.resolve("union-out");
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.getExecutionEnvironment().setParallelism(2);
        DataStream<Long> evens = env.fromSequence(0, 999).filter(x -> x % 2 == 0);
        DataStream<Long> more = env.fromCollection(List.of(5000L, 5001L));
        evens.union(more)
                .rebalance()
                .map(x -> x + 1)
                .setParallelism(3)
                .writeAsText(output.toString())
                .setParallelism(3);
        env.execute("union");
        List<Long> values = TestOutput.allLines(output).stream()
                .map(Long::parseLong)
                .sorted()
                .toList();
        List<Long> expected = new ArrayList<>();
        for (long x = 0; x < 1000; x += 2) {
            expected.add(x + 1);
        }
        expected.add(5001L);
        expected.add(5002L);
        assertEquals(expected, values);
    }

    @Test
    void printPrefixesTheSubtaskWhenParallel() throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            StreamExecutionEnvironment env =
                    StreamExecutionEnvironment.getExecutionEnvironment().setParallelism(2);
            env.fromSequence(1, 4).map(x -> "v" + x).print();
            env.execute("print");
        } finally {
            System.setOut(original);
        }
        List<String> lines = captured.toString(StandardCharsets.UTF_8)
                .lines()
                .filter(l -> l.contains("> v"))
                .sorted()
                .toList();
        assertEquals(4, lines.size(), captured.toString(StandardCharsets.UTF_8));
        lines.forEach(line -> assertTrue(line.matches("[12]> v[1-4]"), line));
    }

    @Test
    void writeAsTextRefusesAnExistingPathUnlessOverwriting() throws Exception {
        Path existing = Files.writeString(dir.resolve("exists.txt"), "old\n");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> env.fromElements(1).writeAsText(existing.toString()));
        assertTrue(e.getMessage().contains("already exists"), e.getMessage());
        env.fromElements(1, 2).writeAsText(existing.toString(), WriteMode.OVERWRITE);
        env.execute("overwrite");
        assertEquals(List.of("1", "2"), Files.readAllLines(existing));
    }
}
