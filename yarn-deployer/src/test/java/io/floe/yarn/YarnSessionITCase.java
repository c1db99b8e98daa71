package io.floe.yarn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.floe.tools.miniyarn.testing.MiniHadoopExtension;
import io.floe.yarn.CommandLines.Result;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.ContainerId;
import org.apache.hadoop.yarn.api.records.FinalApplicationStatus;
import org.apache.hadoop.yarn.api.records.YarnApplicationState;
import org.apache.hadoop.yarn.server.nodemanager.CMgrCompletedContainersEvent;
import org.apache.hadoop.yarn.server.nodemanager.NodeManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Session and application mode on a MiniYARNCluster (CapacityScheduler with the queues
 * {@code default} and {@code analytics}) with a MiniDFSCluster, driven as a user drives them:
 * {@code yarn-session.sh} ({@code YarnSessionCli}) and {@code floe} ({@code CliFrontend}) with a
 * configuration directory, in this JVM. Each test is independent; the one about a session's life
 * takes its steps in order.
 */
class YarnSessionITCase {
    private static final Pattern APPLICATION_ID = Pattern.compile("application_\\d+_\\d+");
    private static final String TEXT = "to be or not to be\nthat is the question\nto be\n";
    private static final Map<String, Long> COUNTS =
            Map.of("to", 3L, "be", 3L, "or", 1L, "not", 1L, "that", 1L, "is", 1L, "the", 1L, "question", 1L);

    @RegisterExtension
    static final MiniHadoopExtension HADOOP = new MiniHadoopExtension(MiniYarnTestCluster.SETTINGS.withExtra(conf -> {
        conf.set("yarn.scheduler.capacity.root.queues", "default,analytics");
        conf.set("yarn.scheduler.capacity.root.default.capacity", "50");
        conf.set("yarn.scheduler.capacity.root.analytics.capacity", "50");
        conf.set("yarn.scheduler.capacity.root.default.maximum-capacity", "100");
        conf.set("yarn.scheduler.capacity.root.analytics.maximum-capacity", "100");
        conf.setInt(
                "yarn.resourcemanager.am.max-attempts",
                2); // Floe asks for 1 unless yarn.application-attempts says more
    }));

    static MiniYarnTestCluster cluster;
    static Path confDir;
    static Path propertiesDir;
    static ApplicationId session;
    static String input;

    @BeforeAll
    static void startClusters() throws Exception {
        cluster = MiniYarnTestCluster.start(HADOOP);
        propertiesDir = Files.createDirectories(cluster.work.resolve("properties"));
        confDir = cluster.writeFloeConf("conf", propertiesDir, Map.of());
        input = cluster.writeFile("/wordcount/input.txt", TEXT);
    }

    @AfterAll
    static void stopClusters() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void anUnknownQueueIsRefusedWithTheKnownOnesAndNothingIsLeft() throws Exception {
        Set<ApplicationId> before = cluster.applicationIds();
        Result result = yarnSession(null, "-d", "-qu", "nightly");
        assertEquals(1, result.exitCode(), result.toString());
        assertTrue(
                result.err().contains("nightly")
                        && result.err().contains("default")
                        && result.err().contains("analytics"),
                "names the queue and the known ones: " + result.err());
        assertEquals(before, cluster.applicationIds(), "no YARN application was created");
        assertFalse(Files.exists(propertiesFile()), "no properties file");
    }

    @Test
    void anUnavailableHighAvailabilityTypeIsRefusedBeforeAnythingIsCreated() throws Exception {
        Set<ApplicationId> before = cluster.applicationIds();
        Result result = yarnSession(null, "-d", "-Dhigh-availability.type=zookeeper");
        assertEquals(1, result.exitCode(), result.toString());
        assertTrue(
                result.err().contains("high-availability.type")
                        && result.err().contains("zookeeper")
                        && result.err().contains("yarn"),
                "names the key and the value: " + result.err());
        assertEquals(before, cluster.applicationIds(), "no YARN application was created");
        assertFalse(Files.exists(propertiesFile()), "no properties file");
    }

