package io.floe.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the packaged WordCount example through {@code floe run -t local -p 2} in this JVM, as a
 * user would, and checks the counts it writes. Needs a working local execution target.
 */
class CliFrontendITCase {
    private static final List<String> INPUT =
            List.of("The river flows; the river bends.", "A river, a delta, the sea!", "", "SEA and sand and sea");

    /** Counted by hand from {@link #INPUT}. */
    private static final Map<String, Long> EXPECTED = new TreeMap<>(Map.of(
            "the", 3L, "river", 3L, "flows", 1L, "bends", 1L, "a", 2L, "delta", 1L, "sea", 3L, "and", 2L, "sand", 1L));

    private static Path wordCountJar;

    @TempDir
    Path work;

    @BeforeAll
    static void findJar() {
        String path = System.getProperty("floe.examples.wordcount.jar");
        assertTrue(
                path != null && !path.startsWith("${"),
                "the build passes the WordCount jar as floe.examples.wordcount.jar");
        wordCountJar = Path.of(path);
        assertTrue(Files.isRegularFile(wordCountJar), wordCountJar + " exists");
    }

    @Test
    void batchWordCountWritesOneFinalCountPerWord() throws Exception {
        List<String> lines = runWordCount("batch");
        assertEquals(EXPECTED.size(), lines.size(), String.valueOf(lines));
        assertEquals(EXPECTED, finalCounts(lines));
    }

    @Test
    void streamingWordCountWritesEveryCountUpToTheFinalOne() throws Exception {
        List<String> lines = runWordCount("streaming");
        long words = EXPECTED.values().stream().mapToLong(Long::longValue).sum();
        assertEquals(words, lines.size(), String.valueOf(lines));
        assertEquals(EXPECTED, finalCounts(lines));
    }

    private List<String> runWordCount(String mode) throws IOException {
        Path input = Files.write(work.resolve("input.txt"), INPUT);
        Path output = work.resolve("counts-" + mode);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CliFrontend floe = new CliFrontend(
                System.out,
                new PrintStream(err, true),
                Map.of(),
                () -> ExecutionTargets.discover(CliFrontendITCase.class.getClassLoader()));

        int exitCode = floe.run(new String[] {
            "run",
            "-t",
            "local",
            "-p",
            "2",
            wordCountJar.toString(),
            "--input",
            input.toString(),
            "--output",
            output.toString(),
            "--mode",
            mode
        });

        assertEquals(ExitCode.SUCCESS, exitCode, err.toString(Charset.defaultCharset()));
        return readLines(output);
    }

    /** writeAsText's output: one file, or a directory of one file per subtask. */
    private static List<String> readLines(Path output) throws IOException {
        List<String> lines = new ArrayList<>();
        if (Files.isDirectory(output)) {
            try (Stream<Path> files = Files.list(output)) {
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    lines.addAll(Files.readAllLines(file));
                }
            }
        } else {
            lines.addAll(Files.readAllLines(output));
        }
        lines.removeIf(String::isEmpty);
        return lines;
    }

    /** The highest count per word, from "(word,count)" lines. */
    private static Map<String, Long> finalCounts(List<String> lines) {
        Map<String, Long> counts = new TreeMap<>();
        for (String line : lines) {
            assertTrue(line.startsWith("(") && line.endsWith(")") && line.contains(","), line);
            int comma = line.lastIndexOf(',');
            counts.merge(
                    line.substring(1, comma), Long.parseLong(line.substring(comma + 1, line.length() - 1)), Math::max);
        }
        return counts;
    }
}
