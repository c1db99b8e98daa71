package io.floe.runtime.highavailability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.configuration.ClusterOptions;
import io.floe.configuration.Configuration;
import io.floe.configuration.IllegalConfigurationException;
import org.junit.jupiter.api.Test;

class HighAvailabilityModeTest {
    private static Configuration with(String type, String storageDir) {
        Configuration configuration = new Configuration();
        configuration.set(ClusterOptions.HA_TYPE, type);
        if (storageDir != null) {
            configuration.set(ClusterOptions.HA_STORAGE_DIR, storageDir);
        }
        return configuration;
    }

    @Test
    void readsTheTypeInAnyCase() {
        assertEquals(HighAvailabilityMode.NONE, HighAvailabilityMode.of(new Configuration()));
        assertEquals(HighAvailabilityMode.NONE, HighAvailabilityMode.of(with("none", null)));
        assertEquals(HighAvailabilityMode.YARN, HighAvailabilityMode.of(with("YARN", "hdfs:///floe/ha")));
        Configuration zookeeper = with("ZooKeeper", "hdfs:///floe/ha");
        zookeeper.set(ClusterOptions.HA_ZOOKEEPER_QUORUM, "zk-1:2181,zk-2:2181");
        assertEquals(HighAvailabilityMode.ZOOKEEPER, HighAvailabilityMode.of(zookeeper));
    }

    @Test
    void anUnknownTypeAndMissingKeysGetOneLineNamingTheKey() {
        String unknown = assertThrows(
                        IllegalConfigurationException.class, () -> HighAvailabilityMode.of(with("kubernetes", null)))
                .getMessage();
        assertTrue(unknown.contains("high-availability.type") && unknown.contains("kubernetes"), unknown);
        String noDir = assertThrows(
                        IllegalConfigurationException.class, () -> HighAvailabilityMode.of(with("yarn", null)))
                .getMessage();
        assertTrue(noDir.contains("high-availability.storageDir"), noDir);
        String zookeeperWithoutDir = assertThrows(
                        IllegalConfigurationException.class, () -> HighAvailabilityMode.of(with("zookeeper", null)))
                .getMessage();
        assertTrue(zookeeperWithoutDir.contains("high-availability.storageDir"), zookeeperWithoutDir);
        String noQuorum = assertThrows(
                        IllegalConfigurationException.class,
                        () -> HighAvailabilityMode.of(with("zookeeper", "hdfs:///floe/ha")))
                .getMessage();
        assertTrue(noQuorum.contains("high-availability.zookeeper.quorum"), noQuorum);
    }
}
