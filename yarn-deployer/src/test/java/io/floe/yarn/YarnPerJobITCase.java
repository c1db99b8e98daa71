package io.floe.yarn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.client.program.PackagedProgram;
import io.floe.client.program.ProgramInvocationException;
import io.floe.configuration.Configuration;
import io.floe.tools.miniyarn.testing.MiniHadoopExtension;
import io.floe.yarn.executors.YarnJobClusterExecutorFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.FinalApplicationStatus;
import org.apache.hadoop.yarn.api.records.YarnApplicationState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A per-job deployment on a MiniYARNCluster (2 NodeManagers) with a MiniDFSCluster, as {@code floe
 * run -t yarn-per-job} does it: the client runs WordCount's {@code main()}, the job graph ships with
 * the ApplicationMaster, TaskManagers start in containers when the job declares its slots.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class YarnPerJobITCase {
    @RegisterExtension
    static final MiniHadoopExtension HADOOP = new MiniHadoopExtension(MiniYarnTestCluster.SETTINGS);

    static MiniYarnTestCluster cluster;

    @BeforeAll
    static void startClusters() throws Exception {
        cluster = MiniYarnTestCluster.start(HADOOP);
    }

    @AfterAll
    static void stopClusters() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    @Timeout(240)
    void runsWordCountPerJobAndEndsSucceededWithoutLeftovers() throws Exception {
        Set<ApplicationId> before = cluster.applicationIds();
        String input = cluster.writeFile("/wordcount/input.txt", "to be or not to be\nthat is the question\nto be\n");

        long start = System.nanoTime();
        runProgram(
                List.of("--input", input, "--output", cluster.fs.getUri() + "/wordcount/output", "--mode", "batch"), 2);
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        System.out.println("Per-job WordCount on YARN took " + seconds + " s");

        ApplicationId id = cluster.newApplication(before).getApplicationId();
        ApplicationReport finished = cluster.awaitFinished(id);
        assertEquals(FinalApplicationStatus.SUCCEEDED, finished.getFinalApplicationStatus(), finished.getDiagnostics());

        Map<String, Long> counts = cluster.readCounts("/wordcount/output");
        assertEquals(
                Map.of("to", 3L, "be", 3L, "or", 1L, "not", 1L, "that", 1L, "is", 1L, "the", 1L, "question", 1L),
                counts);

        cluster.assertNoStagingLeft(id);

        List<Path> taskManagerLogs = cluster.containerLogs(id, "taskmanager.log");
        assertEquals(2, taskManagerLogs.size(), "one TaskManager container per slot the job needs: " + taskManagerLogs);
        String jobManagerLog =
                Files.readString(cluster.containerLogs(id, "jobmanager.log").get(0));
        int submitted = jobManagerLog.indexOf("Received job");
        int firstRequest = jobManagerLog.indexOf("Requested a TaskManager container");
        assertTrue(submitted >= 0 && firstRequest > submitted, "TaskManagers are requested only once the job is there");
        cluster.assertNoExceptionsInContainerLogs(id);
    }

    @Test
    @Order(2)
    @Timeout(240)
    void aFailingJobEndsFailedWithTheUsersExceptionAndUploadsNoFrameworkJar() throws Exception {
        Map<String, Long> cacheBefore = frameworkJarCache();
        assertFalse(cacheBefore.isEmpty(), "the first deployment filled the framework jar cache");
        Set<ApplicationId> before = cluster.applicationIds();

        String missing = cluster.fs.getUri() + "/wordcount/no-such-input.txt";
        ProgramInvocationException failure = assertThrows(
                ProgramInvocationException.class, () -> runProgram(List.of("--input", missing, "--mode", "batch"), 1));
        assertTrue(
                describe(failure).contains("no-such-input.txt"),
                "the user's exception reaches the client: " + describe(failure));

        ApplicationId id = cluster.newApplication(before).getApplicationId();
        ApplicationReport finished = cluster.awaitFinished(id);
        assertEquals(FinalApplicationStatus.FAILED, finished.getFinalApplicationStatus(), finished.getDiagnostics());
        cluster.assertNoStagingLeft(id);
        assertEquals(cacheBefore, frameworkJarCache(), "a second deployment uploads no framework jar");
    }

    private static String describe(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            text.append(t).append('\n');
        }
        return text.toString();
    }
    /** Every file of the framework jar cache with its modification time. */
    private static Map<String, Long> frameworkJarCache() throws IOException {
        Map<String, Long> files = new TreeMap<>();
        org.apache.hadoop.fs.Path cache =
                new org.apache.hadoop.fs.Path(cluster.fs.getHomeDirectory(), ".floe/lib-cache");
        if (cluster.fs.exists(cache)) {
            var it = cluster.fs.listFiles(cache, true);
            while (it.hasNext()) {
                FileStatus status = it.next();
                files.put(status.getPath().toString(), status.getModificationTime());
            }
        }
        return files;
    }

    @Test
    @Order(3)
    @Timeout(240)
    void aDetachedPerJobClusterEndsSucceededAndCleanWithoutItsClient() throws Exception {
        Set<ApplicationId> before = cluster.applicationIds();
        String input = cluster.writeFile("/wordcount/detached-input.txt", "one two two\nthree three three\n");
        runProgram(
                "WordCount",
                List.of(
                        "--input",
                        input,
                        "--output",
                        cluster.fs.getUri() + "/wordcount/detached-output",
                        "--mode",
                        "batch"),
                1,
                false);
        ApplicationId id = cluster.newApplication(before).getApplicationId();
        ApplicationReport finished = cluster.awaitFinished(id);
        assertEquals(FinalApplicationStatus.SUCCEEDED, finished.getFinalApplicationStatus(), finished.getDiagnostics());
        assertEquals(Map.of("one", 1L, "two", 2L, "three", 3L), cluster.readCounts("/wordcount/detached-output"));
        cluster.assertNoStagingLeft(id);
        cluster.assertNoExceptionsInContainerLogs(id);
    }

    @Test
    @Order(4)
    @Timeout(240)
    void floeCancelByApplicationIdEndsADetachedPerJobClusterKilledAndClean() throws Exception {
        Set<ApplicationId> before = cluster.applicationIds();
        runProgram("KeyedSumGenerator", List.of("--events", "1000000", "--rate", "100"), 1, false);
        ApplicationId id = cluster.newApplication(before).getApplicationId();
        List<String> byApplication = new java.util.ArrayList<>(List.of("-Dyarn.application.id=" + id));
        byApplication.addAll(cluster.deploymentFlags());

        List<String> list = new java.util.ArrayList<>(List.of("list"));
        list.addAll(byApplication);
        CommandLines.Result listed = CommandLines.floe(Map.of(), list.toArray(new String[0]));
        assertEquals(0, listed.exitCode(), listed.toString());
        java.util.regex.Matcher job = java.util.regex.Pattern.compile(
                        " : ([0-9a-f]{32}) : KeyedSumGenerator \\((\\w+)\\)")
                .matcher(listed.out());
        assertTrue(job.find(), "floe list shows the job: " + listed.out());

        List<String> cancel = new java.util.ArrayList<>(List.of("cancel"));
        cancel.addAll(byApplication);
        cancel.add(job.group(1));
        CommandLines.Result cancelled = CommandLines.floe(Map.of(), cancel.toArray(new String[0]));
        assertEquals(0, cancelled.exitCode(), cancelled.toString());
        ApplicationReport finished = cluster.awaitFinished(id);
        assertEquals(FinalApplicationStatus.KILLED, finished.getFinalApplicationStatus(), finished.getDiagnostics());
        cluster.assertNoStagingLeft(id);
    }

    @Test
    @Order(5)
    @Timeout(240)
    void withHadoopFromTheClusterShipsNoHadoopJarAndRunsWordCountExactly() throws Exception {
        // a cluster whose NodeManagers offer Hadoop: its site files list the jars in yarn.application.classpath
        List<String> hadoopJars = MiniYarnTestCluster.hadoopClientJars();
        Path confDir = Files.createDirectories(cluster.work.resolve("hadoop-conf-with-classpath"));
        org.apache.hadoop.conf.Configuration site = new org.apache.hadoop.conf.Configuration(false);
        site.addResource(new org.apache.hadoop.fs.Path(
                cluster.hadoopConfDir.resolve("yarn-site.xml").toUri()));
        site.set(
                org.apache.hadoop.yarn.conf.YarnConfiguration.YARN_APPLICATION_CLASSPATH, String.join(",", hadoopJars));
        try (java.io.OutputStream out = Files.newOutputStream(confDir.resolve("yarn-site.xml"))) {
            site.writeXml(out);
        }
        Set<ApplicationId> before = cluster.applicationIds();
        String input = cluster.writeFile("/wordcount/cluster-hadoop-input.txt", "red green\ngreen blue blue blue\n");

        runProgram(
                "WordCount",
                List.of(
                        "--input",
                        input,
                        "--output",
                        cluster.fs.getUri() + "/wordcount/cluster-hadoop-output",
                        "--mode",
                        "batch"),
                1,
                true,
                Map.of("yarn.hadoop-classpath", "cluster", "env.hadoop.conf.dir", confDir.toString()));

        ApplicationId id = cluster.newApplication(before).getApplicationId();
        ApplicationReport finished = cluster.awaitFinished(id);
        assertEquals(FinalApplicationStatus.SUCCEEDED, finished.getFinalApplicationStatus(), finished.getDiagnostics());
        assertEquals(
                Map.of("red", 1L, "green", 2L, "blue", 3L), cluster.readCounts("/wordcount/cluster-hadoop-output"));
        List<Path> launchScripts = cluster.containerLogs(id, "launch_container.sh");
        assertFalse(launchScripts.isEmpty(), "the NodeManagers keep each container's launch script");
        for (Path script : launchScripts) {
            String text = Files.readString(script);
            assertFalse(text.contains("lib/hadoop-client-"), "no Hadoop jar is localized: " + script);
            assertTrue(
                    text.contains(hadoopJars.get(0)),
                    "the container's CLASSPATH names the cluster's Hadoop: " + script);
        }
        cluster.assertNoStagingLeft(id);
        cluster.assertNoExceptionsInContainerLogs(id);
    }

    @Test
    @Order(6)
    @Timeout(240)
    void aClientKilledMidDeployLeavesNeitherTheApplicationNorItsStagingDirectory() throws Exception {
        Set<ApplicationId> before = cluster.applicationIds();
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String open : ContainerCommand.JAVA_17_OPENS) {
            command.add("--add-opens=" + open + "=ALL-UNNAMED");
        }
        command.addAll(List.of(
                "-cp",
                System.getProperty("java.class.path"),
                io.floe.client.cli.CliFrontend.class.getName(),
                "run",
                "-t",
                YarnJobClusterExecutorFactory.NAME));
        command.addAll(cluster.deploymentFlags());
        // the ApplicationMaster's JVM waits at its start (for a file nobody deletes): the deployment never completes
        command.add("-Denv.java.opts.jobmanager=-XX:+UnlockDiagnosticVMOptions -XX:+PauseAtStartup");
        command.add(cluster.exampleJar("WordCount").toString());
        Path clientOutput = cluster.work.resolve("killed-client.out");
        Process client = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(clientOutput.toFile())
                .start();
        ApplicationId id;
        try {
            MiniYarnTestCluster.waitUntil(
                    () -> newApplicationIn(before, YarnApplicationState.ACCEPTED) != null,
                    java.time.Duration.ofSeconds(90),
                    "the client's application ACCEPTED");
            id = newApplicationIn(before, YarnApplicationState.ACCEPTED);
        } finally {
            client.destroy(); // SIGTERM, as a kill or a closed terminal would send: the JVM runs its shutdown hooks
        }
        assertTrue(client.waitFor(60, java.util.concurrent.TimeUnit.SECONDS), "the client ended");

        MiniYarnTestCluster.waitUntil(
                () -> cluster.report(id).getYarnApplicationState() == YarnApplicationState.KILLED,
                java.time.Duration.ofSeconds(60),
                "application " + id + " killed by the dying client");
        cluster.assertNoStagingLeft(id);
        String printed = Files.readString(clientOutput);
        assertTrue(
                printed.contains("Stopped while deploying: killed " + id + " and deleted its staging directory."),
                "the client says what it cleaned up: " + printed);
    }

    /** The application started after {@code before} if it is in {@code state}, else null. */
    private static ApplicationId newApplicationIn(Set<ApplicationId> before, YarnApplicationState state) {
        try {
            for (ApplicationReport report : cluster.yarnClient.getApplications()) {
                if (!before.contains(report.getApplicationId()) && report.getYarnApplicationState() == state) {
                    return report.getApplicationId();
                }
            }
            return null;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void runProgram(List<String> arguments, int parallelism) throws Exception {
        runProgram("WordCount", arguments, parallelism, true);
    }

    private static void runProgram(String example, List<String> arguments, int parallelism, boolean attached)
            throws Exception {
        runProgram(example, arguments, parallelism, attached, Map.of());
    }

    private static void runProgram(
            String example,
            List<String> arguments,
            int parallelism,
            boolean attached,
            Map<String, String> extraSettings)
            throws Exception {
        Configuration configuration = new Configuration();
        configuration.setString("execution.attached", String.valueOf(attached));
        configuration.setString("execution.target", YarnJobClusterExecutorFactory.NAME);
        configuration.setString("parallelism.default", String.valueOf(parallelism));
        configuration.setString("taskmanager.numberOfTaskSlots", "1");
        cluster.deploymentSettings().forEach(configuration::setString);
        extraSettings.forEach(configuration::setString);
        Path jar = cluster.exampleJar(example);
        configuration.setString("pipeline.jars", jar.toString());
        try (PackagedProgram program =
                PackagedProgram.fromJar(jar, null, arguments, YarnPerJobITCase.class.getClassLoader())) {
            program.invoke(configuration);
        }
    }
}
