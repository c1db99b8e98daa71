package io.floe.tools.miniyarn.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The files Floe's containers wrote on the NodeManagers of a {@link io.floe.tools.miniyarn.MiniHadoop}. */
public final class ContainerLogs {
    private ContainerLogs() {}

    /** Every file named {@code fileName} of the application's containers ({@code jobmanager.log}, ...), sorted. */
    public static List<Path> find(Path dataDir, String applicationId, String fileName) throws IOException {
        try (Stream<Path> files = Files.walk(dataDir)) {
            return files.filter(p -> p.getFileName().toString().equals(fileName)
                            && p.toString().contains(applicationId))
                    .sorted()
                    .toList();
        }
    }

    /**
     * Each line that names an exception in the log, out and err files of the application's JobManager and
     * TaskManagers, as {@code <file name>: <line>}.
     */
    public static List<String> exceptionLines(Path dataDir, String applicationId) throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dataDir)) {
            for (Path file : files.filter(p -> p.toString().contains(applicationId)
                            && Files.isRegularFile(p)
                            && p.getFileName().toString().matches("(jobmanager|taskmanager)\\.(log|out|err)"))
                    .toList()) {
                for (String line : Files.readAllLines(file)) {
                    if (line.contains("Exception")) {
                        found.add(file.getFileName() + ": " + line);
                    }
                }
            }
        }
        return found;
    }
}
