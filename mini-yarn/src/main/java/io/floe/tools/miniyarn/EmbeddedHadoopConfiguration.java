package io.floe.tools.miniyarn;

import org.apache.hadoop.yarn.conf.YarnConfiguration;

/**
 * The settings of the embedded HDFS and YARN, and why each is needed for Floe's containers to run
 * on one machine (see also ARCHITECTURE.md, section 5).
 */
final class EmbeddedHadoopConfiguration {
    static final int NODE_MANAGERS = 2;
    static final int NODE_MANAGER_MEMORY_MB = 4096;
    static final int NODE_MANAGER_VCORES = 8;
    static final int MINIMUM_ALLOCATION_MB = 128;

    private EmbeddedHadoopConfiguration() {}

    static YarnConfiguration create() {
        YarnConfiguration conf = new YarnConfiguration();
        // MiniYARNCluster overrides yarn.nodemanager.resource.memory-mb unless told through its own key
        conf.setInt("yarn.minicluster.yarn.nodemanager.resource.memory-mb", NODE_MANAGER_MEMORY_MB);
        conf.setInt(YarnConfiguration.NM_PMEM_MB, NODE_MANAGER_MEMORY_MB);
        conf.setInt(YarnConfiguration.NM_VCORES, NODE_MANAGER_VCORES);
        // the default minimum (1024 MB) would round every container up; a TaskManager asks for its process size
        conf.setInt(YarnConfiguration.RM_SCHEDULER_MINIMUM_ALLOCATION_MB, MINIMUM_ALLOCATION_MB);
        conf.setInt(YarnConfiguration.RM_SCHEDULER_MAXIMUM_ALLOCATION_MB, NODE_MANAGER_MEMORY_MB);
        conf.setInt(YarnConfiguration.RM_SCHEDULER_MAXIMUM_ALLOCATION_VCORES, NODE_MANAGER_VCORES);
        // a JVM reserves far more virtual memory than it uses; the physical-memory check stays on
        conf.setBoolean(YarnConfiguration.NM_VMEM_CHECK_ENABLED, false);
        // a nearly full disk would mark both NodeManagers unhealthy and leave every application waiting
        conf.setBoolean(YarnConfiguration.NM_DISK_HEALTH_CHECK_ENABLE, false);
        // Container logs stay on the NodeManagers' disks (under the data directory) until mini-yarn stops.
        // Not through the log retention time: a NodeManager holds a finished application until its
        // log deletion ran, and its stop waits for that (about 16 s per NodeManager). So the deletion
        // runs at once, but the deletion service it hands the files to waits longer than mini-yarn runs
        // (and drops what is pending when it stops); container working directories wait the same.
        conf.setBoolean(YarnConfiguration.LOG_AGGREGATION_ENABLED, false);
        conf.setLong(YarnConfiguration.NM_LOG_RETAIN_SECONDS, 0);
        conf.setInt(YarnConfiguration.DEBUG_NM_DELETE_DELAY_SEC, Integer.MAX_VALUE);
        // the shaded minicluster ships no capacity-scheduler.xml: one queue, and the default AM share
        // (10 %) would let only one ApplicationMaster run on a cluster this small
        conf.set("yarn.scheduler.capacity.root.queues", "default");
        conf.set("yarn.scheduler.capacity.root.default.capacity", "100");
        conf.set("yarn.scheduler.capacity.root.default.maximum-capacity", "100");
        conf.set("yarn.scheduler.capacity.maximum-am-resource-percent", "0.5");
        // one DataNode: one replica, and no replacement DataNode to look for when a write pipeline breaks
        conf.setInt("dfs.replication", 1);
        conf.set("dfs.client.block.write.replace-datanode-on-failure.policy", "NEVER");
        return conf;
    }
}
