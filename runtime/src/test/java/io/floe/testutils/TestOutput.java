package io.floe.testutils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Reads what {@code writeAsText} wrote: one file, or a directory of one file per subtask. */
public final class TestOutput {
    private TestOutput() {}

    /** The lines of every output file, file by file in subtask order. */
    public static List<List<String>> linesPerFile(Path path) {
        try {
            List<List<String>> files = new ArrayList<>();
            if (Files.isDirectory(path)) {
                try (Stream<Path> children = Files.list(path)) {
                    // every file counts: a stray file (such as a checksum) beside the output is a bug
                    for (Path file : children.sorted().toList()) {
                        files.add(Files.readAllLines(file));
                    }
                }
            } else {
                files.add(Files.readAllLines(path));
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<String> allLines(Path path) {
        List<String> lines = new ArrayList<>();
        linesPerFile(path).forEach(lines::addAll);
        return lines;
    }

    /** Parses "(key,count)" lines into the last count seen per key. */
    public static Map<String, Long> lastCountPerKey(List<String> lines) {
        Map<String, Long> counts = new HashMap<>();
        for (String line : lines) {
            int comma = line.lastIndexOf(',');
            counts.put(line.substring(1, comma), Long.parseLong(line.substring(comma + 1, line.length() - 1)));
        }
        return counts;
    }
}
