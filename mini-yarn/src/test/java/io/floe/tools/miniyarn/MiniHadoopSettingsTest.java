package io.floe.tools.miniyarn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.junit.jupiter.api.Test;

class MiniHadoopSettingsTest {

    @Test
    void aChangedCopyLeavesTheOriginalAndReachesHadoopsKeys() {
        MiniHadoopSettings defaults = MiniHadoopSettings.defaults();
        MiniHadoopSettings tests = defaults.withNodeManagers(3, 2048, 4)
                .withScheduling(256, 1.0f, 1)
                .withExtra(conf -> conf.set("yarn.scheduler.capacity.root.queues", "default,analytics"));

        YarnConfiguration conf = tests.toConfiguration();
        assertEquals(2048, conf.getInt(YarnConfiguration.YARN_MINICLUSTER_NM_PMEM_MB, 0));
        assertEquals(2048, conf.getInt(YarnConfiguration.RM_SCHEDULER_MAXIMUM_ALLOCATION_MB, 0));
        assertEquals(256, conf.getInt(YarnConfiguration.RM_SCHEDULER_MINIMUM_ALLOCATION_MB, 0));
        assertEquals(1, conf.getInt(YarnConfiguration.RM_AM_MAX_ATTEMPTS, 0));
        assertEquals("1.0", conf.get("yarn.scheduler.capacity.maximum-am-resource-percent"));
        assertEquals("default,analytics", conf.get("yarn.scheduler.capacity.root.queues"), "extra settings come last");
        assertEquals(3, tests.nodeManagers());

        YarnConfiguration original = defaults.toConfiguration();
        assertEquals(4096, original.getInt(YarnConfiguration.YARN_MINICLUSTER_NM_PMEM_MB, 0));
        assertEquals("default", original.get("yarn.scheduler.capacity.root.queues"));
        assertEquals(2, defaults.nodeManagers());
        assertTrue(defaults.yarn());
        assertFalse(MiniHadoopSettings.hdfsOnly().yarn());
    }
}
