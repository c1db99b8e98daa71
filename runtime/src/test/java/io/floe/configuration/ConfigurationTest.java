package io.floe.configuration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.runtime.testutils.LogCapture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigurationTest {

    @Test
    void unknownKeyIsNamedWithTheClosestKnownKey() {
        Configuration configuration = new Configuration().setString("paralelism.default", "2");
        IllegalConfigurationException e = assertThrows(IllegalConfigurationException.class, configuration::validate);
        assertTrue(e.getMessage().contains("'paralelism.default'"), e.getMessage());
        assertTrue(e.getMessage().contains("did you mean 'parallelism.default'"), e.getMessage());
    }

    @Test
    void aFlinkKeyFloeDoesNotImplementIsIgnoredWithOneWarning() {
        Configuration configuration = new Configuration()
                .setString(
                        "metrics.reporter.prom.factory.class",
                        "org.apache.flink.metrics.prometheus.PrometheusReporterFactory")
                .setString("state.backend.rocksdb.memory.managed", "true")
                .setString("parallelism.default", "2");
        try (LogCapture log = LogCapture.attach()) {
            configuration.validate();
            configuration.validate();
            assertEquals(
                    List.of(
                            "Ignoring configuration key 'metrics.reporter.prom.factory.class': Flink defines it, Floe "
                                    + "does not implement it",
                            "Ignoring configuration key 'state.backend.rocksdb.memory.managed': Flink defines it, "
                                    + "Floe does not implement it"),
                    log.messagesAt(Level.WARN));
        }
        assertEquals(2, configuration.get(CoreOptions.DEFAULT_PARALLELISM));
    }

    @Test
    void aKeyNeitherFloeNorFlinkKnowsStaysAnError() {
        Configuration configuration = new Configuration().setString("state.backend.rocksdb.memory.manged", "true");
        assertThrows(IllegalConfigurationException.class, configuration::validate);
    }

    @Test
    void malformedValueNamesKeyAndExpectedType() {
        Configuration configuration = new Configuration().setString("taskmanager.numberOfTaskSlots", "many");
        IllegalConfigurationException e = assertThrows(IllegalConfigurationException.class, configuration::validate);
        assertTrue(e.getMessage().contains("'taskmanager.numberOfTaskSlots'"), e.getMessage());
        assertTrue(e.getMessage().contains("an integer"), e.getMessage());
    }

    @Test
    void parsesFlinkStyleDurationsAndMemorySizes() {
        Configuration configuration = new Configuration()
                .setString("heartbeat.timeout", "50 s")
                .setString("heartbeat.interval", "500ms")
                .setString("slot.request.timeout", "2 min")
                .setString("taskmanager.memory.process.size", "1728m")
                .setString("taskmanager.memory.segment-size", "32kb");
        assertEquals(Duration.ofSeconds(50), configuration.get(ClusterOptions.HEARTBEAT_TIMEOUT));
        assertEquals(Duration.ofMillis(500), configuration.get(ClusterOptions.HEARTBEAT_INTERVAL));
        assertEquals(Duration.ofMinutes(2), configuration.get(ClusterOptions.SLOT_REQUEST_TIMEOUT));
        assertEquals(
                1728L << 20,
                configuration.get(ClusterOptions.TASK_MANAGER_PROCESS_SIZE).getBytes());
        assertEquals(32 << 10, configuration.get(NetworkOptions.SEGMENT_SIZE).getBytes());
    }

    @Test
    void defaultsApplyWhenUnset() {
        Configuration configuration = new Configuration();
        assertEquals(1, configuration.get(CoreOptions.DEFAULT_PARALLELISM));
        assertEquals(Duration.ofSeconds(50), configuration.get(ClusterOptions.HEARTBEAT_TIMEOUT));
    }

    @Test
    void loadsNestedAndFlatYaml(@TempDir Path dir) throws Exception {
        Files.writeString(
                dir.resolve("config.yaml"),
                String.join(
                        "\n",
                        "taskmanager:",
                        "  numberOfTaskSlots: 3",
                        "parallelism.default: 2",
                        "pipeline.jars:",
                        "  - file:/a.jar",
                        "  - file:/b.jar",
                        ""));
        Configuration configuration = GlobalConfiguration.loadConfiguration(dir).validate();
        assertEquals(3, configuration.get(ClusterOptions.NUM_TASK_SLOTS));
        assertEquals(2, configuration.get(CoreOptions.DEFAULT_PARALLELISM));
        assertEquals(List.of("file:/a.jar", "file:/b.jar"), configuration.get(CoreOptions.PIPELINE_JARS));
    }

    @Test
    void missingConfigFileGivesEmptyConfiguration(@TempDir Path dir) {
        assertTrue(GlobalConfiguration.loadConfiguration(dir).toMap().isEmpty());
    }
}
