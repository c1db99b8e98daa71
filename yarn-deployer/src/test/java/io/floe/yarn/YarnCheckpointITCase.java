package io.floe.yarn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.floe.runtime.entrypoint.TaskManagerEntrypoint;
import io.floe.tools.miniyarn.testing.MiniHadoopExtension;
import io.floe.yarn.CommandLines.Result;
import io.floe.yarn.entrypoint.YarnApplicationClusterEntrypoint;
import io.floe.yarn.entrypoint.YarnJobClusterEntrypoint;
import io.floe.yarn.entrypoint.YarnSessionClusterEntrypoint;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.ContainerId;
import org.apache.hadoop.yarn.api.records.FinalApplicationStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Checkpoints on a real YARN and HDFS: a checkpointed job in a YARN session keeps its checkpoints
 * and its exactly-once FileSink output on the MiniDFSCluster; its TaskManager's JVM is killed with
 * SIGKILL mid-run; the job restores from its latest checkpoint on HDFS in a new TaskManager and
 * finishes with every event once in the output and every key's count unbroken. A savepoint
 * taken with {@code floe savepoint -Dyarn.application.id=...} on the way stays on HDFS. The same
 * in per-job mode, with a stop-with-savepoint and a second per-job cluster started from it.
 */
class YarnCheckpointITCase {
    private static final Pattern APPLICATION_ID = Pattern.compile("application_\\d+_\\d+");
    private static final long EVENTS = 3000;
    private static final int KEYS = 5;

    @RegisterExtension
    static final MiniHadoopExtension HADOOP = new MiniHadoopExtension(MiniYarnTestCluster.SETTINGS.withExtra(
            conf -> conf.setInt("yarn.resourcemanager.am.max-attempts", 2))); // Floe asks for yarn.application-attempts

    static MiniYarnTestCluster cluster;
    static Path confDir;

    @BeforeAll
    static void startClusters() throws Exception {
        cluster = MiniYarnTestCluster.start(HADOOP);
        confDir = cluster.writeFloeConf("conf", Files.createDirectories(cluster.work.resolve("properties")), Map.of());
    }

    @AfterAll
    static void stopClusters() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Timeout(400)
    void aKilledTaskManagerIsRecoveredFromTheLatestCheckpointOnHdfsExactlyOnce() throws Exception {
        Result started = yarnSession(null, "-d", "-nm", "floe-it-checkpoints", "-s", "2");
        assertEquals(0, started.exitCode(), started.toString());
        ApplicationId session = ApplicationId.fromString(firstMatch(APPLICATION_ID, started.out()));
        String hdfs = cluster.fs.getUri().toString();
        List<String> arguments = new ArrayList<>(List.of(
                "run",
                "-d",
                "-p",
                "2",
                "-Dyarn.application.id=" + session,
                "-Dstate.checkpoints.dir=" + hdfs + "/checkpointed/checkpoints",
                "-Drestart-strategy.type=fixed-delay",
                "-Drestart-strategy.fixed-delay.attempts=3",
                "-Drestart-strategy.fixed-delay.delay=1 s"));
        arguments.addAll(checkpointedCounts(EVENTS, hdfs + "/checkpointed/out"));
        Result run = floe(arguments.toArray(String[]::new));
        assertEquals(0, run.exitCode(), run.toString());
        String jobId = firstMatch(Pattern.compile("JobID ([0-9a-f]{32})"), run.out());
        MiniYarnTestCluster.waitUntil(
                () -> checkpoints(session, jobId, "completed") >= 2, Duration.ofSeconds(120), "two checkpoints");

        Result savepoint =
                floe("savepoint", "-Dyarn.application.id=" + session, jobId, hdfs + "/checkpointed/savepoints");
        assertEquals(0, savepoint.exitCode(), savepoint.toString());
        String savepointPath = firstMatch(Pattern.compile("Savepoint completed\\. Path: (\\S+)"), savepoint.out());
        assertTrue(cluster.fs.exists(new org.apache.hadoop.fs.Path(savepointPath, "_metadata")), savepointPath);

        List<ContainerId> killed = killTaskManagerJvms(session);
        assertFalse(killed.isEmpty(), "a TaskManager JVM was running");
        MiniYarnTestCluster.waitUntil(
                () -> "FINISHED".equals(jobStatus(session, jobId)), Duration.ofSeconds(240), "the job finished");

        assertTrue(checkpoints(session, jobId, "restored") >= 1, "the run after the kill started from a checkpoint");
        assertExactlyOnce("/checkpointed/out", EVENTS);
        MiniYarnTestCluster.waitUntil(
                () -> leftoverCheckpoints("/checkpointed/checkpoints").isEmpty(),
                Duration.ofSeconds(30),
                "the finished job's checkpoints removed from HDFS");

        assertTrue(cluster.fs.exists(new org.apache.hadoop.fs.Path(savepointPath)), "a savepoint is never deleted");

        stopTheSessionAndAssertItSucceededWithoutStaging(session);
    }

