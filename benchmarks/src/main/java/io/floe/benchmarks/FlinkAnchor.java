package io.floe.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The Apache Flink 1.20 anchor (Part A of {@code /work/shared/anchors/flink}) as a second engine
 * for {@code --compare-flink}: runs the same workload in a fresh JVM with the anchor's class path
 * and Flink's Java 17 flags. The anchor must have been built ({@code mvn -B -q -pl part-a package}
 * in its directory); this class builds nothing.
 */
final class FlinkAnchor {
    static final Path ANCHOR_WORDS = Path.of("/tmp/anchor-words.txt");

    private final Path directory;
    private final List<String> classPathAndFlags;

    private FlinkAnchor(Path directory, List<String> classPathAndFlags) {
        this.directory = directory;
        this.classPathAndFlags = classPathAndFlags;
    }

    /** The built anchor in {@code directory}, or an exception that says how to build it. */
    static FlinkAnchor open(Path directory) throws IOException {
        Path classes = directory.resolve("part-a/target/classes");
        Path classPath = directory.resolve("part-a/target/classpath.txt");
        Path opens = directory.resolve("jvm-flink-opens.txt");
        if (!Files.isDirectory(classes) || !Files.isRegularFile(classPath) || !Files.isRegularFile(opens)) {
            throw new IOException("The Flink anchor in " + directory + " is not built; run: (cd " + directory
                    + " && mvn -B -q -pl part-a package)");
        }
        List<String> flags = new ArrayList<>(WorkloadLauncher.HEAP);
        flags.addAll(Arrays.asList(Files.readString(opens).trim().split("\\s+")));
        flags.add("-cp");
        flags.add(classes + ":" + Files.readString(classPath).trim());
        return new FlinkAnchor(directory, flags);
    }

    /**
     * The anchor's W3 input, {@code /tmp/anchor-words.txt} (the same bytes as Floe's file), with
     * the {@code .expected} file its W3 job checks against; written by the anchor's own
     * generator when missing.
     */
    Path prepareWordFile(Path java) throws IOException, InterruptedException {
        Path words = ANCHOR_WORDS;
        if (!Files.isRegularFile(words) || !Files.isRegularFile(Path.of(words + ".expected"))) {
            List<String> command = List.of(
                    java.toString(),
                    "-Xmx1g",
                    "-cp",
                    directory.resolve("part-a/target/classes").toString(),
                    "anchors.flink.parta.WordFileGenerator",
                    "--out=" + words);
            Process process = new ProcessBuilder(command).inheritIO().start();
            if (process.waitFor() != 0) {
                throw new IOException("The anchor's WordFileGenerator failed (exit " + process.exitValue() + ")");
            }
        }
        return words;
    }

    /** The command that runs {@code workload} on Flink with {@code java}. */
    List<String> command(Path java, Workload workload) {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(classPathAndFlags);
        command.add(workload.flinkClass());
        command.addAll(workload.flinkArguments());
        return command;
    }
}
