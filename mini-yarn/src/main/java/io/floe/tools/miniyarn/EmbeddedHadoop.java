package io.floe.tools.miniyarn;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.apache.hadoop.yarn.server.MiniYARNCluster;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running MiniDFSCluster (NameNode, one DataNode) and MiniYARNCluster (ResourceManager, {@value
 * EmbeddedHadoopConfiguration#NODE_MANAGERS} NodeManagers) in this JVM, every server on an
 * ephemeral port, every file under one data directory. Started and closed on the caller's thread.
 */
final class EmbeddedHadoop implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedHadoop.class);
    private static final long NODE_MANAGER_REGISTRATION_TIMEOUT_MS = 60_000;

    private final MiniDFSCluster dfs;
    private final MiniYARNCluster yarn;
    private final YarnConfiguration configuration;

    private EmbeddedHadoop(MiniDFSCluster dfs, MiniYARNCluster yarn) {
        this.dfs = dfs;
        this.yarn = yarn;
        this.configuration = new YarnConfiguration(yarn.getConfig());
    }

    /**
     * Starts HDFS, then YARN with HDFS as its default file system, and waits until every
     * NodeManager has registered. Stops what it started if a step fails.
     *
     * @param progress one line per step, for the user
     */
    static EmbeddedHadoop start(Path dataDir, Consumer<String> progress) throws IOException, InterruptedException {
        // MiniYARNCluster puts its work directories (NodeManager local and log dirs) under this property
        System.setProperty("test.build.data", dataDir.toString());
        YarnConfiguration conf = EmbeddedHadoopConfiguration.create();
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
            progress.accept("Starting YARN: a ResourceManager and " + EmbeddedHadoopConfiguration.NODE_MANAGERS
                    + " NodeManagers of " + EmbeddedHadoopConfiguration.NODE_MANAGER_MEMORY_MB + " MB");
            yarn = new MiniYARNCluster("mini-yarn", EmbeddedHadoopConfiguration.NODE_MANAGERS, 1, 1);
            yarn.init(conf);
            yarn.start();
            if (!yarn.waitForNodeManagersToConnect(NODE_MANAGER_REGISTRATION_TIMEOUT_MS)) {
                throw new IOException("The NodeManagers did not register with the ResourceManager within "
                        + NODE_MANAGER_REGISTRATION_TIMEOUT_MS / 1000 + " s");
            }
            EmbeddedHadoop hadoop = new EmbeddedHadoop(dfs, yarn);
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
    YarnConfiguration configuration() {
        return configuration;
    }

    String hdfsUri() {
        return configuration.get("fs.defaultFS");
    }

    String resourceManagerWebUi() {
        return "http://" + configuration.get(YarnConfiguration.RM_WEBAPP_ADDRESS);
    }

    /** Where the NodeManagers keep the containers' logs ({@code <appId>/<containerId>/jobmanager.log}, ...). */
    List<String> containerLogDirs() {
        List<String> dirs = new ArrayList<>();
        for (int i = 0; i < EmbeddedHadoopConfiguration.NODE_MANAGERS; i++) {
            dirs.addAll(yarn.getNodeManager(i).getConfig().getTrimmedStringCollection(YarnConfiguration.NM_LOG_DIRS));
        }
        return dirs;
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