    /**
     * Two sessions given the same high-availability.storageDir would take over each other's
     * TaskManagers: the second one's ApplicationMaster finds the first one's leader there and
     * refuses to start, saying why; the first session runs on. Once it has ended, the directory
     * serves a new session.
     */
    @Test
    @Timeout(300)
    void aSecondClusterOnTheSameStorageDirIsRefused() throws Exception {
        String shared = "-Dhigh-availability.storageDir=" + cluster.fs.getUri() + "/shared-ha";
        Result first = yarnSession(null, "-d", "-nm", "floe-it-ha-first", "-Dhigh-availability.type=yarn", shared);
        assertEquals(0, first.exitCode(), first.toString());
        ApplicationId running = ApplicationId.fromString(firstApplicationId(first.out()));
        try {
            Result second =
                    yarnSession(null, "-d", "-nm", "floe-it-ha-second", "-Dhigh-availability.type=yarn", shared);
            assertTrue(second.exitCode() != 0, second.toString());
            assertTrue(
                    second.err().contains("belongs to another cluster")
                            && second.err().contains(running.toString()),
                    "names the directory's owner: " + second.err());
            assertEquals(
                    YarnApplicationState.RUNNING,
                    cluster.report(running).getYarnApplicationState(),
                    "the first runs on");
        } finally {
            Result stopped = yarnSession(
                    new ByteArrayInputStream("stop\n".getBytes(StandardCharsets.UTF_8)), "-id", running.toString());
            assertEquals(0, stopped.exitCode(), stopped.toString());
            Files.deleteIfExists(propertiesFile());
        }
        cluster.awaitFinished(running);

        // the first session withdrew its leadership as it ended: the directory serves the next cluster
        Result next = yarnSession(null, "-d", "-nm", "floe-it-ha-next", "-Dhigh-availability.type=yarn", shared);
        assertEquals(0, next.exitCode(), next.toString());
        ApplicationId nextId = ApplicationId.fromString(firstApplicationId(next.out()));
        Result stopped = yarnSession(
                new ByteArrayInputStream("stop\n".getBytes(StandardCharsets.UTF_8)), "-id", nextId.toString());
        assertEquals(0, stopped.exitCode(), stopped.toString());
        Files.deleteIfExists(propertiesFile());
        assertEquals(
                FinalApplicationStatus.SUCCEEDED, cluster.awaitFinished(nextId).getFinalApplicationStatus());
    }

    /**
     * One detached session's life, step by step: it starts without TaskManagers and runs WordCount
     * exactly; a TaskManager stopped under a running job is replaced and the job is exact; {@code stop}
     * on standard input ends it SUCCEEDED with nothing left. One test, because each step needs the one
     * before.
     */
    @Test
    @Timeout(600)
    void aDetachedSessionRunsJobsSurvivesATaskManagerLossAndStopsClean() throws Exception {
        aDetachedSessionStartsTaskManagersOnlyForJobsAndRunsWordCountExactly();
        aTaskManagerStoppedThroughTheNodeManagerIsReplacedAndTheJobCompletesExactly();
        stopFromStandardInputEndsTheSessionSucceededWithoutLeftovers();
    }

    private void aDetachedSessionStartsTaskManagersOnlyForJobsAndRunsWordCountExactly() throws Exception {
        Result started = yarnSession(
                null, "-d", "-s", "3", "-qu", "analytics", "-nm", "floe-it-session", "-jm", "768", "-tm", "768m");
        assertEquals(0, started.exitCode(), started.toString());
        session = ApplicationId.fromString(firstApplicationId(started.out()));
        assertTrue(started.out().contains("yarn-session.sh -id " + session), "prints how to stop it: " + started.out());
        assertTrue(
                Files.readString(propertiesFile()).contains(session.toString()),
                "the properties file names the session");
        ApplicationReport report = cluster.report(session);
        assertTrue(report.getQueue().endsWith("analytics"), "the -qu queue: " + report.getQueue());
        assertEquals("floe-it-session", report.getName());
        assertEquals(YarnApplicationState.RUNNING, report.getYarnApplicationState());
        assertEquals(0, taskManagers().size(), "no TaskManager before a job needs one");

        // a plain `floe run`: the properties file sends it to the session
        String output = cluster.fs.getUri() + "/wordcount/session-output";
        Result run = floe(
                "run",
                "-p",
                "2",
                cluster.exampleJar("WordCount").toString(),
                "--input",
                input,
                "--output",
                output,
                "--mode",
                "batch");
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("YARN session " + session), "the job went to the session: " + run.out());
        assertEquals(COUNTS, cluster.readCounts("/wordcount/session-output"));

