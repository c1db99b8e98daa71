package io.floe.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A standalone cluster of real processes started by {@code start-cluster.sh} (a JobManager and
 * two TaskManagers with one slot each), driven with {@code floe} and REST as a user would.
 */
class StandaloneClusterITCase {
    private static final Pattern JOB_ID = Pattern.compile("Job has been submitted with JobID ([0-9a-f]{32})");

    @TempDir
    static Path work;

    static FloeDistribution floe;
    static ServerSocket lineServer;
    static final List<Socket> lineClients = new ArrayList<>();

    @BeforeAll
    static void startCluster() throws Exception {
        floe = new FloeDistribution(
                work,
                String.join(
                        "\n",
                        "taskmanager.numberOfTaskSlots: 1",
                        "taskmanager.memory.process.size: 768m",
                        "jobmanager.memory.process.size: 768m",
                        "heartbeat.interval: 1 s",
                        "heartbeat.timeout: 10 s",
                        "restart-strategy.type: fixed-delay",
                        "restart-strategy.fixed-delay.attempts: 5",
                        "restart-strategy.fixed-delay.delay: 1 s"));
        Files.writeString(floe.confDir.resolve("workers"), "localhost\nlocalhost\n");
        FloeDistribution.Result started = floe.run("start-cluster.sh");
        assertEquals(0, started.exitCode(), started.output());
        FloeDistribution.waitUntil(() -> taskManagers() == 2, Duration.ofSeconds(60), "two TaskManagers registered");
        // unbounded jobs read from this server; it keeps every connection open until the end
        lineServer = new ServerSocket(0);
        Thread acceptor = new Thread(
                () -> {
                    while (!lineServer.isClosed()) {
                        try {
                            Socket client = lineServer.accept();
                            synchronized (lineClients) {
                                lineClients.add(client);
                            }
                            client.getOutputStream().write("hello\n".getBytes(StandardCharsets.UTF_8));
                        } catch (IOException e) {
                            return;
                        }
                    }
                },
                "line-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (lineServer != null) {
            lineServer.close();
        }
        FloeDistribution.Result stopped = floe.run("stop-cluster.sh");
        assertEquals(0, stopped.exitCode(), stopped.output());
        assertTrue(floe.pids("jobmanager").isEmpty() && floe.pids("taskmanager").isEmpty(), "pid files are gone");
        FloeDistribution.Result again = floe.run("stop-cluster.sh");
        assertEquals(0, again.exitCode(), "stopping twice is harmless: " + again.output());
    }

    private static int taskManagers() {
        JsonNode overview = floe.get("/overview");
        return overview == null ? -1 : overview.path("taskmanagers").asInt();
    }

    private static String submittedJobId(FloeDistribution.Result result) {
        Matcher matcher = JOB_ID.matcher(result.output());
        assertTrue(matcher.find(), "the CLI prints the job id: " + result.output());
        return matcher.group(1);
    }

    @Test
    void wordCountAcrossTwoTaskManagersIsExact() throws Exception {
        Path input = work.resolve("words.txt");
        Random random = new Random(7);
        StringBuilder text = new StringBuilder();
        for (int line = 0; line < 20_000; line++) {
            for (int w = 0; w < 8; w++) {
                text.append(w == 0 ? "" : " ")
                        .append("w")
                        .append((char) ('a' + random.nextInt(26)))
                        .append((char) ('a' + random.nextInt(26)));
            }
            text.append('\n');
        }
        Files.writeString(input, text.toString());
        Path output = work.resolve("wordcount-out");

        FloeDistribution.Result result = floe.run(
                "floe",
                "run",
                "-m",
                "localhost:" + floe.restPort,
                "-p",
                "2",
                floe.home.resolve("examples/WordCount.jar").toString(),
                "--input",
                input.toString(),
                "--output",
                output.toString(),
                "--mode",
                "batch");
        assertEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().contains("has finished"), result.output());

