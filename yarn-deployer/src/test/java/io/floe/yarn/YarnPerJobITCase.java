package io.floe.yarn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.client.program.PackagedProgram;
import io.floe.client.program.ProgramInvocationException;
import io.floe.runtime.configuration.Configuration;
import io.floe.yarn.executors.YarnJobClusterExecutorFactory;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.FinalApplicationStatus;
import org.apache.hadoop.yarn.api.records.YarnApplicationState;
import org.apache.hadoop.yarn.client.api.YarnClient;
import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.apache.hadoop.yarn.server.MiniYARNCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * A per-job deployment on a MiniYARNCluster (2 NodeManagers) with a MiniDFSCluster, as {@code floe
 * run -t yarn-per-job} does it: the client runs WordCount's {@code main()}, the job graph ships with
 * the ApplicationMaster, TaskManagers start in containers when the job declares its slots.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class YarnPerJobITCase {
    /** Under target/, so the container logs stay for a look after a failure. */
    static Path work;
    static MiniDFSCluster dfs;
    static MiniYARNCluster yarn;
    static YarnConfiguration yarnConfiguration;
    static Path hadoopConfDir;
    static YarnClient yarnClient;
    static FileSystem fs;

    @BeforeAll
    static void startClusters() throws Exception {
        work = Path.of("target", "YarnPerJobITCase").toAbsolutePath();
        deleteRecursively(work);
        Files.createDirectories(work);
        System.setProperty("test.build.data", work.resolve("data").toString());
        YarnConfiguration conf = new YarnConfiguration();
        conf.setInt(YarnConfiguration.RM_SCHEDULER_MINIMUM_ALLOCATION_MB, 256);
        conf.setInt(YarnConfiguration.RM_SCHEDULER_MAXIMUM_ALLOCATION_MB, 2048);
        conf.setInt("yarn.minicluster.yarn.nodemanager.resource.memory-mb", 2048);
        conf.setInt(YarnConfiguration.NM_PMEM_MB, 2048);
        conf.setInt(YarnConfiguration.NM_VCORES, 4);
        conf.setBoolean(YarnConfiguration.NM_VMEM_CHECK_ENABLED, false);
        conf.setInt(YarnConfiguration.RM_AM_MAX_ATTEMPTS, 1);
        conf.setBoolean(YarnConfiguration.LOG_AGGREGATION_ENABLED, false);
        conf.setFloat("yarn.nodemanager.disk-health-checker.max-disk-utilization-per-disk-percentage", 99.5f);
        conf.set("yarn.scheduler.capacity.root.queues", "default");
        conf.set("yarn.scheduler.capacity.root.default.capacity", "100");
        conf.set("yarn.scheduler.capacity.maximum-am-resource-percent", "1.0");
        conf.setLong(YarnConfiguration.DEBUG_NM_DELETE_DELAY_SEC, 3600);

        dfs = new MiniDFSCluster.Builder(conf, work.resolve("dfs").toFile()).numDataNodes(1).build();
        dfs.waitActive();
        conf.set("fs.defaultFS", dfs.getFileSystem().getUri().toString());
        yarn = new MiniYARNCluster("floe-per-job", 2, 1, 1);
        yarn.init(conf);
        yarn.start();
        yarnConfiguration = new YarnConfiguration(yarn.getConfig());
        hadoopConfDir = Files.createDirectories(work.resolve("hadoop-conf"));
        // what a cluster's site files would say: where the ResourceManager and HDFS are (not the mini
        // clusters' test-only settings, such as their static rack mapping)
        org.apache.hadoop.conf.Configuration site = new org.apache.hadoop.conf.Configuration(false);
        site.set("fs.defaultFS", yarnConfiguration.get("fs.defaultFS"));
        for (Map.Entry<String, String> entry : yarnConfiguration) {
            if (entry.getKey().startsWith("yarn.resourcemanager.") && entry.getKey().endsWith("address")) {
                site.set(entry.getKey(), entry.getValue());
            }
        }
        try (OutputStream out = Files.newOutputStream(hadoopConfDir.resolve("yarn-site.xml"))) {
            site.writeXml(out);
        }
        yarnClient = YarnClient.createYarnClient();
        yarnClient.init(yarnConfiguration);
        yarnClient.start();
        waitUntil(() -> nodeManagers() == 2, Duration.ofSeconds(60), "two NodeManagers");
        fs = FileSystem.get(yarnConfiguration);
    }

    @AfterAll
    static void stopClusters() throws Exception {
        if (yarnClient != null) {
            yarnClient.stop();
        }
        if (yarn != null) {
            yarn.stop();
        }
        if (dfs != null) {
            dfs.shutdown();
        }
    }

    @Test
    @Order(1)
    @Timeout(240)
    void runsWordCountPerJobAndEndsSucceededWithoutLeftovers() throws Exception {
        Set<ApplicationId> before = applicationIds();
        org.apache.hadoop.fs.Path input = new org.apache.hadoop.fs.Path("/wordcount/input.txt");
        try (OutputStream out = fs.create(input)) {
            out.write("to be or not to be\nthat is the question\nto be\n".getBytes(StandardCharsets.UTF_8));
        }
        org.apache.hadoop.fs.Path output = new org.apache.hadoop.fs.Path("/wordcount/output");

        long start = System.nanoTime();
        runProgram(List.of("--input", fs.getUri() + input.toString(), "--output", fs.getUri() + output.toString(),
                "--mode", "batch"), 2);
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        System.out.println("Per-job WordCount on YARN took " + seconds + " s");

        ApplicationReport report = newApplication(before);
        ApplicationReport finished = awaitFinished(report);
        assertEquals(FinalApplicationStatus.SUCCEEDED, finished.getFinalApplicationStatus(), finished.getDiagnostics());

        Map<String, Long> counts = readCounts(output);
        assertEquals(Map.of("to", 3L, "be", 3L, "or", 1L, "not", 1L, "that", 1L, "is", 1L, "the", 1L, "question", 1L),
                counts);

        assertNoStagingLeft(report);

        List<Path> taskManagerLogs = containerLogs(report.getApplicationId().toString(), "taskmanager.log");
        assertEquals(2, taskManagerLogs.size(), "one TaskManager container per slot the job needs: " + taskManagerLogs);
        String jobManagerLog = Files.readString(containerLogs(report.getApplicationId().toString(), "jobmanager.log").get(0));
        int submitted = jobManagerLog.indexOf("Received job");
        int firstRequest = jobManagerLog.indexOf("Requested a TaskManager container");
        assertTrue(submitted >= 0 && firstRequest > submitted, "TaskManagers are requested only once the job is there");
        assertNoExceptionsInContainerLogs(report.getApplicationId().toString());
    }

    @Test
    @Order(2)
    @Timeout(240)
    void aFailingJobEndsFailedWithTheUsersExceptionAndUploadsNoFrameworkJar() throws Exception {
        Map<String, Long> cacheBefore = frameworkJarCache();
        assertFalse(cacheBefore.isEmpty(), "the first deployment filled the framework jar cache");
        Set<ApplicationId> before = applicationIds();

        String missing = fs.getUri() + "/wordcount/no-such-input.txt";
        ProgramInvocationException failure = assertThrows(ProgramInvocationException.class,
                () -> runProgram(List.of("--input", missing, "--mode", "batch"), 1));
        assertTrue(describe(failure).contains("no-such-input.txt"), "the user's exception reaches the client: "
                + describe(failure));

        ApplicationReport finished = awaitFinished(newApplication(before));
        assertEquals(FinalApplicationStatus.FAILED, finished.getFinalApplicationStatus(), finished.getDiagnostics());
        assertNoStagingLeft(finished);
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
        org.apache.hadoop.fs.Path cache = new org.apache.hadoop.fs.Path(fs.getHomeDirectory(), ".floe/lib-cache");
        if (fs.exists(cache)) {
            var it = fs.listFiles(cache, true);
            while (it.hasNext()) {
                FileStatus status = it.next();
                files.put(status.getPath().toString(), status.getModificationTime());
            }
        }
        return files;
    }

    /** A job that succeeded leaves no exception in any log, output or error file of its containers. */
    private static void assertNoExceptionsInContainerLogs(String appId) throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(work.resolve("data"))) {
            for (Path file : files.filter(p -> p.toString().contains(appId) && Files.isRegularFile(p)
                    && p.getFileName().toString().matches("(jobmanager|taskmanager)\\.(log|out|err)")).toList()) {
                for (String line : Files.readAllLines(file)) {
                    if (line.contains("Exception")) {
                        found.add(file.getFileName() + ": " + line);
                    }
                }
            }
        }
        assertTrue(found.isEmpty(), "unexpected exceptions in the container logs:\n" + String.join("\n", found));
    }

    private static void assertNoStagingLeft(ApplicationReport report) throws IOException {
        org.apache.hadoop.fs.Path staging = new org.apache.hadoop.fs.Path(fs.getHomeDirectory(),
                ".floe/" + report.getApplicationId());
        assertFalse(fs.exists(staging), "staging directory " + staging + " is left");
    }

    private static ApplicationReport awaitFinished(ApplicationReport report) throws Exception {
        waitUntil(() -> finalState(report).getYarnApplicationState() == YarnApplicationState.FINISHED,
                Duration.ofSeconds(60), "application " + report.getApplicationId() + " finished");
        return yarnClient.getApplicationReport(report.getApplicationId());
    }

    private static Set<ApplicationId> applicationIds() throws Exception {
        Set<ApplicationId> ids = new HashSet<>();
        for (ApplicationReport report : yarnClient.getApplications()) {
            ids.add(report.getApplicationId());
        }
        return ids;
    }

    private static ApplicationReport newApplication(Set<ApplicationId> before) throws Exception {
        List<ApplicationReport> fresh = new ArrayList<>();
        for (ApplicationReport report : yarnClient.getApplications()) {
            if (!before.contains(report.getApplicationId())) {
                fresh.add(report);
            }
        }
        assertEquals(1, fresh.size(), "new applications: " + fresh);
        return fresh.get(0);
    }

    private static void runProgram(List<String> arguments, int parallelism) throws Exception {
        Configuration configuration = new Configuration();
        configuration.setString("execution.target", YarnJobClusterExecutorFactory.NAME);
        configuration.setString("parallelism.default", String.valueOf(parallelism));
        configuration.setString("taskmanager.numberOfTaskSlots", "1");
        configuration.setString("jobmanager.memory.process.size", "768m");
        configuration.setString("taskmanager.memory.process.size", "768m");
        configuration.setString("heartbeat.interval", "1 s");
        configuration.setString("env.hadoop.conf.dir", hadoopConfDir.toString());
        configuration.setString("yarn.framework.classpath", String.join(";", frameworkClasspath()));
        Path jar = wordCountJar();
        configuration.setString("pipeline.jars", jar.toString());
        try (PackagedProgram program = PackagedProgram.fromJar(jar, null, arguments, YarnPerJobITCase.class.getClassLoader())) {
            program.invoke(configuration);
        }
    }

    /** The test's classpath without what only tests need: what the dist's lib/ would hold. */
    private static List<String> frameworkClasspath() {
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String name = Path.of(entry).toString();
            if (name.contains("test-classes") || name.contains("junit") || name.contains("mockito")
                    || name.contains("hadoop-client-minicluster") || name.contains("bcprov") || name.contains("bcpkix")
                    || name.contains("surefire") || name.contains("failsafe") || name.contains("floe-examples")
                    || name.contains("examples/target") || name.contains("opentest4j") || name.contains("apiguardian")
                    || name.contains("byte-buddy") || name.contains("objenesis") || name.contains("hamcrest")
                    || name.contains("log4j-1.2-api")) {
                continue;
            }
            entries.add(entry);
        }
        return entries;
    }

    /** The WordCount example jar from the test classpath (packed, with its Main-Class, if it is a class directory). */
    private static Path wordCountJar() throws IOException {
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path path = Path.of(entry);
            if (path.toString().endsWith("-WordCount.jar")) {
                return path;
            }
            if (Files.isDirectory(path) && Files.exists(path.resolve("io/floe/examples/WordCount.class"))) {
                Path jar = work.resolve("WordCount.jar");
                if (!Files.exists(jar)) {
                    Manifest manifest = new Manifest();
                    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
                    manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "io.floe.examples.WordCount");
                    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest);
                            Stream<Path> files = Files.walk(path)) {
                        for (Path file : files.filter(Files::isRegularFile).toList()) {
                            out.putNextEntry(new JarEntry(path.relativize(file).toString()));
                            Files.copy(file, out);
                            out.closeEntry();
                        }
                    }
                }
                return jar;
            }
        }
        throw new IllegalStateException("The WordCount example is not on the test classpath");
    }

    private static Map<String, Long> readCounts(org.apache.hadoop.fs.Path output) throws IOException {
        Map<String, Long> counts = new TreeMap<>();
        List<org.apache.hadoop.fs.Path> files = new ArrayList<>();
        if (fs.getFileStatus(output).isDirectory()) {
            for (FileStatus status : fs.listStatus(output)) {
                files.add(status.getPath());
            }
        } else {
            files.add(output);
        }
        for (org.apache.hadoop.fs.Path file : files) {
            String text;
            try (var in = fs.open(file)) {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            for (String line : text.split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                String[] parts = line.substring(1, line.length() - 1).split(",");
                counts.merge(parts[0], Long.parseLong(parts[1]), Long::sum);
            }
        }
        return counts;
    }

    private static List<Path> containerLogs(String appId, String fileName) throws IOException {
        try (Stream<Path> files = Files.walk(work.resolve("data"))) {
            return files.filter(p -> p.getFileName().toString().equals(fileName) && p.toString().contains(appId)).sorted()
                    .toList();
        }
    }

    private static ApplicationReport finalState(ApplicationReport report) {
        try {
            return yarnClient.getApplicationReport(report.getApplicationId());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static int nodeManagers() {
        try {
            return yarnClient.getNodeReports().size();
        } catch (Exception e) {
            return 0;
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private static void waitUntil(BooleanSupplier condition, Duration timeout, String what) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out after " + timeout + " waiting for " + what);
            }
            java.util.concurrent.locks.LockSupport.parkNanos(100_000_000L);
            if (Thread.interrupted()) {
                throw new InterruptedException("interrupted while waiting for " + what);
            }
        }
    }
}