        List<JsonNode> taskManagers = taskManagers();
        assertEquals(1, taskManagers.size(), "one TaskManager of 3 slots holds the job's 2 subtasks: " + taskManagers);
        assertEquals(3, taskManagers.get(0).get("slotsNumber").asInt());

        Result list = floe("list", "-Dyarn.application.id=" + session);
        assertEquals(0, list.exitCode(), list.toString());
        assertTrue(list.out().contains("WordCount") && list.out().contains("FINISHED"), list.out());
        cluster.assertNoExceptionsInContainerLogs(session);
    }

    @Test
    @Timeout(240)
    void applicationModeRunsALocalJarInTheApplicationMaster() throws Exception {
        Set<ApplicationId> before = cluster.applicationIds();
        Result run = floe(
                cluster.wordCountRun("run-application", "yarn-application", input, "/wordcount/application-output"));
        assertEquals(0, run.exitCode(), run.toString());
        ApplicationId id = cluster.newApplication(before).getApplicationId();
        assertTrue(run.out().contains(id.toString()), "prints the application id: " + run.out());
        cluster.assertCountedAndCleanedUp(id, "/wordcount/application-output", COUNTS);
        String jobManagerLog =
                Files.readString(cluster.containerLogs(id, "jobmanager.log").get(0));
        assertTrue(jobManagerLog.contains("Running io.floe.examples.WordCount"), "main() ran in the ApplicationMaster");
    }

    @Test
    @Timeout(240)
    void applicationModeRunsAJarFromHdfs() throws Exception {
        org.apache.hadoop.fs.Path jar = new org.apache.hadoop.fs.Path("/jobs/WordCount.jar");
        cluster.fs.copyFromLocalFile(
                new org.apache.hadoop.fs.Path(cluster.exampleJar("WordCount").toUri()), jar);
        Set<ApplicationId> before = cluster.applicationIds();
        Result run = floe(
                "run-application",
                "-t",
                "yarn-application",
                cluster.fs.getUri() + jar.toString(),
                "--input",
                input,
                "--output",
                cluster.fs.getUri() + "/wordcount/hdfs-jar-output",
                "--mode",
                "batch");
        assertEquals(0, run.exitCode(), run.toString());
        ApplicationId id = cluster.newApplication(before).getApplicationId();
        ApplicationReport finished = cluster.awaitFinished(id);
        assertEquals(FinalApplicationStatus.SUCCEEDED, finished.getFinalApplicationStatus(), finished.getDiagnostics());
        assertEquals(COUNTS, cluster.readCounts("/wordcount/hdfs-jar-output"));
        cluster.assertNoStagingLeft(id);
        assertTrue(cluster.fs.exists(jar), "the user's jar on HDFS is left alone");

        Result missing = floe("run-application", "-t", "yarn-application", cluster.fs.getUri() + "/jobs/NoSuch.jar");
        assertEquals(1, missing.exitCode(), missing.toString());
        assertTrue(
                missing.err().contains("/jobs/NoSuch.jar") && missing.err().contains("does not exist"), missing.err());
    }

    private void aTaskManagerStoppedThroughTheNodeManagerIsReplacedAndTheJobCompletesExactly() throws Exception {
        Path output = cluster.work.resolve("keyed-sums");
        Result run = floe(
                "run",
                "-d",
                "-p",
                "2",
                "-Drestart-strategy.type=fixed-delay",
                "-Drestart-strategy.fixed-delay.attempts=3",
                "-Drestart-strategy.fixed-delay.delay=1 s",
                cluster.exampleJar("KeyedSumGenerator").toString(),
                "--events",
                "3000",
                "--keys",
                "3",
                "--rate",
                "200",
                "--output",
                output.toUri().toString());
        assertEquals(0, run.exitCode(), run.toString());
        String jobId = firstMatch(Pattern.compile("JobID ([0-9a-f]{32})"), run.out());
        MiniYarnTestCluster.waitUntil(
                () -> "RUNNING".equals(jobStatus(jobId)) && !taskManagers().isEmpty() && Files.exists(output),
                Duration.ofSeconds(90),
                "the job running");

        List<ContainerId> stopped = stopTaskManagerContainers();
        assertFalse(stopped.isEmpty(), "a TaskManager container was running");
        MiniYarnTestCluster.waitUntil(
                () -> "FINISHED".equals(jobStatus(jobId)), Duration.ofSeconds(180), "job finished");

        assertEquals(
                Map.of(0L, 1000L, 1L, 1000L, 2L, 1000L), lastSums(output), "each key counted exactly once per event");
        String jobManagerLog = Files.readString(
                cluster.containerLogs(session, "jobmanager.log").get(0));
        for (ContainerId container : stopped) {
            assertTrue(jobManagerLog.contains(container.toString()), "the JobManager saw " + container + " end");
        }
        assertTrue(
                cluster.containerLogs(session, "taskmanager.log").size() > stopped.size(),
                "a replacement TaskManager container was started");
    }

    private void stopFromStandardInputEndsTheSessionSucceededWithoutLeftovers() throws Exception {
        Result stopped = yarnSession(
                new ByteArrayInputStream("stop\n".getBytes(StandardCharsets.UTF_8)), "-id", session.toString());
        assertEquals(0, stopped.exitCode(), stopped.toString());
        ApplicationReport report = cluster.awaitFinished(session);
        assertEquals(FinalApplicationStatus.SUCCEEDED, report.getFinalApplicationStatus(), report.getDiagnostics());
        cluster.assertNoStagingLeft(session);
        assertFalse(Files.exists(propertiesFile()), "stopping the session removed the properties file");

        Result again = floe("list", "-Dyarn.application.id=" + session);
        assertEquals(3, again.exitCode(), again.toString());
        assertTrue(again.err().contains("FINISHED"), "says the session has ended: " + again.err());

        // a properties file left behind (say, by a session killed through YARN) names the ended session
        new YarnPropertiesFile(propertiesFile()).write(session.toString());
        try {
            Result stale = floe("run", cluster.exampleJar("WordCount").toString());
            assertEquals(3, stale.exitCode(), "the cluster's error, before the program runs: " + stale);
            assertTrue(
                    stale.err().contains("FINISHED")
                            && stale.err().contains(propertiesFile().toString()),
                    "says the session has ended and which file named it: " + stale.err());
        } finally {
            Files.deleteIfExists(propertiesFile());
        }
    }

    @Test
    @Timeout(300)
    void aNewApplicationMasterAttemptRecoversTheRunningJob() throws Exception {
        Result started = yarnSession(null, "-d", "-nm", "floe-it-recovery", "-Dyarn.application-attempts=2");
        assertEquals(0, started.exitCode(), started.toString());
        ApplicationId recovering = ApplicationId.fromString(firstApplicationId(started.out()));
        Path output = cluster.work.resolve("recovered-sums");
        Result run = floe(
                "run",
                "-d",
                "-Dyarn.application.id=" + recovering,
                cluster.exampleJar("KeyedSumGenerator").toString(),
                "--events",
                "3000",
                "--keys",
                "3",
                "--rate",
                "200",
                "--output",
                output.toUri().toString());
        assertEquals(0, run.exitCode(), run.toString());
        String jobId = firstMatch(Pattern.compile("JobID ([0-9a-f]{32})"), run.out());
        MiniYarnTestCluster.waitUntil(
                () -> "RUNNING".equals(jobStatus(recovering, jobId)) && Files.exists(output),
                Duration.ofSeconds(90),
                "the job running");

        List<ContainerId> applicationMaster = stopContainers(recovering, true);
        assertEquals(1, applicationMaster.size(), "the first attempt's ApplicationMaster container");
        MiniYarnTestCluster.waitUntil(
                () -> cluster.report(recovering)
                                        .getCurrentApplicationAttemptId()
                                        .getAttemptId()
                                == 2
                        && cluster.report(recovering).getRpcPort() > 0,
                Duration.ofSeconds(90),
                "the second attempt registered");
        MiniYarnTestCluster.waitUntil(
                () -> "FINISHED".equals(jobStatus(recovering, jobId)),
                Duration.ofSeconds(120),
                "the recovered job finished");
        assertEquals(
                Map.of(0L, 1000L, 1L, 1000L, 2L, 1000L), lastSums(output), "each key counted exactly once per event");

        Result stopped = yarnSession(
                new ByteArrayInputStream("stop\n".getBytes(StandardCharsets.UTF_8)), "-id", recovering.toString());
        assertEquals(0, stopped.exitCode(), stopped.toString());
        assertEquals(
                FinalApplicationStatus.SUCCEEDED,
                cluster.awaitFinished(recovering).getFinalApplicationStatus());
        cluster.assertNoStagingLeft(recovering);
    }

    /** The last sum of each key in a KeyedSumGenerator output directory, checking there is one line per event. */
    private static Map<Long, Long> lastSums(Path output) throws IOException {
        Map<Long, Long> lastSums = new TreeMap<>();
        long lines = 0;
        try (var files = Files.isDirectory(output) ? Files.list(output) : java.util.stream.Stream.of(output)) {
            for (Path file : files.toList()) {
                for (String line : Files.readAllLines(file)) {
                    String[] parts = line.substring(1, line.length() - 1).split(",");
                    lastSums.merge(Long.parseLong(parts[0]), Long.parseLong(parts[1]), Math::max);
                    lines++;
                }
            }
        }
        assertEquals(
                lastSums.values().stream().mapToLong(Long::longValue).sum(),
                lines,
                "one sum per event, from the last run only");
        return lastSums;
    }

    /** Stops every TaskManager container of the session the way YARN does it: an order to the NodeManager. */
    private static List<ContainerId> stopTaskManagerContainers() {
        return stopContainers(session, false);
    }

    /** Stops the application's ApplicationMaster container, or all its others, through their NodeManagers. */
    private static List<ContainerId> stopContainers(ApplicationId application, boolean applicationMaster) {
        List<ContainerId> stopped = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            NodeManager nodeManager = cluster.yarn.getNodeManager(i);
            List<ContainerId> taskManagers = nodeManager.getNMContext().getContainers().keySet().stream()
                    .filter(id ->
                            id.getApplicationAttemptId().getApplicationId().equals(application))
                    .filter(id ->
                            (id.getContainerId() == 1) == applicationMaster) // container 1 is the ApplicationMaster
                    .toList();
            if (!taskManagers.isEmpty()) {
                nodeManager
                        .getNMContext()
                        .getContainerManager()
                        .handle(new CMgrCompletedContainersEvent(
                                taskManagers, CMgrCompletedContainersEvent.Reason.BY_RESOURCEMANAGER));
                stopped.addAll(taskManagers);
            }
        }
        return stopped;
    }

    private static String jobStatus(String jobId) {
        return jobStatus(session, jobId);
    }

    private static String jobStatus(ApplicationId application, String jobId) {
        try {
            return restGet(application, "/jobs/" + jobId + "/status")
                    .get("status")
                    .asText();
        } catch (Exception e) {
            return "unknown: " + e;
        }
    }

    private static List<JsonNode> taskManagers() {
        try {
            List<JsonNode> entries = new ArrayList<>();
            restGet(session, "/taskmanagers").get("taskmanagers").forEach(entries::add);
            return entries;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode restGet(ApplicationId application, String path) throws Exception {
        return cluster.restGet(application, path);
    }

    private static Path propertiesFile() {
        return propertiesDir.resolve(".yarn-properties-" + System.getProperty("user.name"));
    }

    private static String firstApplicationId(String text) {
        return firstMatch(APPLICATION_ID, text);
    }

    private static String firstMatch(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        assertTrue(matcher.find(), "no " + pattern + " in: " + text);
        return matcher.groupCount() > 0 ? matcher.group(1) : matcher.group();
    }

    private static Result yarnSession(InputStream in, String... args) {
        return CommandLines.yarnSession(Map.of("FLOE_CONF_DIR", confDir.toString()), in, args);
    }

    private static Result floe(String... args) {
        return CommandLines.floe(Map.of("FLOE_CONF_DIR", confDir.toString()), args);
    }
}