        Map<String, Long> actual = new HashMap<>();
        try (Stream<Path> files = Files.list(output)) {
            for (Path file : files.toList()) {
                for (String line : Files.readAllLines(file)) {
                    int comma = line.lastIndexOf(',');
                    actual.put(line.substring(1, comma), Long.parseLong(line.substring(comma + 1, line.length() - 1)));
                }
            }
        }
        assertEquals(FloeDistribution.countWords(input), actual);
    }

    @Test
    void detachedUnboundedJobsRunSideBySideAreListedAndCancelled() throws Exception {
        List<String> jobIds = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            FloeDistribution.Result submitted = floe.run(
                    "floe",
                    "run",
                    "-m",
                    "localhost:" + floe.restPort,
                    "-d",
                    floe.home.resolve("examples/SocketTextStreamUpperCase.jar").toString(),
                    "--port",
                    String.valueOf(lineServer.getLocalPort()));
            assertEquals(0, submitted.exitCode(), submitted.output());
            jobIds.add(submittedJobId(submitted));
        }
        for (String jobId : jobIds) {
            FloeDistribution.waitUntil(
                    () -> "RUNNING".equals(floe.jobState(jobId)), Duration.ofSeconds(60), "job " + jobId + " RUNNING");
        }
        // both run at the same time: one slot each
        assertTrue(jobIds.stream().allMatch(id -> "RUNNING".equals(floe.jobState(id))));

        FloeDistribution.Result listed = floe.run("floe", "list", "-m", "localhost:" + floe.restPort);
        assertEquals(0, listed.exitCode(), listed.output());
        for (String jobId : jobIds) {
            assertTrue(listed.output().contains(jobId) && listed.output().contains("RUNNING"), listed.output());
        }

        for (String jobId : jobIds) {
            FloeDistribution.Result cancelled = floe.run("floe", "cancel", "-m", "localhost:" + floe.restPort, jobId);
            assertEquals(0, cancelled.exitCode(), cancelled.output());
            FloeDistribution.waitUntil(
                    () -> "CANCELED".equals(floe.jobState(jobId)),
                    Duration.ofSeconds(30),
                    "job " + jobId + " CANCELED");
        }
        FloeDistribution.waitUntil(
                () -> floe.get("/overview").path("slots-available").asInt() == 2,
                Duration.ofSeconds(30),
                "both slots free again");
    }

    @Test
    void killedTaskManagerMidJobIsReplacedAndTheJobResumesFromItsCheckpointExactlyOnce() throws Exception {
        FloeDistribution.Result added = floe.run("taskmanager.sh", "start");
        assertEquals(0, added.exitCode(), added.output());
        FloeDistribution.waitUntil(() -> taskManagers() == 3, Duration.ofSeconds(60), "a third TaskManager");

        Path output = work.resolve("checkpointed-counts");
        int events = 24_000;
        int keys = 6;
        FloeDistribution.Result submitted = floe.run(
                "floe",
                "run",
                "-m",
                "localhost:" + floe.restPort,
                "-d",
                "-p",
                "2",
                "-Dstate.checkpoints.dir=" + work.resolve("checkpoints").toUri(),
                "-Drestart-strategy.type=fixed-delay",
                "-Drestart-strategy.fixed-delay.attempts=3",
                "-Drestart-strategy.fixed-delay.delay=200 ms",
                floe.home.resolve("examples/CheckpointedCounts.jar").toString(),
                "--events",
                String.valueOf(events),
                "--keys",
                String.valueOf(keys),
                "--rate",
                "3000",
                "--checkpoint-interval",
                "300",
                "--output",
                output.toString());
        assertEquals(0, submitted.exitCode(), submitted.output());
        String jobId = submittedJobId(submitted);
        FloeDistribution.waitUntil(
                () -> checkpoints(jobId, "completed") >= 2, Duration.ofSeconds(60), "two checkpoints completed");

        long victim = taskManagerRunning(jobId);
        long killedAt = System.nanoTime();
        ProcessHandle.of(victim).ifPresent(ProcessHandle::destroyForcibly); // kill -9
        FloeDistribution.waitUntil(
                () -> !"RUNNING".equals(floe.jobState(jobId)), Duration.ofSeconds(60), "the job noticing the loss");
        FloeDistribution.waitUntil(
                () -> "RUNNING".equals(floe.jobState(jobId)) || "FINISHED".equals(floe.jobState(jobId)),
                Duration.ofSeconds(60),
                "the job running again");
        // a figure for the recovery target, not an assertion (performance lives in benchmarks)
        System.out.printf(
                "RECOVERY kill -9 of a TaskManager -> job RUNNING again: %d ms%n",
                (System.nanoTime() - killedAt) / 1_000_000);
        FloeDistribution.waitUntil(
                () -> List.of("FINISHED", "FAILED", "CANCELED").contains(floe.jobState(jobId)),
                Duration.ofMinutes(3),
                "the job ended");
        JsonNode exceptions = floe.get("/jobs/" + jobId + "/exceptions");
        assertEquals("FINISHED", floe.jobState(jobId), "the job's exceptions: " + exceptions);
        assertTrue(
                exceptions.path("exceptionHistory").path("entries").size() >= 1,
                "the lost TaskManager is in the job's exception history: " + exceptions);
        assertTrue(checkpoints(jobId, "restored") >= 1, "the new run started from a checkpoint");

        FloeDistribution.assertEveryEventOnceWithCounts(output, events, keys);
    }

    private static long checkpoints(String jobId, String count) {
        try {
            return floe.get("/jobs/" + jobId + "/checkpoints")
                    .path("counts")
                    .path(count)
                    .asLong(-1);
        } catch (Exception e) {
            return -1;
        }
    }

    /** The pid of a TaskManager process that runs a task of the job, found in the TaskManagers' logs. */
    private static long taskManagerRunning(String jobId) throws IOException {
        List<Long> pids = floe.pids("taskmanager");
        try (Stream<Path> logs = Files.list(floe.logDir)) {
            for (Path log : logs.filter(p -> p.getFileName().toString().startsWith("taskmanager")
                            && p.getFileName().toString().endsWith(".log"))
                    .toList()) {
                String content = Files.readString(log);
                Matcher pid = Pattern.compile("Starting the TaskManager \\(pid (\\d+)")
                        .matcher(content);
                if (content.contains("allocated to job " + jobId)
                        && pid.find()
                        && pids.contains(Long.parseLong(pid.group(1)))) {
                    return Long.parseLong(pid.group(1));
                }
            }
        }
        throw new AssertionError("no TaskManager log shows a slot of job " + jobId);
    }

    @Test
    void restAnswersErrorsWithFlinksStatusCodesAndBodies() throws Exception {
        FloeDistribution.Response unknownPath = floe.rest("GET", "/no/such/path");
        assertEquals(404, unknownPath.status());
        assertTrue(unknownPath.body().path("errors").isArray(), String.valueOf(unknownPath.body()));

        FloeDistribution.Response unknownJob = floe.rest("GET", "/jobs/0123456789abcdef0123456789abcdef");
        assertEquals(404, unknownJob.status());
        assertTrue(unknownJob.body().path("errors").get(0).asText().contains("0123456789abcdef0123456789abcdef"));

        assertEquals(400, floe.rest("GET", "/jobs/not-a-job-id").status());
        assertEquals(
                400,
                floe.restWithCredential("PATCH", "/jobs/0123456789abcdef0123456789abcdef?mode=explode")
                        .status());
        // calls that change the cluster need the credential of its secret: without, 401 and nothing changes
        FloeDistribution.Response unauthorized =
                floe.rest("PATCH", "/jobs/0123456789abcdef0123456789abcdef?mode=cancel");
        assertEquals(401, unauthorized.status());
        assertTrue(
                unauthorized.body().path("errors").get(0).asText().contains("cluster secret"),
                String.valueOf(unauthorized.body()));
        assertEquals(401, floe.rest("DELETE", "/cluster").status());
        assertEquals(401, floe.rest("POST", "/jobs").status());

        JsonNode config = floe.get("/config");
        assertTrue(config.has("flink-version"), String.valueOf(config));
        JsonNode taskManagers = floe.get("/taskmanagers");
        assertTrue(taskManagers.path("taskmanagers").size() >= 2, String.valueOf(taskManagers));
        assertTrue(taskManagers.path("taskmanagers").get(0).has("slotsNumber"));
    }

    @Test
    void rpcConnectionWithoutTheClusterSecretIsRefused() throws Exception {
        for (int attempt = 0; attempt < 3; attempt++) {
            try (Socket socket = new Socket("localhost", floe.rpcPort)) {
                socket.setSoTimeout(10_000);
                OutputStream out = socket.getOutputStream();
                byte[] frame = "{\"type\":\"handshake\",\"body\":{}}".getBytes(StandardCharsets.UTF_8);
                out.write(new byte[] {0, 0, 0, (byte) frame.length});
                out.write(frame);
                out.flush();
                InputStream in = socket.getInputStream();
                // the server speaks first (its challenge) and closes when the answer does not prove the secret
                byte[] buffer = new byte[1024];
                int read;
                do {
                    read = in.read(buffer);
                } while (read > 0);
                assertEquals(-1, read, "the JobManager closed the connection");
            }
        }
        Path jobManagerLog;
        try (Stream<Path> logs = Files.list(floe.logDir)) {
            jobManagerLog = logs.filter(p -> p.getFileName().toString().startsWith("jobmanager")
                            && p.getFileName().toString().endsWith(".log"))
                    .findFirst()
                    .orElseThrow();
        }
        FloeDistribution.waitUntil(
                () -> {
                    try {
                        return Files.readString(jobManagerLog).contains("refused a connection from");
                    } catch (IOException e) {
                        return false;
                    }
                },
                Duration.ofSeconds(10),
                "the refusal to be logged");
        long refusals = Files.readAllLines(jobManagerLog).stream()
                .filter(l -> l.contains("refused a connection from"))
                .count();
        assertEquals(1, refusals, "logged once per peer, not per connection");
    }
}