    /**
     * A session with two application attempts: its ApplicationMaster's JVM is killed with SIGKILL
     * while a checkpointed job runs; YARN starts the second attempt, which submits the job again
     * from the job graph store and restores it from the latest checkpoint the first attempt recorded
     * under high-availability.storageDir (not from scratch: the FileSink output committed before the
     * kill stays, and the output as a whole holds every event once). YARN keeps the first attempt's
     * TaskManager containers; they find the new leader and run the job again, so the second attempt
     * starts no container but its own.
     */
    @Test
    @Timeout(400)
    void aNewApplicationMasterAttemptResumesTheJobFromItsLatestCheckpoint() throws Exception {
        Result started =
                yarnSession(null, "-d", "-nm", "floe-it-am-attempts", "-s", "2", "-Dyarn.application-attempts=2");
        assertEquals(0, started.exitCode(), started.toString());
        ApplicationId session = ApplicationId.fromString(firstMatch(APPLICATION_ID, started.out()));
        String hdfs = cluster.fs.getUri().toString();
        List<String> arguments = new ArrayList<>(List.of(
                "run",
                "-d",
                "-p",
                "2",
                "-Dyarn.application.id=" + session,
                "-Dstate.checkpoints.dir=" + hdfs + "/attempts/checkpoints"));
        arguments.addAll(checkpointedCounts(EVENTS, hdfs + "/attempts/out"));
        Result run = floe(arguments.toArray(String[]::new));
        assertEquals(0, run.exitCode(), run.toString());
        String jobId = firstMatch(Pattern.compile("JobID ([0-9a-f]{32})"), run.out());
        MiniYarnTestCluster.waitUntil(
                () -> checkpoints(session, jobId, "completed") >= 2, Duration.ofSeconds(120), "two checkpoints");
        MiniYarnTestCluster.waitUntil(
                () -> committedPartFiles("/attempts/out") > 0,
                Duration.ofSeconds(60),
                "output committed before the kill");

        long killedAt = System.nanoTime();
        assertTrue(killApplicationMasterJvm(session), "the first attempt's ApplicationMaster JVM was running");
        awaitSecondAttemptRegistered(session);
        long registeredAt = System.nanoTime();
        MiniYarnTestCluster.waitUntil(
                () -> List.of("RUNNING", "FINISHED").contains(String.valueOf(jobStatus(session, jobId))),
                Duration.ofSeconds(90),
                "the job running under the second attempt");
        // the failover figures, not assertions (performance lives in benchmarks)
        System.out.printf(
                "FAILOVER AM kill -9 -> attempt 2 registered: %d ms; -> job RUNNING again: %d ms more%n",
                (registeredAt - killedAt) / 1_000_000, (System.nanoTime() - registeredAt) / 1_000_000);
        MiniYarnTestCluster.waitUntil(
                () -> "FINISHED".equals(jobStatus(session, jobId)),
                Duration.ofSeconds(180),
                "the recovered job finished");

        assertTrue(
                checkpoints(session, jobId, "restored") >= 1,
                "the second attempt started the job from a checkpoint, not from scratch");
        assertExactlyOnce("/attempts/out", EVENTS);
        assertEquals(
                List.of(),
                containersStartedByAttempt(session, 2).stream()
                        .filter(id -> id.getContainerId() != 1)
                        .toList(),
                "the second attempt took over the first one's TaskManagers and started none");

        stopTheSessionAndAssertItSucceededWithoutStaging(session);
    }

