package io.floe.benchmarks.deploy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.NodeReport;
import org.apache.hadoop.yarn.api.records.YarnApplicationState;
import org.apache.hadoop.yarn.client.api.YarnClient;
import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.apache.hadoop.yarn.server.MiniYARNCluster;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A MiniDFSCluster (one DataNode) and a MiniYARNCluster in this JVM, set up as the Flink anchor's
 * Part B sets up its own: {@code nms} NodeManagers of {@code nm-mb} MB and 8 vcores, minimum
 * allocation 256 MB, the CapacityScheduler's AM share raised to 50 %, one AM attempt, no log
 * aggregation, no vmem check, the NodeManager heartbeat at Hadoop's 1 s. Everything lives under
 * {@code <base>/}: {@code dfs/}, {@code yarn/} (NodeManager dirs, container logs) and
 * {@code hadoop-conf/yarn-site.xml}, which names the ResourceManager and HDFS as a real cluster's
 * site file would. Stopping takes Hadoop some 35 s, so the bench only makes sure nothing is left
 * running ({@link #killLeftovers}) and exits.
 */
final class MiniClusters {
    private static final Logger LOG = LoggerFactory.getLogger(MiniClusters.class);

    final Path base;
    final Path hadoopConfDir;
    final YarnClient yarnClient;
    private final MiniDFSCluster dfs;
    private final MiniYARNCluster yarn;

    private MiniClusters(
            Path base, Path hadoopConfDir, YarnClient yarnClient, MiniDFSCluster dfs, MiniYARNCluster yarn) {
        this.base = base;
        this.hadoopConfDir = hadoopConfDir;
        this.yarnClient = yarnClient;
        this.dfs = dfs;
        this.yarn = yarn;
    }

    /**
     * @param frameworkClasspath the framework jars; with {@code --hadoop-classpath=cluster} its Hadoop
     *     client jars become the cluster's {@code yarn.application.classpath}, as Hadoop installed on every node
     */
    static MiniClusters start(BenchArguments arguments, String frameworkClasspath) throws Exception {
        Path base = Path.of(arguments.get("base")).toAbsolutePath();
        deleteRecursively(base);
        Files.createDirectories(base);
        // MiniYARNCluster puts its NodeManager dirs under ${test.build.data}, by default ./target/test/data
        System.setProperty("test.build.data", base.resolve("yarn").toString());
        int nodeManagers = arguments.getInt("nms");
        int nodeManagerMb = arguments.getInt("nm-mb");

        YarnConfiguration conf = new YarnConfiguration();
        // MiniYARNCluster overwrites yarn.nodemanager.resource.memory-mb with this key
        conf.setInt(YarnConfiguration.YARN_MINICLUSTER_NM_PMEM_MB, nodeManagerMb);
        conf.setInt(YarnConfiguration.NM_PMEM_MB, nodeManagerMb);
        conf.setBoolean(YarnConfiguration.NM_VMEM_CHECK_ENABLED, false);
        conf.setInt(YarnConfiguration.RM_SCHEDULER_MINIMUM_ALLOCATION_MB, arguments.getInt("min-alloc-mb"));
        conf.setInt(YarnConfiguration.RM_SCHEDULER_MAXIMUM_ALLOCATION_MB, nodeManagerMb);
        conf.setInt(YarnConfiguration.NM_VCORES, 8);
        conf.setInt(YarnConfiguration.RM_SCHEDULER_MAXIMUM_ALLOCATION_VCORES, 8);
        // the shaded minicluster brings no capacity-scheduler.xml: one queue, as Hadoop's default file has
        conf.set("yarn.scheduler.capacity.root.queues", "default");
        conf.set("yarn.scheduler.capacity.root.default.capacity", "100");
        conf.setFloat("yarn.scheduler.capacity.maximum-am-resource-percent", 0.5f);
        conf.setBoolean(YarnConfiguration.LOG_AGGREGATION_ENABLED, false);
        conf.setInt(YarnConfiguration.RM_AM_MAX_ATTEMPTS, 1);
        conf.setInt(
                YarnConfiguration.DEBUG_NM_DELETE_DELAY_SEC, arguments.getBoolean("keep-container-dirs") ? 3600 : 0);
        conf.setFloat(YarnConfiguration.NM_MAX_PER_DISK_UTILIZATION_PERCENTAGE, 99.9f);

        long started = System.nanoTime();
        MiniDFSCluster dfs = new MiniDFSCluster.Builder(
                        conf, base.resolve("dfs").toFile())
                .numDataNodes(1)
                .build();
        dfs.waitActive();
        conf.set("fs.defaultFS", dfs.getFileSystem().getUri().toString());
        LOG.info("MiniDFSCluster up at {} in {} s", dfs.getURI(), ScenarioResult.seconds(System.nanoTime() - started));

        started = System.nanoTime();
        MiniYARNCluster yarn = new MiniYARNCluster("floe-deploy-bench", nodeManagers, 1, 1);
        yarn.init(conf);
        yarn.start();
        YarnConfiguration live = new YarnConfiguration(yarn.getConfig());
        YarnClient yarnClient = YarnClient.createYarnClient();
        yarnClient.init(live);
        yarnClient.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (yarnClient.getNodeReports().size() < nodeManagers) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        "Only " + yarnClient.getNodeReports().size() + " of " + nodeManagers
                                + " NodeManagers registered within 60 s");
            }
            Thread.sleep(100);
        }
        Path hadoopConfDir = base.resolve("hadoop-conf");
        List<String> applicationClasspath = new ArrayList<>();
        if ("cluster".equals(arguments.get("hadoop-classpath"))) {
            // what the anchor gives Flink's containers: the configuration directory and Hadoop's jars
            applicationClasspath.add(hadoopConfDir.toString());
            for (String entry : frameworkClasspath.split("[;:]")) {
                if (Path.of(entry).getFileName().toString().startsWith("hadoop-client-")) {
                    applicationClasspath.add(entry);
                }
            }
        }
        writeSiteFile(hadoopConfDir, live, applicationClasspath);
        LOG.info(
                "MiniYARNCluster up ({} NodeManagers x {} MB, ResourceManager {}) in {} s",
                nodeManagers,
                nodeManagerMb,
                live.get(YarnConfiguration.RM_ADDRESS),
                ScenarioResult.seconds(System.nanoTime() - started));
        return new MiniClusters(base, hadoopConfDir, yarnClient, dfs, yarn);
    }

    /**
     * What a cluster's yarn-site.xml would say: the ResourceManager's addresses, the default file
     * system and, unless empty, the application classpath.
     */
    private static void writeSiteFile(Path dir, YarnConfiguration live, List<String> applicationClasspath)
            throws IOException {
        Files.createDirectories(dir);
        org.apache.hadoop.conf.Configuration site = new org.apache.hadoop.conf.Configuration(false);
        site.set("fs.defaultFS", live.get("fs.defaultFS"));
        if (!applicationClasspath.isEmpty()) {
            site.set(YarnConfiguration.YARN_APPLICATION_CLASSPATH, String.join(",", applicationClasspath));
        }
        for (Map.Entry<String, String> entry : live) {
            if (entry.getKey().startsWith("yarn.resourcemanager.")
                    && entry.getKey().endsWith("address")) {
                site.set(entry.getKey(), entry.getValue());
            }
        }
        try (OutputStream out = Files.newOutputStream(dir.resolve("yarn-site.xml"))) {
            site.writeXml(out);
        }
    }

    /** The container log directories (NodeManager log dirs) of the application. */
    Path yarnWorkDir() {
        return base.resolve("yarn");
    }

    /**
     * Waits until YARN reports the application ended; kills it after {@code timeoutSeconds}.
     *
     * @return the nanoTime when the end was seen, or -1 if it had to be killed
     */
    long awaitEnded(ApplicationId id, int timeoutSeconds, long pollMillis) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (System.nanoTime() < deadline) {
            if (ended(yarnClient.getApplicationReport(id).getYarnApplicationState())) {
                return System.nanoTime();
            }
            Thread.sleep(pollMillis);
        }
        LOG.warn("Application {} did not end within {} s; killing it", id, timeoutSeconds);
        yarnClient.killApplication(id);
        return -1;
    }

    static boolean ended(YarnApplicationState state) {
        return state == YarnApplicationState.FINISHED
                || state == YarnApplicationState.FAILED
                || state == YarnApplicationState.KILLED;
    }

    /** Kills what still runs and waits (up to 30 s) until no container is left; returns how many are. */
    int killLeftovers() throws Exception {
        for (ApplicationReport report : yarnClient.getApplications()) {
            if (!ended(report.getYarnApplicationState())) {
                LOG.warn(
                        "Killing leftover application {} ({})",
                        report.getApplicationId(),
                        report.getYarnApplicationState());
                yarnClient.killApplication(report.getApplicationId());
            }
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        int running;
        do {
            running = 0;
            for (NodeReport node : yarnClient.getNodeReports()) {
                running += node.getNumContainers();
            }
            if (running > 0) {
                Thread.sleep(200);
            }
        } while (running > 0 && System.nanoTime() < deadline);
        return running;
    }

    /** The slow, clean stop (about 35 s); the bench exits without it unless asked. */
    void stop() {
        yarnClient.stop();
        yarn.stop();
        dfs.shutdown();
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
