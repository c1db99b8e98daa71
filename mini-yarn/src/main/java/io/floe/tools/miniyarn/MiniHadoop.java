package io.floe.tools.miniyarn;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.apache.hadoop.yarn.server.MiniYARNCluster;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way Floe runs Hadoop inside a JVM: a MiniDFSCluster (NameNode, one DataNode) and, unless {@link
 * MiniHadoopSettings#yarn()} is false, a MiniYARNCluster with HDFS as its default file system; every server on an
 * ephemeral port, every file under one data directory. {@code bin/mini-yarn.sh} ({@link RunCommand}), the ITCases
 * (through the JUnit 5 {@code MiniHadoopExtension} of this module's test jar) and the deployment benchmark start it.
 * Started and closed on the caller's thread.
 */
public final class MiniHadoop implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MiniHadoop.class);
    private static final long NODE_MANAGER_REGISTRATION_TIMEOUT_MS = 60_000;

    private final Path dataDir;
    private final MiniHadoopSettings settings;
    private final MiniDFSCluster dfs;
    private final MiniYARNCluster yarn;
    private final YarnConfiguration configuration;

    private MiniHadoop(
            Path dataDir,
            MiniHadoopSettings settings,
            MiniDFSCluster dfs,
            MiniYARNCluster yarn,
            YarnConfiguration conf) {
        this.dataDir = dataDir;
        this.settings = settings;
        this.dfs = dfs;
        this.yarn = yarn;
        this.configuration = conf;
    }

    /**
     * Starts HDFS under {@code <dataDir>/dfs}, then YARN under {@code <dataDir>/<clusterName>}, and waits until every
     * NodeManager has registered. Stops what it started if a step fails.
     *
     * @param progress one line per step, for the user
     */
    public static MiniHadoop start(Path dataDir, MiniHadoopSettings settings, Consumer<String> progress)
            throws IOException, InterruptedException {
        // MiniYARNCluster puts its work directories (NodeManager local and log dirs) under this property
        System.setProperty("test.build.data", dataDir.toString());
        YarnConfiguration conf = settings.toConfiguration();
        progress.accept("Starting HDFS: a NameNode and one DataNode");
        MiniDFSCluster dfs = new MiniDFSCluster.Builder(
                        conf, dataDir.resolve("dfs").toFile())
                .numDataNodes(1)
                .build();
        MiniYARNCluster yarn = null;
        try {
            dfs.waitActive();
            String hdfs = dfs.getFileSystem().getUri().toString();
            conf.set("fs.defaultFS", hdfs);
            progress.accept("HDFS is up at " + hdfs);
            if (!settings.yarn()) {
                return new MiniHadoop(dataDir, settings, dfs, null, conf);
            }
            progress.accept("Starting YARN: a ResourceManager and " + settings.nodeManagers() + " NodeManagers of "
                    + settings.nodeManagerMemoryMb() + " MB");
            yarn = new MiniYARNCluster(settings.clusterName(), settings.nodeManagers(), 1, 1);
            yarn.init(conf);
            yarn.start();
            if (!yarn.waitForNodeManagersToConnect(NODE_MANAGER_REGISTRATION_TIMEOUT_MS)) {
                throw new IOException("The NodeManagers did not register with the ResourceManager within "
                        + NODE_MANAGER_REGISTRATION_TIMEOUT_MS / 1000 + " s");
            }
            MiniHadoop hadoop = new MiniHadoop(dataDir, settings, dfs, yarn, new YarnConfiguration(yarn.getConfig()));
            progress.accept("YARN is up; ResourceManager web UI at " + hadoop.resourceManagerWebUi());
            return hadoop;
        } catch (IOException | InterruptedException | RuntimeException e) {
            stopQuietly(yarn, dfs);
            throw e;
        } catch (Exception e) {
            stopQuietly(yarn, dfs);
            throw new IOException("Could not start YARN: " + e.getMessage(), e);
        }
    }

    /** The clusters' configuration as a client sees it: real addresses and ports. */
    public YarnConfiguration configuration() {
        return configuration;
    }

    public String hdfsUri() {
        return configuration.get("fs.defaultFS");
    }

    /** A new client of the default file system (HDFS); the caller closes it. */
    public FileSystem newFileSystem() throws IOException {
        return FileSystem.newInstance(configuration);
    }

    public MiniDFSCluster dfs() {
        return dfs;
    }

    /** The YARN cluster; fails for HDFS alone. */
    public MiniYARNCluster yarn() {
        if (yarn == null) {
            throw new IllegalStateException("This MiniHadoop runs HDFS alone");
        }
        return yarn;
    }

    /** Where HDFS and YARN keep their files; the NodeManagers' container directories and logs are under it. */
    public Path dataDir() {
        return dataDir;
    }

    public String resourceManagerWebUi() {
        return "http://" + configuration.get(YarnConfiguration.RM_WEBAPP_ADDRESS);
    }

    /** Where the NodeManagers keep the containers' logs ({@code <appId>/<containerId>/jobmanager.log}, ...). */
    public List<String> containerLogDirs() {
        List<String> dirs = new ArrayList<>();
        for (int i = 0; i < settings.nodeManagers(); i++) {
            dirs.addAll(yarn().getNodeManager(i).getConfig().getTrimmedStringCollection(YarnConfiguration.NM_LOG_DIRS));
        }
        return dirs;
    }

    /**
     * Writes what a cluster's {@code HADOOP_CONF_DIR} would say about these clusters into {@code confDir} (see {@link
     * HadoopSiteFiles}); {@code applicationClasspath}, unless empty, becomes {@code yarn.application.classpath}, as
     * on a cluster whose nodes have Hadoop installed.
     */
    public Path writeSiteFiles(Path confDir, List<String> applicationClasspath) throws IOException {
        HadoopSiteFiles.write(configuration, confDir, applicationClasspath);
        return confDir;
    }

    /** Stops YARN first (its NodeManagers kill the containers still running), then HDFS. */
    @Override
    public void close() {
        stopQuietly(yarn, dfs);
    }

    private static void stopQuietly(MiniYARNCluster yarn, MiniDFSCluster dfs) {
        if (yarn != null) {
            try {
                yarn.stop();
            } catch (RuntimeException e) {
                LOG.warn("Stopping YARN failed; stopping HDFS anyway", e);
            }
        }
        dfs.shutdown();
    }
}