    /**
     * Per-job with two attempts, attached: the ApplicationMaster's JVM is killed mid-run; the second
     * attempt submits the shipped job again, which resumes from the latest checkpoint recorded under
     * the default high-availability.storageDir on the TaskManagers of the first attempt, finishes
     * exactly once, and the application ends SUCCEEDED with its staging directory gone. The attached
     * client finds the second attempt's REST through YARN and gets the job's result.
     */
    @Test
    @Timeout(400)
    void aPerJobClusterWithTwoAttemptsResumesItsJobAfterTheApplicationMasterIsKilled() throws Exception {
        String hdfs = cluster.fs.getUri().toString();
        List<String> arguments = new ArrayList<>(List.of(
                "run",
                "-t",
                "yarn-per-job",
                "-p",
                "2",
                "-Dyarn.application-attempts=2",
                "-Dstate.checkpoints.dir=" + hdfs + "/perjob-attempts/checkpoints"));
        arguments.addAll(checkpointedCounts(EVENTS, hdfs + "/perjob-attempts/out"));
        Set<ApplicationId> before = cluster.applicationIds();
        CompletableFuture<Result> attached =
                CompletableFuture.supplyAsync(() -> floe(arguments.toArray(String[]::new)));
        ApplicationId[] application = new ApplicationId[1];
        MiniYarnTestCluster.waitUntil(
                () -> {
                    try {
                        application[0] = cluster.newApplication(before).getApplicationId();
                        return cluster.restGet(application[0], "/jobs/overview")
                                        .path("jobs")
                                        .size()
                                == 1;
                    } catch (Throwable e) {
                        return false;
                    }
                },
                Duration.ofSeconds(120),
                "the per-job cluster running its job");
        String jobId = cluster.restGet(application[0], "/jobs/overview")
                .path("jobs")
                .get(0)
                .path("jid")
                .asText();
        MiniYarnTestCluster.waitUntil(
                () -> checkpoints(application[0], jobId, "completed") >= 2, Duration.ofSeconds(120), "two checkpoints");

        killTheApplicationMasterAndAssertTheSecondAttemptFinishesExactlyOnce(
                application[0], YarnJobClusterEntrypoint.class, "/perjob-attempts/out");
        Result result = attached.get(2, TimeUnit.MINUTES);
        assertEquals(0, result.exitCode(), result.toString());
        assertTrue(
                result.out().contains("Job with JobID " + jobId + " has finished."),
                "the attached client followed the second attempt to the job's end: " + result);
    }

    /**
     * Per-job with two attempts, both ApplicationMasters killed: the application ends FAILED with
     * YARN's reason, and its staging directory (with the HA data in it), which no ApplicationMaster
     * was left to delete, goes when the next Floe application is deployed.
     */
    @Test
    @Timeout(400)
    void aPerJobClusterWhoseAttemptsRanOutEndsFailedAndTheNextDeploymentSweepsItsStaging() throws Exception {
        String hdfs = cluster.fs.getUri().toString();
        List<String> arguments = new ArrayList<>(List.of(
                "run",
                "-t",
                "yarn-per-job",
                "-d",
                "-Dyarn.application-attempts=2",
                "-Dstate.checkpoints.dir=" + hdfs + "/exhausted/checkpoints"));
        arguments.addAll(checkpointedCounts(EVENTS, hdfs + "/exhausted/out"));
        Result run = floe(arguments.toArray(String[]::new));
        assertEquals(0, run.exitCode(), run.toString());
        ApplicationId application = ApplicationId.fromString(firstMatch(APPLICATION_ID, run.out() + run.err()));
        String jobId = firstMatch(Pattern.compile("JobID ([0-9a-f]{32})"), run.out());
        MiniYarnTestCluster.waitUntil(
                () -> checkpoints(application, jobId, "completed") >= 1, Duration.ofSeconds(120), "a checkpoint");

        assertTrue(killApplicationMasterJvm(application, YarnJobClusterEntrypoint.class), "attempt 1 was running");
        awaitSecondAttemptRegistered(application);
        assertTrue(killApplicationMasterJvm(application, YarnJobClusterEntrypoint.class), "attempt 2 was running");
        ApplicationReport ended = cluster.awaitFinished(application);
        assertEquals(FinalApplicationStatus.FAILED, ended.getFinalApplicationStatus());
        assertTrue(
                ended.getDiagnostics().contains("2 times")
                        && ended.getDiagnostics().contains("exitCode"),
                "YARN says why: " + ended.getDiagnostics());
        org.apache.hadoop.fs.Path staging =
                new org.apache.hadoop.fs.Path(cluster.fs.getHomeDirectory(), ".floe/" + application);
        assertTrue(cluster.fs.exists(new org.apache.hadoop.fs.Path(staging, "ha")), "left with its HA data");

        Result next = yarnSession(null, "-d", "-nm", "floe-it-after-exhausted");
        assertEquals(0, next.exitCode(), next.toString());
        ApplicationId session = ApplicationId.fromString(firstMatch(APPLICATION_ID, next.out()));
        try {
            cluster.assertNoStagingLeft(application);
        } finally {
            Result stopped = yarnSession(
                    new ByteArrayInputStream("stop\n".getBytes(StandardCharsets.UTF_8)), "-id", session.toString());
            assertEquals(0, stopped.exitCode(), stopped.toString());
        }
    }

