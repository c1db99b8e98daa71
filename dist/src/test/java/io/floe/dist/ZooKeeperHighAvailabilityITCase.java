package io.floe.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * A standalone cluster with ZooKeeper high availability, as a user starts it: {@code conf/masters}
 * lists two JobManagers, {@code conf/workers} two TaskManagers, ZooKeeper is a real server in this
 * JVM (Curator's TestingServer) and the timeouts are the defaults. Each test runs the exactly-once
 * CheckpointedCounts example and takes the leader away (kill -9, SIGSTOP, ZooKeeper itself); the
 * job must finish under the next leader with every event in the output once.
 */
class ZooKeeperHighAvailabilityITCase {
    private static final Pattern JOB_ID = Pattern.compile("Job has been submitted with JobID ([0-9a-f]{32})");
    private static final Pattern PID = Pattern.compile("Starting the JobManager \\(pid (\\d+)");
    private static final Pattern REST_PORT =
            Pattern.compile("(?:REST server listening on|Standing by: REST on) \\S+?:(\\d+)");
    private static final int EVENTS = 24_000;
    private static final int KEYS = 6;

    @TempDir(cleanup = CleanupMode.ON_SUCCESS) // a failure leaves the logs to read
    static Path work;

    static TestingServer zooKeeper;
    static FloeDistribution floe;
    static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build(); // follows no redirect
    /** REST port → pid of each JobManager started, dead or alive. */
    static final Map<Integer, Long> jobManagers = new ConcurrentHashMap<>();

    @BeforeAll
    static void startCluster() throws Exception {
        // tick 1 s: ZooKeeper grants sessions of 2..20 s, so the default 6 s session timeout holds
        zooKeeper = new TestingServer(new InstanceSpec(null, -1, -1, -1, true, -1, 1000, -1), true);
        floe = new FloeDistribution(
                work,
                String.join(
                        "\n",
                        "high-availability.type: zookeeper",
                        "high-availability.zookeeper.quorum: " + zooKeeper.getConnectString(),
                        "high-availability.storageDir: " + work.resolve("ha").toUri(),
                        "taskmanager.numberOfTaskSlots: 1",
                        "taskmanager.memory.process.size: 768m",
                        "jobmanager.memory.process.size: 768m",
                        "heartbeat.interval: 1 s",
                        "heartbeat.timeout: 10 s"));
        int first = FloeDistribution.freePort();
        int second = FloeDistribution.freePort();
        Files.writeString(floe.confDir.resolve("masters"), "localhost:" + first + "\nlocalhost:" + second + "\n");
        Files.writeString(floe.confDir.resolve("workers"), "localhost\nlocalhost\n");
        Files.writeString( // what the processes see of ZooKeeper, in their logs
                floe.confDir.resolve("log4j2.properties"),
                "\nlogger.floeha.name = io.floe.ha.zookeeper\nlogger.floeha.level = debug\n",
                java.nio.file.StandardOpenOption.APPEND);
        FloeDistribution.Result started = floe.run("start-cluster.sh");
        assertEquals(0, started.exitCode(), started.output());
        FloeDistribution.waitUntil(
                () -> leaderPort().isPresent() && taskManagers() == 2,
                Duration.ofSeconds(90),
                "a leader with two TaskManagers");
        recordJobManagers();
        assertEquals(2, jobManagers.size(), "two JobManagers: " + jobManagers);
    }

    @AfterAll
    static void stopCluster() throws Exception {
        try {
            if (floe != null) {
                FloeDistribution.Result stopped = floe.run("stop-cluster.sh");
                assertEquals(0, stopped.exitCode(), stopped.output());
            }
        } finally {
            for (long pid : jobManagers.values()) { // one left SIGSTOPped by a failed test would never stop
                signal("CONT", pid);
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            }
            if (zooKeeper != null) {
                zooKeeper.close();
            }
        }
    }

    @Test
    void killingTheLeaderHandsItsJobToTheStandbyWithEveryEventOnce() throws Exception {
        ensureStandby();
        int leader = leaderPort().orElseThrow();
        int standby = otherLivePort(leader);
        HttpResponse<String> redirect = get(standby, "/overview");
        assertEquals(307, redirect.statusCode(), "a standby sends clients on: " + redirect.body());
        assertEquals(
                Optional.of("http://localhost:" + leader + "/overview"),
                redirect.headers().firstValue("Location"),
                "to the leader");

        // attached: the client waits for the job's result through the failover
        Path output = work.resolve("after-kill");
        CompletableFuture<FloeDistribution.Result> attached = CompletableFuture.supplyAsync(() -> {
            try {
                return floe.run("floe", checkpointedCountsRun(output, false).toArray(String[]::new));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        String jobId = awaitOnlyRunningJob(leader);
        FloeDistribution.waitUntil(
                () -> checkpoints(leader, jobId, "completed") >= 2, Duration.ofSeconds(60), "two checkpoints");

        long killedAt = System.nanoTime();
        ProcessHandle.of(jobManagers.get(leader)).orElseThrow().destroyForcibly(); // kill -9
        FloeDistribution.waitUntil(
                () -> List.of("RUNNING", "FINISHED").contains(String.valueOf(jobState(standby, jobId))),
                Duration.ofSeconds(60),
                "the job running under the standby");
        // the failover figure, not an assertion (performance lives in benchmarks)
        System.out.printf(
                "FAILOVER kill -9 of the leading JobManager -> job RUNNING under the standby: %d ms%n",
                (System.nanoTime() - killedAt) / 1_000_000);

        FloeDistribution.Result listed = floe.run("floe", "list");
        assertEquals(0, listed.exitCode(), listed.output());
        assertTrue(listed.output().contains(jobId), "floe list without -m finds the new leader: " + listed.output());

        awaitFinished(standby, jobId);
        assertTrue(checkpoints(standby, jobId, "restored") >= 1, "the job resumed from a checkpoint");
        FloeDistribution.assertEveryEventOnceWithCounts(output, EVENTS, KEYS);
        FloeDistribution.Result result = attached.get(2, TimeUnit.MINUTES);
        assertEquals(0, result.exitCode(), result.output());
        assertTrue(
                result.output().contains("Job with JobID " + jobId + " has finished."),
                "the attached client followed the new leader to the job's end: " + result.output());
    }

    /** The id of the one job the leader runs that is not done yet. */
    private static String awaitOnlyRunningJob(int leader) {
        String[] id = new String[1];
        FloeDistribution.waitUntil(
                () -> {
                    try {
                        for (com.fasterxml.jackson.databind.JsonNode job : FloeDistribution.JSON
                                .readTree(get(leader, "/jobs/overview").body())
                                .path("jobs")) {
                            if ("RUNNING".equals(job.path("state").asText())) {
                                id[0] = job.path("jid").asText();
                                return true;
                            }
                        }
                    } catch (Exception e) {
                        return false;
                    }
                    return false;
                },
                Duration.ofSeconds(60),
                "the attached client's job running");
        return id[0];
    }

    /**
     * A leader paused longer than its session (SIGSTOP) is replaced; woken again (SIGCONT) it finds
     * its leadership gone, changes nothing (its writes are fenced, the TaskManagers left it) and
     * stands by.
     */
    @Test
    void aPausedLeaderIsReplacedAndCommitsNothingWhenItWakesUp() throws Exception {
        ensureStandby();
        int leader = leaderPort().orElseThrow();
        int standby = otherLivePort(leader);
        long paused = jobManagers.get(leader);
        Path output = work.resolve("after-pause");
        String jobId = submitWithoutAddress(output);
        FloeDistribution.waitUntil(
                () -> checkpoints(leader, jobId, "completed") >= 2, Duration.ofSeconds(60), "two checkpoints");

        signal("STOP", paused);
        try {
            FloeDistribution.waitUntil(
                    () -> List.of("RUNNING", "FINISHED").contains(String.valueOf(jobState(standby, jobId))),
                    Duration.ofSeconds(60),
                    "the job running under the standby");
        } finally {
            signal("CONT", paused);
        }
        FloeDistribution.waitUntil(
                () -> status(leader, "/overview") == 307, Duration.ofSeconds(60), "the woken leader stands by");
        awaitFinished(standby, jobId);
        FloeDistribution.assertEveryEventOnceWithCounts(output, EVENTS, KEYS);
        assertTrue(log(paused).contains("lost its leadership"), "the woken leader says it lost its leadership");
    }

    /** ZooKeeper gone for longer than the session timeout: the job is suspended, and resumes once it is back. */
    @Test
    void jobsSuspendWhileZooKeeperIsGoneAndResumeWhenItIsBack() throws Exception {
        ensureStandby();
        int leader = leaderPort().orElseThrow();
        Path output = work.resolve("after-zookeeper-outage");
        String jobId = submitWithoutAddress(output);
        FloeDistribution.waitUntil(
                () -> checkpoints(leader, jobId, "completed") >= 2, Duration.ofSeconds(60), "two checkpoints");

        long stoppedAt = System.nanoTime();
        zooKeeper.stop();
        try {
            FloeDistribution.waitUntil(
                    () -> status(leader, "/overview") != 200, Duration.ofSeconds(60), "the leader suspended");
            // the outage itself: longer than the 6 s session timeout, so every session expires
            FloeDistribution.waitUntil(
                    () -> System.nanoTime() - stoppedAt > Duration.ofSeconds(9).toNanos(),
                    Duration.ofSeconds(30),
                    "ZooKeeper down past the session timeout");
        } finally {
            zooKeeper.restart();
        }
        FloeDistribution.waitUntil(
                () -> leaderPort().isPresent(), Duration.ofSeconds(60), "a leader once ZooKeeper is back");
        int next = leaderPort().orElseThrow();
        awaitFinished(next, jobId);
        FloeDistribution.assertEveryEventOnceWithCounts(output, EVENTS, KEYS);
    }

    /** {@code -m} names the JobManager to talk to even with ZooKeeper HA; a standby says where the leader is. */
    @Test
    void aRunSentToAStandbyWithDashMIsToldWhereTheLeaderIs() throws Exception {
        ensureStandby();
        int leader = leaderPort().orElseThrow();
        int standby = otherLivePort(leader);
        List<String> arguments = new ArrayList<>(List.of("run", "-m", "localhost:" + standby));
        List<String> run = checkpointedCountsRun(work.resolve("never-written"), true);
        arguments.addAll(run.subList(1, run.size())); // (after "run")
        FloeDistribution.Result refused = floe.run("floe", arguments.toArray(String[]::new));
        assertEquals(3, refused.exitCode(), refused.output());
        assertTrue(
                refused.output().contains("standby") && refused.output().contains("http://localhost:" + leader),
                "names the leader: " + refused.output());
    }

    @Test
    void aMalformedMastersLineIsRefusedBeforeAnythingStarts() throws Exception {
        Path masters = floe.confDir.resolve("masters");
        String good = Files.readString(masters);
        List<Long> before = floe.pids("jobmanager");
        Files.writeString(masters, "localhost:8081\nlocalhost 8082\n");
        try {
            FloeDistribution.Result refused = floe.run("start-cluster.sh");
            assertEquals(1, refused.exitCode(), refused.output());
            assertTrue(
                    refused.output().contains("masters, line 2")
                            && refused.output().contains("host:port"),
                    "names the file, the line and the format: " + refused.output());
            assertEquals(before, floe.pids("jobmanager"), "no JobManager was started");
        } finally {
            Files.writeString(masters, good);
        }
    }

    @Test
    void aJobManagerThatCannotWriteTheStorageDirStopsWithOneLineBeforeItTakesPart() throws Exception {
        int port = FloeDistribution.freePort();
        FloeDistribution.Result started = floe.run(
                "jobmanager.sh", "start", "-Drest.port=" + port, "-Dhigh-availability.storageDir=file:///proc/floe-ha");
        assertEquals(0, started.exitCode(), started.output()); // (the script starts it in the background)
        long pid = floe.pids("jobmanager").get(floe.pids("jobmanager").size() - 1);
        FloeDistribution.waitUntil(
                () -> ProcessHandle.of(pid).map(process -> !process.isAlive()).orElse(true),
                Duration.ofSeconds(60),
                "the JobManager stopped");
        String out;
        try (Stream<Path> files = Files.list(floe.logDir)) {
            out = files.filter(file -> file.getFileName().toString().matches("jobmanager.*\\.out"))
                    .map(file -> {
                        try {
                            return Files.readString(file);
                        } catch (IOException e) {
                            throw new IllegalStateException(e);
                        }
                    })
                    .filter(text -> text.contains("/proc/floe-ha"))
                    .findFirst()
                    .orElse("");
        }
        assertTrue(
                out.contains("high-availability.storageDir") && out.contains("cannot be written"),
                "one line naming the key: " + out);
        assertEquals(-1, status(port, "/overview"), "it never stood by");
    }

    @Test
    void aQuorumThatDoesNotAnswerGetsOneLineAtTheClient() throws Exception {
        int closed = FloeDistribution.freePort();
        FloeDistribution.Result listed = floe.run(
                "floe",
                "list",
                "-Dhigh-availability.zookeeper.quorum=127.0.0.1:" + closed,
                "-Dhigh-availability.zookeeper.client.connection-timeout=2 s");
        assertTrue(listed.exitCode() != 0, listed.output());
        assertTrue(
                listed.output().contains("127.0.0.1:" + closed)
                        && listed.output().contains("high-availability.zookeeper.quorum"),
                "names the quorum and the key: " + listed.output());
        assertTrue(listed.output().strip().lines().count() <= 2, "a line, not a stack trace: " + listed.output());
    }

    // ---------------------------------------------------------------- helpers

    /** {@code floe run [-d] ...} of CheckpointedCounts, without -m: the client asks ZooKeeper. */
    private static List<String> checkpointedCountsRun(Path output, boolean detached) {
        List<String> arguments = new ArrayList<>(List.of("run"));
        if (detached) {
            arguments.add("-d");
        }
        arguments.addAll(List.of(
                "-p",
                "2",
                "-Dstate.checkpoints.dir=" + work.resolve("checkpoints").toUri(),
                floe.home.resolve("examples/CheckpointedCounts.jar").toString(),
                "--events",
                String.valueOf(EVENTS),
                "--keys",
                String.valueOf(KEYS),
                "--rate",
                "3000",
                "--checkpoint-interval",
                "300",
                "--output",
                output.toString()));
        return arguments;
    }

    private static String submitWithoutAddress(Path output) throws Exception {
        FloeDistribution.Result submitted =
                floe.run("floe", checkpointedCountsRun(output, true).toArray(String[]::new));
        assertEquals(0, submitted.exitCode(), submitted.output());
        Matcher matcher = JOB_ID.matcher(submitted.output());
        assertTrue(matcher.find(), "the CLI prints the job id: " + submitted.output());
        return matcher.group(1);
    }

    private static void awaitFinished(int port, String jobId) {
        FloeDistribution.waitUntil(
                () -> List.of("FINISHED", "FAILED", "CANCELED").contains(String.valueOf(jobState(port, jobId))),
                Duration.ofMinutes(3),
                "the job ended");
        assertEquals("FINISHED", jobState(port, jobId));
    }

    /** Starts a second JobManager (jobmanager.sh start) when only one is alive. */
    private static void ensureStandby() throws Exception {
        if (livePorts().size() >= 2) {
            return;
        }
        int port = FloeDistribution.freePort();
        FloeDistribution.Result started = floe.run(
                "jobmanager.sh",
                "start",
                "-Drest.port=" + port,
                "-Drest.address=localhost",
                "-Djobmanager.rpc.address=localhost");
        assertEquals(0, started.exitCode(), started.output());
        FloeDistribution.waitUntil(() -> status(port, "/overview") == 307, Duration.ofSeconds(60), "a new standby");
        recordJobManagers();
    }

    /** Reads each JobManager's pid and REST port from the logs (a log file may hold several processes in turn). */
    private static void recordJobManagers() throws IOException {
        for (String run : jobManagerRuns()) {
            Matcher pid = PID.matcher(run);
            Matcher port = REST_PORT.matcher(run);
            if (pid.find() && port.find()) {
                jobManagers.put(Integer.parseInt(port.group(1)), Long.parseLong(pid.group(1)));
            }
        }
    }

    /** What one JobManager process logged. */
    private static String log(long pid) throws IOException {
        for (String run : jobManagerRuns()) {
            if (run.startsWith("Starting the JobManager (pid " + pid + ",")) {
                return run;
            }
        }
        throw new AssertionError("no log of JobManager " + pid);
    }

    /** The JobManager logs (a second process of a name rolls the first one's to .log.1), cut where a process starts. */
    private static List<String> jobManagerRuns() throws IOException {
        List<String> runs = new ArrayList<>();
        try (Stream<Path> logs = Files.list(floe.logDir)) {
            for (Path log : logs.filter(p -> p.getFileName().toString().startsWith("jobmanager")
                            && p.getFileName().toString().matches(".*\\.log(\\.\\d+)?")) // (rolled ones too)
                    .toList()) {
                String content = Files.readString(log);
                Matcher start = PID.matcher(content);
                List<Integer> starts = new ArrayList<>();
                while (start.find()) {
                    starts.add(start.start());
                }
                for (int i = 0; i < starts.size(); i++) {
                    runs.add(content.substring(
                            starts.get(i), i + 1 < starts.size() ? starts.get(i + 1) : content.length()));
                }
            }
        }
        return runs;
    }

    private static List<Integer> livePorts() {
        List<Integer> live = new ArrayList<>();
        jobManagers.forEach((port, pid) -> {
            if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                live.add(port);
            }
        });
        return live;
    }

    private static int otherLivePort(int leader) {
        return livePorts().stream().filter(port -> port != leader).findFirst().orElseThrow();
    }

    /** The REST port of the JobManager that answers itself (a standby redirects or says 503). */
    private static Optional<Integer> leaderPort() {
        try {
            for (String line : Files.readAllLines(floe.confDir.resolve("masters"))) {
                int port =
                        Integer.parseInt(line.substring(line.indexOf(':') + 1).trim());
                if (status(port, "/overview") == 200) {
                    return Optional.of(port);
                }
            }
            for (int port : jobManagers.keySet()) {
                if (status(port, "/overview") == 200) {
                    return Optional.of(port);
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static int taskManagers() {
        return leaderPort()
                .map(port -> {
                    try {
                        return FloeDistribution.JSON
                                .readTree(get(port, "/overview").body())
                                .path("taskmanagers")
                                .asInt();
                    } catch (Exception e) {
                        return -1;
                    }
                })
                .orElse(-1);
    }

    private static String jobState(int port, String jobId) {
        try {
            HttpResponse<String> response = get(port, "/jobs/" + jobId);
            return response.statusCode() == 200
                    ? FloeDistribution.JSON
                            .readTree(response.body())
                            .path("state")
                            .asText()
                    : null;
        } catch (Exception e) {
            return null;
        }
    }

    private static long checkpoints(int port, String jobId, String count) {
        try {
            HttpResponse<String> response = get(port, "/jobs/" + jobId + "/checkpoints");
            return response.statusCode() == 200
                    ? FloeDistribution.JSON
                            .readTree(response.body())
                            .path("counts")
                            .path(count)
                            .asLong(-1)
                    : -1;
        } catch (Exception e) {
            return -1;
        }
    }

    private static int status(int port, String path) {
        try {
            return get(port, path).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    private static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .timeout(Duration.ofSeconds(5))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void signal(String signal, long pid) {
        try {
            new ProcessBuilder("kill", "-" + signal, String.valueOf(pid))
                    .inheritIO()
                    .start()
                    .waitFor();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
