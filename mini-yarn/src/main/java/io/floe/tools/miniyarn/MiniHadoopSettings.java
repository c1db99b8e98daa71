package io.floe.tools.miniyarn;

import java.util.function.Consumer;
import org.apache.hadoop.yarn.conf.YarnConfiguration;

/**
 * What embedded HDFS and YARN look like, and the one place that turns it into Hadoop settings ({@link
 * #toConfiguration()}), so {@code bin/mini-yarn.sh}, the ITCases and the deployment benchmark cannot drift apart.
 * Each setting says why Floe's containers need it on one machine (see also ARCHITECTURE.md, section 5). Immutable:
 * each {@code with...} returns a changed copy.
 */
public final class MiniHadoopSettings implements Cloneable {
    private boolean yarn = true;
    private String clusterName = "mini-yarn";
    private int nodeManagers = 2;
    private int nodeManagerMemoryMb = 4096;
    private int nodeManagerVcores = 8;
    private int minimumAllocationMb = 128;
    private float maximumAmResourcePercent = 0.5f;
    private int maxApplicationAttempts = 2;
    private int deleteDelaySeconds = Integer.MAX_VALUE;
    private Consumer<YarnConfiguration> extra = conf -> {};

    private MiniHadoopSettings() {}

    /**
     * {@code bin/mini-yarn.sh}'s cluster: two NodeManagers of 4 GB and 8 vcores, containers from 128 MB, half the
     * cluster for ApplicationMasters, Hadoop's two attempts, container logs kept until it stops.
     */
    public static MiniHadoopSettings defaults() {
        return new MiniHadoopSettings();
    }

    /** HDFS alone: a NameNode and one DataNode. */
    public static MiniHadoopSettings hdfsOnly() {
        MiniHadoopSettings settings = defaults().copy();
        settings.yarn = false;
        return settings;
    }

    /** MiniYARNCluster's name: its directories go under {@code <data dir>/<name>}. */
    public MiniHadoopSettings withClusterName(String name) {
        MiniHadoopSettings settings = copy();
        settings.clusterName = name;
        return settings;
    }

    /** {@code count} NodeManagers of {@code memoryMb} and {@code vcores} each; the largest container is one of them. */
    public MiniHadoopSettings withNodeManagers(int count, int memoryMb, int vcores) {
        MiniHadoopSettings settings = copy();
        settings.nodeManagers = count;
        settings.nodeManagerMemoryMb = memoryMb;
        settings.nodeManagerVcores = vcores;
        return settings;
    }

    /**
     * How the scheduler hands out containers: the smallest it gives, the share of the cluster ApplicationMasters may
     * hold, and {@code yarn.resourcemanager.am.max-attempts}.
     */
    public MiniHadoopSettings withScheduling(int minimumAllocationMb, float maximumAmResourcePercent, int maxAttempts) {
        MiniHadoopSettings settings = copy();
        settings.minimumAllocationMb = minimumAllocationMb;
        settings.maximumAmResourcePercent = maximumAmResourcePercent;
        settings.maxApplicationAttempts = maxAttempts;
        return settings;
    }

    /** How long a NodeManager keeps a finished container's directories and logs. */
    public MiniHadoopSettings withDeleteDelaySeconds(int seconds) {
        MiniHadoopSettings settings = copy();
        settings.deleteDelaySeconds = seconds;
        return settings;
    }

    /** Further settings, such as a test's scheduler queues; applied last. */
    public MiniHadoopSettings withExtra(Consumer<YarnConfiguration> settingsOfTheCaller) {
        MiniHadoopSettings settings = copy();
        settings.extra = settingsOfTheCaller;
        return settings;
    }

    public boolean yarn() {
        return yarn;
    }

    public String clusterName() {
        return clusterName;
    }

    public int nodeManagers() {
        return nodeManagers;
    }

    public int nodeManagerMemoryMb() {
        return nodeManagerMemoryMb;
    }

    /** The settings both clusters start with. */
    public YarnConfiguration toConfiguration() {
        YarnConfiguration conf = new YarnConfiguration();
        // MiniYARNCluster overrides yarn.nodemanager.resource.memory-mb unless told through its own key
        conf.setInt(YarnConfiguration.YARN_MINICLUSTER_NM_PMEM_MB, nodeManagerMemoryMb);
        conf.setInt(YarnConfiguration.NM_PMEM_MB, nodeManagerMemoryMb);
        conf.setInt(YarnConfiguration.NM_VCORES, nodeManagerVcores);
        // the default minimum (1024 MB) would round every container up; a TaskManager asks for its process size
        conf.setInt(YarnConfiguration.RM_SCHEDULER_MINIMUM_ALLOCATION_MB, minimumAllocationMb);
        conf.setInt(YarnConfiguration.RM_SCHEDULER_MAXIMUM_ALLOCATION_MB, nodeManagerMemoryMb);
        conf.setInt(YarnConfiguration.RM_SCHEDULER_MAXIMUM_ALLOCATION_VCORES, nodeManagerVcores);
        conf.setInt(YarnConfiguration.RM_AM_MAX_ATTEMPTS, maxApplicationAttempts);
        // a JVM reserves far more virtual memory than it uses; the physical-memory check stays on
        conf.setBoolean(YarnConfiguration.NM_VMEM_CHECK_ENABLED, false);
        // a nearly full disk would mark the NodeManagers unhealthy and leave every application waiting
        conf.setBoolean(YarnConfiguration.NM_DISK_HEALTH_CHECK_ENABLE, false);
        // Container logs stay on the NodeManagers' disks (under the data directory). Not through the log
        // retention time: a NodeManager holds a finished application until its log deletion ran, and its stop
        // waits for that (about 16 s per NodeManager). So the deletion runs at once, but the deletion service it
        // hands the files to waits deleteDelaySeconds (and drops what is pending when it stops).
        conf.setBoolean(YarnConfiguration.LOG_AGGREGATION_ENABLED, false);
        conf.setLong(YarnConfiguration.NM_LOG_RETAIN_SECONDS, 0);
        conf.setInt(YarnConfiguration.DEBUG_NM_DELETE_DELAY_SEC, deleteDelaySeconds);
        // the shaded minicluster ships no capacity-scheduler.xml: one queue, and the default AM share
        // (10 %) would let only one ApplicationMaster run on a cluster this small
        conf.set("yarn.scheduler.capacity.root.queues", "default");
        conf.set("yarn.scheduler.capacity.root.default.capacity", "100");
        conf.set("yarn.scheduler.capacity.root.default.maximum-capacity", "100");
        conf.setFloat("yarn.scheduler.capacity.maximum-am-resource-percent", maximumAmResourcePercent);
        // one DataNode: one replica, and no replacement DataNode to look for when a write pipeline breaks
        conf.setInt("dfs.replication", 1);
        conf.set("dfs.client.block.write.replace-datanode-on-failure.policy", "NEVER");
        extra.accept(conf);
        return conf;
    }

    private MiniHadoopSettings copy() {
        try {
            return (MiniHadoopSettings) super.clone();
        } catch (CloneNotSupportedException e) {
            throw new AssertionError(e);
        }
    }
}
