package io.floe.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * Starts one measured run in a fresh JVM ({@code -Xms2g -Xmx2g} and the Java 17 opens Floe's
 * processes get), waits for it with a deadline and returns its {@link ResultLine}, with the heap
 * figures of the JVM's GC log added ({@link GcLogHeapPeaks}). The JVM's output goes to files, so a
 * chatty run cannot block on a full pipe.
 */
final class WorkloadLauncher {
    /** The heap every measured JVM gets, as in the Flink anchor. */
    static final List<String> HEAP = List.of("-Xms2g", "-Xmx2g");

    private final Path java;
    private final Duration timeout;

    WorkloadLauncher(Path java, Duration timeout) {
        this.java = java;
        this.timeout = timeout;
    }

    /** The java binary of this JVM. */
    static Path currentJava() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /** The {@code --add-opens} list of the parent pom ({@code floe.test.jvm.opens}), filtered into the build. */
    static List<String> floeJvmOpens() {
        Properties properties = new Properties();
        try (InputStream in = WorkloadLauncher.class.getResourceAsStream("jvm.properties")) {
            if (in == null) {
                throw new IllegalStateException(
                        "jvm.properties missing from the benchmarks' class path; build the module");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read jvm.properties", e);
        }
        return Arrays.stream(properties.getProperty("jvm.opens", "").trim().split("\\s+"))
                .filter(s -> !s.isEmpty())
                .toList();
    }

    /** A run of a Floe job class on this JVM's class path. */
    ResultLine runFloe(Workload workload) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(HEAP);
        command.addAll(floeJvmOpens());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(workload.jobClass().getName());
        command.addAll(workload.jobArguments());
        return run(command, workload.label());
    }

    /**
     * Runs a command line whose first element is the java binary and returns its RESULT line with
     * the JVM's heap peaks; a run without a RESULT line is an exception naming the reason.
     */
    ResultLine run(List<String> command, String label) throws IOException, InterruptedException {
        Path stdout = Files.createTempFile("floe-bench-" + label + "-", ".out");
        Path stderr = Files.createTempFile("floe-bench-" + label + "-", ".err");
        // a name not yet taken: the JVM would keep an existing file as <name>.0 and start a new one
        Path gcLog = stdout.resolveSibling(stdout.getFileName() + ".gc.log");
        List<String> withGcLog = new ArrayList<>(command);
        withGcLog.add(1, GcLogHeapPeaks.jvmFlag(gcLog));
        try {
            Process process = new ProcessBuilder(withGcLog)
                    .redirectOutput(stdout.toFile())
                    .redirectError(stderr.toFile())
                    .start();
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                throw new RunFailedException(label + " did not finish within " + timeout.toSeconds() + " s");
            }
            Optional<ResultLine> result = ResultLine.find(Files.readString(stdout, StandardCharsets.UTF_8));
            if (result.isEmpty()) {
                throw new RunFailedException(label + " exited with " + process.exitValue()
                        + " and no RESULT line; last output: " + lastLine(stderr, stdout));
            }
            return result.get()
                    .withExtra(GcLogHeapPeaks.parse(Files.readString(gcLog, StandardCharsets.UTF_8))
                            .resultFields());
        } finally {
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
            Files.deleteIfExists(gcLog);
        }
    }

    private static String lastLine(Path... files) throws IOException {
        for (Path file : files) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .filter(l -> !l.isBlank() && !l.startsWith("\tat "))
                    .toList();
            if (!lines.isEmpty()) {
                return lines.get(lines.size() - 1).trim();
            }
        }
        return "(none)";
    }

    /** A run that ended without a result. */
    static final class RunFailedException extends IOException {
        private static final long serialVersionUID = 1L;

        RunFailedException(String message) {
            super(message);
        }
    }
}
