package io.floe.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/mini-yarn.sh} as a user runs it: start the embedded HDFS and YARN, put a text on HDFS,
 * count its words per-job on YARN through {@code bin/floe} with the written HADOOP_CONF_DIR, read the
 * counts back from HDFS, ask YARN for the final status, stop; then nothing of it is left.
 */
class MiniYarnITCase {
    private static final Pattern APPLICATION_ID = Pattern.compile("application_\\d+_\\d+");

    @TempDir
    static Path work;

    @Test
    @Timeout(600)
    void wordCountPerJobOnTheEmbeddedYarnIsExactAndStopLeavesNothing() throws Exception {
        // small containers and fast heartbeats: the defaults work too (quickstart.sh runs them), only slower
        FloeDistribution floe = new FloeDistribution(
                work,
                String.join(
                        "\n",
                        "taskmanager.numberOfTaskSlots: 1",
                        "taskmanager.memory.process.size: 768m",
                        "jobmanager.memory.process.size: 768m",
                        "heartbeat.interval: 1 s"));
        Path miniYarnDir = work.resolve("mini-yarn");
        Map<String, String> environment = Map.of("FLOE_MINI_YARN_DIR", miniYarnDir.toString());
        Path input = writeWords(work.resolve("words.txt"));

        FloeDistribution.Result started = floe.run(environment, "mini-yarn.sh", "start");
        try {
            assertEquals(0, started.exitCode(), started.output());
            Path confDir = miniYarnDir.resolve("conf");
            assertTrue(started.output().contains("export HADOOP_CONF_DIR=" + confDir), started.output());
            String hdfs = statusValue(floe.run(environment, "mini-yarn.sh", "status"), "hdfs");

            FloeDistribution.Result put =
                    floe.run(environment, "mini-yarn.sh", "fs", "-put", input.toString(), "/words.txt");
            assertEquals(0, put.exitCode(), put.output());
            Map<String, String> client = new HashMap<>(environment);
            client.put("HADOOP_CONF_DIR", confDir.toString());
            FloeDistribution.Result run = floe.run(
                    client,
                    "floe",
                    "run",
                    "-t",
                    "yarn-per-job",
                    "-p",
                    "2",
                    floe.home.resolve("examples/WordCount.jar").toString(),
                    "--input",
                    hdfs + "/words.txt",
                    "--output",
                    hdfs + "/wordcount",
                    "--mode",
                    "batch");
            assertEquals(0, run.exitCode(), run.output());
            Matcher applicationId = APPLICATION_ID.matcher(run.output());
            assertTrue(applicationId.find(), "the client names the YARN application: " + run.output());
            String appId = applicationId.group();

            FloeDistribution.Result status = floe.run(environment, "mini-yarn.sh", "app-status", appId, "--wait", "60");
            assertEquals(appId + " FINISHED SUCCEEDED", status.output().trim(), status.output());
            FloeDistribution.Result counts = floe.run(environment, "mini-yarn.sh", "fs", "-cat", "/wordcount/*");
            assertEquals(0, counts.exitCode(), counts.output());
            assertEquals(FloeDistribution.countWords(input), parseCounts(counts.output()));
            assertNoExceptionsInContainerLogs(miniYarnDir, appId);
        } finally {
            FloeDistribution.Result stopped = floe.run(environment, "mini-yarn.sh", "stop");
            assertEquals(0, stopped.exitCode(), stopped.output());
        }
        assertFalse(Files.exists(miniYarnDir), "stop deletes " + miniYarnDir);
        FloeDistribution.Result again = floe.run(environment, "mini-yarn.sh", "stop");
        assertEquals(0, again.exitCode(), "stopping twice is harmless: " + again.output());
        assertEquals(1, floe.run(environment, "mini-yarn.sh", "status").exitCode());
    }

    /** 5,000 lines of eight words of three lower-case letters: what WordCount's tokenizer keeps as they are. */
    private static Path writeWords(Path file) throws IOException {
        Random random = new Random(11);
        StringBuilder text = new StringBuilder();
        for (int line = 0; line < 5_000; line++) {
            for (int w = 0; w < 8; w++) {
                text.append(w == 0 ? "" : " ")
                        .append('w')
                        .append((char) ('a' + random.nextInt(26)))
                        .append((char) ('a' + random.nextInt(26)));
            }
            text.append('\n');
        }
        return Files.writeString(file, text);
    }

    private static String statusValue(FloeDistribution.Result status, String key) {
        assertEquals(0, status.exitCode(), status.output());
        for (String line : status.output().split("\n")) {
            if (line.startsWith(key + "=")) {
                return line.substring(key.length() + 1).trim();
            }
        }
        throw new AssertionError("mini-yarn.sh status tells no " + key + ": " + status.output());
    }

    private static Map<String, Long> parseCounts(String output) {
        Map<String, Long> counts = new HashMap<>();
        for (String line : output.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            int comma = line.lastIndexOf(',');
            assertTrue(line.startsWith("(") && line.endsWith(")") && comma > 0, "a (word,count) line: " + line);
            assertEquals(
                    null,
                    counts.put(line.substring(1, comma), Long.parseLong(line.substring(comma + 1, line.length() - 1))),
                    "one count per word: " + line);
        }
        return counts;
    }

    /** A job that succeeded leaves no exception in any log or output file of its containers. */
    private static void assertNoExceptionsInContainerLogs(Path miniYarnDir, String appId) throws IOException {
        List<String> found = new ArrayList<>();
        int files = 0;
        try (Stream<Path> walk = Files.walk(miniYarnDir.resolve("data"))) {
            for (Path file : walk.filter(p -> p.toString().contains(appId)
                            && Files.isRegularFile(p)
                            && p.getFileName().toString().matches("(jobmanager|taskmanager)\\.(log|out|err)"))
                    .toList()) {
                files++;
                for (String line : Files.readAllLines(file)) {
                    if (line.contains("Exception")) {
                        found.add(file.getFileName() + ": " + line);
                    }
                }
            }
        }
        assertTrue(files >= 3, "the ApplicationMaster's and two TaskManagers' logs are kept until stop: " + files);
        assertTrue(found.isEmpty(), "unexpected exceptions in the container logs:\n" + String.join("\n", found));
    }
}
