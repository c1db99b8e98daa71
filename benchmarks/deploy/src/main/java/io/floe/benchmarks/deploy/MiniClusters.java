package io.floe.benchmarks.deploy;

import io.floe.runtime.util.Directories;
import io.floe.tools.miniyarn.MiniHadoop;
import io.floe.tools.miniyarn.MiniHadoopSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.NodeReport;
import org.apache.hadoop.yarn.api.records.YarnApplicationState;
import org.apache.hadoop.yarn.client.api.YarnClient;
import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mini clusters of one bench round ({@link MiniHadoop}, the harness the tests use too), set up as the Flink
 * anchor's Part B sets up its own: {@code nms} NodeManagers of {@code nm-mb} MB and 8 vcores, minimum
 * allocation 256 MB, the CapacityScheduler's AM share raised to 50 %, one AM attempt, no log
 * aggregation, no vmem check, the NodeManager heartbeat at Hadoop's 1 s. Everything lives under
 * {@code <base>/}: {@code yarn/} (HDFS in {@code yarn/dfs/}, NodeManager dirs, container logs) and
 * {@code hadoop-conf/} ({@code core-site.xml}, {@code hdfs-site.xml}, {@code yarn-site.xml}), which names the
 * ResourceManager and HDFS as a real cluster's site files would. Stopping takes Hadoop some 35 s, so the bench
 * only makes sure nothing is left running ({@link #killLeftovers}) and exits.
 */
final class MiniClusters {
    private static final Logger LOG = LoggerFactory.getLogger(MiniClusters.class);

    final Path base;
    final Path hadoopConfDir;
    final YarnClient yarnClient;
    private final MiniHadoop hadoop;

    private MiniClusters(Path base, Path hadoopConfDir, YarnClient yarnClient, MiniHadoop hadoop) {
        this.base = base;
        this.hadoopConfDir = hadoopConfDir;
        this.yarnClient = yarnClient;
        this.hadoop = hadoop;
    }

    /**
     * @param frameworkClasspath the framework jars; with {@code --hadoop-classpath=cluster} its Hadoop
     *     client jars become the cluster's {@code yarn.application.classpath}, as Hadoop installed on every node
     */
    static MiniClusters start(BenchArguments arguments, String frameworkClasspath) throws Exception {
        Path base = Path.of(arguments.get("base")).toAbsolutePath();
        Directories.deleteRecursively(base);
        Files.createDirectories(base);
        int nodeManagers = arguments.getInt("nms");
        int nodeManagerMb = arguments.getInt("nm-mb");
        MiniHadoopSettings settings = MiniHadoopSettings.defaults()
                .withClusterName("floe-deploy-bench")
                .withNodeManagers(nodeManagers, nodeManagerMb, 8)
                .withScheduling(arguments.getInt("min-alloc-mb"), 0.5f, 1)
                .withDeleteDelaySeconds(arguments.getBoolean("keep-container-dirs") ? 3600 : 0);
        long started = System.nanoTime();
        MiniHadoop hadoop = MiniHadoop.start(base.resolve("yarn"), settings, LOG::info);
        YarnConfiguration live = hadoop.configuration();
        YarnClient yarnClient = YarnClient.createYarnClient();
        yarnClient.init(live);
        yarnClient.start();
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
        hadoop.writeSiteFiles(hadoopConfDir, applicationClasspath);
        LOG.info(
                "Mini clusters up ({} NodeManagers x {} MB, ResourceManager {}) in {} s",
                nodeManagers,
                nodeManagerMb,
                live.get(YarnConfiguration.RM_ADDRESS),
                ScenarioResult.seconds(System.nanoTime() - started));
        return new MiniClusters(base, hadoopConfDir, yarnClient, hadoop);
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
        hadoop.close();
    }
}
