package io.floe.yarn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.floe.tools.miniyarn.testing.MiniHadoopExtension;
import io.floe.yarn.CommandLines.Result;
import java.io.ByteArrayInputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.FinalApplicationStatus;
import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The three YARN modes on a cluster Floe did not configure: {@code HADOOP_CONF_DIR} holds the running
 * clusters' complete configuration as Hadoop writes it ({@code writeXml}: every key, defaults and the
 * mini clusters' test settings included), as many cluster managers hand it out. It names classes
 * Floe's containers do not have: the MiniDFSCluster's {@code StaticMapping} rack mapping (a Hadoop
 * test class), about 80 classes of Hadoop's daemons and cloud file systems, and here also a group
 * mapping of the cluster's own. And when a container dies anyway, the client and the job's
 * exception history say why.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class YarnCompleteSiteFilesITCase {
    private static final Pattern APPLICATION_ID = Pattern.compile("application_\\d+_\\d+");
    private static final String TEXT = "to be or not to be\nthat is the question\nto be\n";
    private static final Map<String, Long> COUNTS =
            Map.of("to", 3L, "be", 3L, "or", 1L, "not", 1L, "that", 1L, "is", 1L, "the", 1L, "question", 1L);
    private static final String RACK_MAPPING = "net.topology.node.switch.mapping.impl";
    private static final String GROUP_MAPPING = "hadoop.security.group.mapping";
    /** A group mapping the cluster brings in its own jars, as directory-service integrations do. */
    private static final String CLUSTERS_OWN_GROUP_MAPPING = "com.example.hadoop.DirectoryGroupsMapping";

    @RegisterExtension
    static final MiniHadoopExtension HADOOP = new MiniHadoopExtension(MiniYarnTestCluster.SETTINGS);

    static MiniYarnTestCluster cluster;
    static Path siteFiles;
    static Path confDir;
    static String input;

    @BeforeAll
    static void startClusters() throws Exception {
        cluster = MiniYarnTestCluster.start(HADOOP);
        siteFiles = cluster.writeCompleteSiteFiles(
                "complete-hadoop-conf", Map.of(GROUP_MAPPING, CLUSTERS_OWN_GROUP_MAPPING));
        assertTrue(
                Files.readString(siteFiles.resolve("core-site.xml")).contains("org.apache.hadoop.net.StaticMapping"),
                "the mini clusters' rack mapping is in the site files");
        confDir = writeFloeConf("conf", siteFiles);
        input = cluster.writeFile("/wordcount/input.txt", TEXT);
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
    void aSessionRunsWordCountAndStopsCleanWarningOnceOfEachClassItLeavesToHadoopsDefault() throws Exception {
        Result started = yarnSession(confDir, "-d", "-nm", "floe-complete-site-files");
        assertEquals(0, started.exitCode(), started.toString());
        ApplicationId session = ApplicationId.fromString(firstMatch(APPLICATION_ID, started.out()));
        for (String warned : List.of(
                RACK_MAPPING + " names org.apache.hadoop.net.StaticMapping",
                GROUP_MAPPING + " names " + CLUSTERS_OWN_GROUP_MAPPING)) {
            assertEquals(1, occurrences(started.out(), warned), "one warning for " + warned + ": " + started.out());
        }
        assertEquals(
                2,
                occurrences(started.out(), "WARN "),
                "no warning for classes no Floe process reads: " + started.out());

        String output = cluster.fs.getUri() + "/wordcount/session-output";
        Result run = floe(
                confDir,
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

        Result stopped = stopSession(confDir, session);
        assertEquals(0, stopped.exitCode(), stopped.toString());
        ApplicationReport report = cluster.awaitFinished(session);
        assertEquals(FinalApplicationStatus.SUCCEEDED, report.getFinalApplicationStatus(), report.getDiagnostics());
        cluster.assertNoStagingLeft(session);
        cluster.assertNoExceptionsInContainerLogs(session);
    }

    @Test
    @Order(2)
    @Timeout(240)
    void perJobAndApplicationModeSucceed() throws Exception {
        Set<ApplicationId> before = cluster.applicationIds();
        Result perJob = floe(confDir, cluster.wordCountRun("run", "yarn-per-job", input, "/wordcount/per-job-output"));
        assertEquals(0, perJob.exitCode(), perJob.toString());
        ApplicationId perJobId = cluster.newApplication(before).getApplicationId();
        cluster.assertCountedAndCleanedUp(perJobId, "/wordcount/per-job-output", COUNTS);

        before = cluster.applicationIds();
        Result application = floe(
                confDir,
                cluster.wordCountRun("run-application", "yarn-application", input, "/wordcount/application-output"));
        assertEquals(0, application.exitCode(), application.toString());
        ApplicationId applicationId = cluster.newApplication(before).getApplicationId();
        cluster.assertCountedAndCleanedUp(applicationId, "/wordcount/application-output", COUNTS);
    }

    @Test
    @Order(3)
    @Timeout(240)
    void withHadoopFromTheClusterTheApplicationMasterLeavesOutTheRackMappingItCannotLoad() throws Exception {
        // NodeManagers that offer Hadoop's jars (the client jars here; StaticMapping is in neither)
        List<String> hadoopJars = MiniYarnTestCluster.hadoopClientJars();
        Path clusterSiteFiles = cluster.writeCompleteSiteFiles(
                "complete-hadoop-conf-with-classpath",
                Map.of(YarnConfiguration.YARN_APPLICATION_CLASSPATH, String.join(",", hadoopJars)));
        Path clusterConf =
                writeFloeConf("conf-hadoop-from-cluster", clusterSiteFiles, "yarn.hadoop-classpath", "cluster");

        Set<ApplicationId> before = cluster.applicationIds();
        Result perJob = floe(
                clusterConf,
                "run",
                "-t",
                "yarn-per-job",
                cluster.exampleJar("WordCount").toString(),
                "--input",
                input,
                "--output",
                cluster.fs.getUri() + "/wordcount/cluster-hadoop-output",
                "--mode",
                "batch");
        assertEquals(0, perJob.exitCode(), perJob.toString());
        ApplicationId id = cluster.newApplication(before).getApplicationId();
        assertEquals(FinalApplicationStatus.SUCCEEDED, cluster.awaitFinished(id).getFinalApplicationStatus());
        assertEquals(COUNTS, cluster.readCounts("/wordcount/cluster-hadoop-output"));
        for (Path script : cluster.containerLogs(id, "launch_container.sh")) {
            assertFalse(
                    Files.readString(script).contains("lib/hadoop-client-"), "no Hadoop jar is localized: " + script);
        }
        cluster.assertNoStagingLeft(id);
    }

    @Test
    @Order(4)
    @Timeout(120)
    void aClassTheContainersNeedAndCannotLoadIsRefusedBeforeAnythingIsCreated() throws Exception {
        Path needy = cluster.writeCompleteSiteFiles(
                "complete-hadoop-conf-with-proxy-provider",
                Map.of("dfs.client.failover.proxy.provider.warehouse", "com.example.hadoop.WarehouseProxyProvider"));
        Path needyConf = writeFloeConf("conf-with-proxy-provider", needy);
        Set<ApplicationId> before = cluster.applicationIds();
        Result refused = yarnSession(needyConf, "-d");
        assertEquals(1, refused.exitCode(), refused.toString());
        assertTrue(
                refused.err().contains("dfs.client.failover.proxy.provider.warehouse")
                        && refused.err().contains("com.example.hadoop.WarehouseProxyProvider")
                        && refused.err().contains("lib/"),
                "names the setting, the class and the remedy: " + refused.err());
        assertEquals(1, refused.err().strip().lines().count(), "one line: " + refused.err());
        assertEquals(before, cluster.applicationIds(), "no YARN application was created");
    }

    @Test
    @Order(5)
    @Timeout(180)
    void anApplicationMasterThatFailsAtStartTellsTheClientWhy() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("0.0.0.0", 0));
            Set<ApplicationId> before = cluster.applicationIds();
            Result failed = yarnSession(confDir, "-d", "-Dblob.server.port=" + taken.getLocalPort());
            assertEquals(3, failed.exitCode(), failed.toString());
            ApplicationId id = cluster.newApplication(before).getApplicationId();
            assertTrue(
                    failed.err()
                                    .contains("YARN application " + id + " ended FAILED during deployment: The session "
                                            + "ApplicationMaster failed: ")
                            && failed.err().contains("Cannot start the BlobServer")
                            && failed.err().contains("Address already in use"),
                    "the ApplicationMaster's exception: " + failed.err());
            String diagnostics = cluster.report(id).getDiagnostics();
            assertTrue(
                    diagnostics.contains("The session ApplicationMaster failed: ")
                            && diagnostics.contains("Caused by: java.net.BindException: Address already in use"),
                    "YARN's diagnostics say it too, with the causes: " + diagnostics);
            cluster.assertNoStagingLeft(id);
        }
    }

    @Test
    @Order(6)
    @Timeout(240)
    void aTaskManagerThatFailsAtStartFailsTheJobNamingItsContainerAndCause() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("0.0.0.0", 0));
            Result started = yarnSession(
                    confDir,
                    "-d",
                    "-nm",
                    "floe-failing-taskmanagers",
                    "-Dtaskmanager.rpc.port=" + taken.getLocalPort());
            assertEquals(0, started.exitCode(), started.toString());
            ApplicationId session = ApplicationId.fromString(firstMatch(APPLICATION_ID, started.out()));
            try {
                Result run = floe(
                        confDir,
                        "run",
                        "-Dyarn.application.id=" + session,
                        cluster.exampleJar("WordCount").toString(),
                        "--input",
                        input,
                        "--output",
                        cluster.fs.getUri() + "/wordcount/never-written",
                        "--mode",
                        "batch");
                assertEquals(2, run.exitCode(), run.toString());
                Pattern cause = Pattern.compile("TaskManager container container_\\S+ on \\S+:\\d+ exited with code 1: "
                        + "Could not start the TaskManager: .*Could not bind the RPC service to 0\\.0\\.0\\.0:"
                        + taken.getLocalPort());
                assertTrue(
                        cause.matcher(run.err()).find(),
                        "the attached client names the container, its node, its exit "
                                + "code and the first exception of its stderr: " + run.err());

                String jobId = firstMatch(Pattern.compile("JobID ([0-9a-f]{32})"), run.out());
                JsonNode exceptions = cluster.restGet(session, "/jobs/" + jobId + "/exceptions");
                String root = exceptions.get("root-exception").asText();
                assertTrue(cause.matcher(root).find(), "/jobs/:jobid/exceptions: " + exceptions);
                String jobManagerLog = Files.readString(
                        cluster.containerLogs(session, "jobmanager.log").get(0));
                assertTrue(cause.matcher(jobManagerLog).find(), "the JobManager's log names it too");
            } finally {
                assertEquals(0, stopSession(confDir, session).exitCode());
                cluster.awaitFinished(session);
            }
        }
    }

    /** A Floe configuration directory that deploys on this cluster with {@code hadoopConf} as HADOOP_CONF_DIR. */
    private static Path writeFloeConf(String name, Path hadoopConf, String... extraKeyValues) throws Exception {
        Map<String, String> overrides = new TreeMap<>(Map.of("env.hadoop.conf.dir", hadoopConf.toString()));
        for (int i = 0; i < extraKeyValues.length; i += 2) {
            overrides.put(extraKeyValues[i], extraKeyValues[i + 1]);
        }
        return cluster.writeFloeConf(name, cluster.work.resolve(name), overrides);
    }

    private static Result stopSession(Path conf, ApplicationId session) {
        return CommandLines.yarnSession(
                Map.of("FLOE_CONF_DIR", conf.toString()),
                new ByteArrayInputStream("stop\n".getBytes(StandardCharsets.UTF_8)),
                "-id",
                session.toString());
    }

    private static Result yarnSession(Path conf, String... args) {
        return CommandLines.yarnSession(Map.of("FLOE_CONF_DIR", conf.toString()), null, args);
    }

    private static Result floe(Path conf, String... args) {
        return CommandLines.floe(Map.of("FLOE_CONF_DIR", conf.toString()), args);
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }

    private static String firstMatch(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        assertTrue(matcher.find(), "no " + pattern + " in: " + text);
        return matcher.groupCount() > 0 ? matcher.group(1) : matcher.group();
    }
}