    /**
     * Application mode with two attempts: main() runs again in the second attempt, and its job gets
     * the same id as in the first (derived from the application id), so it resumes from the latest
     * checkpoint instead of starting over: the output holds every event once.
     */
    @Test
    @Timeout(400)
    void anApplicationWithTwoAttemptsResumesItsJobAfterTheApplicationMasterIsKilled() throws Exception {
        String hdfs = cluster.fs.getUri().toString();
        List<String> arguments = new ArrayList<>(List.of(
                "run-application",
                "-t",
                "yarn-application",
                "-p",
                "2",
                "-Dyarn.application-attempts=2",
                "-Dstate.checkpoints.dir=" + hdfs + "/application-attempts/checkpoints"));
        arguments.addAll(checkpointedCounts(EVENTS, hdfs + "/application-attempts/out"));
        Result run = floe(arguments.toArray(String[]::new));
        assertEquals(0, run.exitCode(), run.toString());
        ApplicationId application = ApplicationId.fromString(firstMatch(APPLICATION_ID, run.out() + run.err()));
        String[] jobId = new String[1];
        MiniYarnTestCluster.waitUntil(
                () -> {
                    try {
                        JsonNode jobs = cluster.restGet(application, "/jobs").get("jobs");
                        jobId[0] = jobs.size() == 1 ? jobs.get(0).get("id").asText() : null;
                    } catch (Exception e) {
                        jobId[0] = null;
                    }
                    return jobId[0] != null && checkpoints(application, jobId[0], "completed") >= 2;
                },
                Duration.ofSeconds(120),
                "the application's job with two checkpoints");

        killTheApplicationMasterAndAssertTheSecondAttemptFinishesExactlyOnce(
                application, YarnApplicationClusterEntrypoint.class, "/application-attempts/out");
    }

    /**
     * kill -9 of the first attempt's ApplicationMaster; then the second attempt ends the application
     * SUCCEEDED, the output under {@code output} holds every event once, the second attempt started
     * no TaskManager container (it took over the first one's) and the staging directory is gone.
     */
    private static void killTheApplicationMasterAndAssertTheSecondAttemptFinishesExactlyOnce(
            ApplicationId application, Class<?> entrypoint, String output) throws Exception {
        assertTrue(
                killApplicationMasterJvm(application, entrypoint),
                "the first attempt's ApplicationMaster JVM was running");
        assertEquals(
                FinalApplicationStatus.SUCCEEDED,
                cluster.awaitFinished(application).getFinalApplicationStatus(),
                "the second attempt finished the job");
        assertEquals(
                2, cluster.report(application).getCurrentApplicationAttemptId().getAttemptId());
        assertExactlyOnce(output, EVENTS);
        assertEquals(
                List.of(),
                containersStartedByAttempt(application, 2).stream()
                        .filter(id -> id.getContainerId() != 1)
                        .toList(),
                "the second attempt ran the job on the first one's TaskManagers");
        cluster.assertNoStagingLeft(application);
    }

    /**
     * Per-job: a TaskManager JVM killed mid-run, the job restores from its checkpoint on HDFS; then
     * {@code floe stop -p} ends it with a savepoint (the application SUCCEEDED, its staging gone),
     * and a second per-job cluster started with {@code -s} from that savepoint finishes the events:
     * both runs' output together holds every event once and every key's count unbroken.
     */
    @Test
    @Timeout(520)
    void aPerJobClusterRecoversAKilledTaskManagerStopsWithASavepointThatAPerJobClusterAndAnApplicationResumeFrom()
            throws Exception {
        String hdfs = cluster.fs.getUri().toString();
        long events = 6000;
        List<String> job = checkpointedCounts(events, hdfs + "/perjob/out");
        List<String> first = new ArrayList<>(List.of(
                "run",
                "-t",
                "yarn-per-job",
                "-d",
                "-p",
                "2",
                "-Dstate.checkpoints.dir=" + hdfs + "/perjob/checkpoints",
                "-Drestart-strategy.type=fixed-delay",
                "-Drestart-strategy.fixed-delay.attempts=3",
                "-Drestart-strategy.fixed-delay.delay=1 s"));
        first.addAll(job);
        Result run = floe(first.toArray(String[]::new));
        assertEquals(0, run.exitCode(), run.toString());
        ApplicationId application = ApplicationId.fromString(firstMatch(APPLICATION_ID, run.out() + run.err()));
        String jobId = firstMatch(Pattern.compile("JobID ([0-9a-f]{32})"), run.out());
        MiniYarnTestCluster.waitUntil(
                () -> checkpoints(application, jobId, "completed") >= 2, Duration.ofSeconds(120), "two checkpoints");

        assertFalse(killTaskManagerJvms(application).isEmpty(), "a TaskManager JVM was running");
        long completedBeforeTheKill = checkpoints(application, jobId, "completed");
        // a checkpoint after the restore: every task is running again, so the stop can take its savepoint
        MiniYarnTestCluster.waitUntil(
                () -> checkpoints(application, jobId, "restored") >= 1
                        && checkpoints(application, jobId, "completed") > completedBeforeTheKill,
                Duration.ofSeconds(120),
                "the job running again from its checkpoint");

        Result stopped = floe("stop", "-p", hdfs + "/perjob/savepoints", "-Dyarn.application.id=" + application, jobId);
        assertEquals(0, stopped.exitCode(), stopped.toString());
        String savepoint = firstMatch(Pattern.compile("Savepoint completed\\. Path: (\\S+)"), stopped.out());
        assertEquals(
                FinalApplicationStatus.SUCCEEDED,
                cluster.awaitFinished(application).getFinalApplicationStatus(),
                "a per-job cluster whose job stopped with a savepoint");
        cluster.assertNoStagingLeft(application);
        List<String> beforeTheSavepoint = committedLines("/perjob/out");
        long before = beforeTheSavepoint.size();
        assertTrue(before > 0 && before < events, "the first run stopped part-way: " + before + " events");

        List<String> second = new ArrayList<>(List.of(
                "run",
                "-t",
                "yarn-per-job",
                "-d",
                "-p",
                "3",
                "-s",
                savepoint,
                "-Dstate.checkpoints.dir=" + hdfs + "/perjob/checkpoints"));
        second.addAll(job);
        Result resumed = floe(second.toArray(String[]::new));
        assertEquals(0, resumed.exitCode(), resumed.toString());
        ApplicationId secondApplication =
                ApplicationId.fromString(firstMatch(APPLICATION_ID, resumed.out() + resumed.err()));
        assertEquals(
                FinalApplicationStatus.SUCCEEDED,
                cluster.awaitFinished(secondApplication).getFinalApplicationStatus(),
                "the per-job cluster resumed from the savepoint");
        cluster.assertNoStagingLeft(secondApplication);

        assertExactlyOnce(committedLines("/perjob/out"), events); // over both runs
        assertTrue(cluster.fs.exists(new org.apache.hadoop.fs.Path(savepoint, "_metadata")), "the savepoint stays");

        // the same savepoint again, in application mode (main() runs in the ApplicationMaster), into another output
        List<String> third = new ArrayList<>(List.of(
                "run-application",
                "-t",
                "yarn-application",
                "-p",
                "2",
                "-s",
                savepoint,
                "-Dstate.checkpoints.dir=" + hdfs + "/perjob/checkpoints"));
        third.addAll(checkpointedCounts(events, hdfs + "/perjob/out-application"));
        Result applicationRun = floe(third.toArray(String[]::new));
        assertEquals(0, applicationRun.exitCode(), applicationRun.toString());
        ApplicationId thirdApplication =
                ApplicationId.fromString(firstMatch(APPLICATION_ID, applicationRun.out() + applicationRun.err()));
        assertEquals(
                FinalApplicationStatus.SUCCEEDED,
                cluster.awaitFinished(thirdApplication).getFinalApplicationStatus(),
                "the application resumed from the savepoint");
        cluster.assertNoStagingLeft(thirdApplication);
        List<String> firstRunAndApplication = new ArrayList<>(beforeTheSavepoint);
        firstRunAndApplication.addAll(committedLines("/perjob/out-application"));
        assertExactlyOnce(firstRunAndApplication, events);
    }

    /**
     * kill -9 of every TaskManager JVM of the application (found by its container id and main
     * class on the command line); the NodeManager then reports the containers ended.
     */
    private static List<ContainerId> killTaskManagerJvms(ApplicationId application) {
        List<ContainerId> killed = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            for (ContainerId id : cluster.yarn
                    .getNodeManager(i)
                    .getNMContext()
                    .getContainers()
                    .keySet()) {
                if (!id.getApplicationAttemptId().getApplicationId().equals(application)) {
                    continue; // another application's
                }
                // by main class: the ApplicationMaster's container need not be number 1
                boolean any = ProcessHandle.allProcesses()
                        .filter(p -> {
                            String command = p.info().commandLine().orElse("");
                            return command.contains(id.toString())
                                    && command.contains(TaskManagerEntrypoint.class.getName());
                        })
                        .map(ProcessHandle::destroyForcibly)
                        .reduce(false, Boolean::logicalOr);
                if (any) {
                    killed.add(id);
                }
            }
        }
        return killed;
    }

    /** The containers (running or ended) that attempt {@code attempt} of the application started. */
    private static List<ContainerId> containersStartedByAttempt(ApplicationId application, int attempt) {
        List<ContainerId> started = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            for (ContainerId id : cluster.yarn
                    .getNodeManager(i)
                    .getNMContext()
                    .getContainers()
                    .keySet()) {
                if (id.getApplicationAttemptId().getApplicationId().equals(application)
                        && id.getApplicationAttemptId().getAttemptId() == attempt) {
                    started.add(id);
                }
            }
        }
        return started;
    }

    private static void awaitSecondAttemptRegistered(ApplicationId application) throws InterruptedException {
        MiniYarnTestCluster.waitUntil(
                () -> cluster.report(application)
                                        .getCurrentApplicationAttemptId()
                                        .getAttemptId()
                                == 2
                        && cluster.report(application).getRpcPort() > 0,
                Duration.ofSeconds(90),
                "the second attempt registered");
    }

    /** {@code yarn-session.sh -id <session>}, then "stop": SUCCEEDED, and no staging directory left. */
    private static void stopTheSessionAndAssertItSucceededWithoutStaging(ApplicationId session) throws Exception {
        Result stopped = yarnSession(
                new ByteArrayInputStream("stop\n".getBytes(StandardCharsets.UTF_8)), "-id", session.toString());
        assertEquals(0, stopped.exitCode(), stopped.toString());
        assertEquals(
                FinalApplicationStatus.SUCCEEDED, cluster.awaitFinished(session).getFinalApplicationStatus());
        cluster.assertNoStagingLeft(session);
    }

    /** kill -9 of the application's ApplicationMaster JVM (a session's, found by its main class). */
    private static boolean killApplicationMasterJvm(ApplicationId application) {
        return killApplicationMasterJvm(application, YarnSessionClusterEntrypoint.class);
    }

    /** kill -9 of the application's ApplicationMaster JVM, found by its container and main class. */
    private static boolean killApplicationMasterJvm(ApplicationId application, Class<?> entrypoint) {
        return ProcessHandle.allProcesses()
                .filter(p -> {
                    String command = p.info().commandLine().orElse("");
                    return command.contains(application.toString().replace("application_", "container_") + "_")
                            && command.contains(entrypoint.getName());
                })
                .map(ProcessHandle::destroyForcibly)
                .reduce(false, Boolean::logicalOr);
    }

    private static long checkpoints(ApplicationId application, String jobId, String count) {
        try {
            return cluster.restGet(application, "/jobs/" + jobId + "/checkpoints")
                    .get("counts")
                    .get(count)
                    .asLong();
        } catch (Exception e) {
            return -1;
        }
    }

    private static String jobStatus(ApplicationId application, String jobId) {
        try {
            JsonNode status = cluster.restGet(application, "/jobs/" + jobId + "/status");
            return status.get("status").asText();
        } catch (Exception e) {
            return "unknown: " + e;
        }
    }

    /** The jar and arguments of CheckpointedCounts: {@code events} over {@link #KEYS} keys, 250 a second. */
    private static List<String> checkpointedCounts(long events, String output) throws IOException {
        return List.of(
                cluster.exampleJar("CheckpointedCounts").toString(),
                "--events",
                Long.toString(events),
                "--keys",
                Integer.toString(KEYS),
                "--rate",
                "250",
                "--checkpoint-interval",
                "300",
                "--output",
                output);
    }

    /**
     * CheckpointedCounts' committed output under {@code directory} ({@code key,event,count} lines)
     * holds every event 0..events-1 once and every key's counts 1..events/KEYS once.
     */
    private static void assertExactlyOnce(String directory, long events) throws Exception {
        assertExactlyOnce(committedLines(directory), events);
    }

    /** {@link #assertExactlyOnce(String, long)} of lines gathered from several outputs. */
    private static void assertExactlyOnce(List<String> lines, long events) {
        Map<Long, List<Long>> countsByKey = new TreeMap<>();
        List<Long> seen = new ArrayList<>();
        for (String line : lines) {
            String[] parts = line.split(",");
            seen.add(Long.parseLong(parts[1]));
            countsByKey
                    .computeIfAbsent(Long.parseLong(parts[0]), k -> new ArrayList<>())
                    .add(Long.parseLong(parts[2]));
        }
        assertEquals("", violations(seen, 0, events - 1), "every event exactly once");
        assertEquals(KEYS, countsByKey.size());
        countsByKey.forEach((key, counts) ->
                assertEquals("", violations(counts, 1, events / KEYS), "key " + key + " counted 1.." + events / KEYS));
    }

    /** How many part files under {@code directory} are committed (visible, not in progress); 0 before it exists. */
    private static long committedPartFiles(String directory) {
        long committed = 0;
        try {
            RemoteIterator<LocatedFileStatus> files =
                    cluster.fs.listFiles(new org.apache.hadoop.fs.Path(directory), true);
            while (files.hasNext()) {
                committed += files.next().getPath().getName().startsWith(".") ? 0 : 1;
            }
        } catch (IOException e) {
            return 0;
        }
        return committed;
    }

    /** The lines of the visible part files; fails on a part file left in progress. */
    private static List<String> committedLines(String directory) throws Exception {
        List<String> lines = new ArrayList<>();
        RemoteIterator<LocatedFileStatus> files = cluster.fs.listFiles(new org.apache.hadoop.fs.Path(directory), true);
        while (files.hasNext()) {
            org.apache.hadoop.fs.Path file = files.next().getPath();
            assertFalse(file.getName().endsWith(".inprogress"), "left in progress: " + file);
            try (BufferedReader reader =
                    new BufferedReader(new InputStreamReader(cluster.fs.open(file), StandardCharsets.UTF_8))) {
                reader.lines().forEach(lines::add);
            }
        }
        return lines;
    }

    private static List<String> leftoverCheckpoints(String directory) {
        List<String> left = new ArrayList<>();
        try {
            RemoteIterator<LocatedFileStatus> files =
                    cluster.fs.listFiles(new org.apache.hadoop.fs.Path(directory), true);
            while (files.hasNext()) {
                String path = files.next().getPath().toString();
                if (path.contains("/chk-")) {
                    left.add(path);
                }
            }
        } catch (FileNotFoundException e) {
            return left;
        } catch (Exception e) {
            left.add("unreadable: " + e);
        }
        return left;
    }

    /** What keeps {@code values} from being first..last once each, or "". */
    private static String violations(List<Long> values, long first, long last) {
        Map<Long, Integer> seen = new TreeMap<>();
        values.forEach(v -> seen.merge(v, 1, Integer::sum));
        StringBuilder problems = new StringBuilder();
        for (long v = first; v <= last && problems.length() < 300; v++) {
            if (!seen.containsKey(v)) {
                problems.append("missing ").append(v).append(' ');
            }
        }
        seen.forEach((v, times) -> {
            if ((times > 1 || v < first || v > last) && problems.length() < 600) {
                problems.append(v).append('x').append(times).append(' ');
            }
        });
        return problems.toString();
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
