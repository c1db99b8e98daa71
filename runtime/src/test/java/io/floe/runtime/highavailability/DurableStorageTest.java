package io.floe.runtime.highavailability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.floe.configuration.IllegalConfigurationException;
import org.junit.jupiter.api.Test;

/** The runtime alone has no durable storage: high availability without an implementation is one clear error. */
class DurableStorageTest {
    @Test
    void withoutAnImplementationOnTheClasspathTheKeyIsNamedWithTheRemedy() {
        IllegalConfigurationException refused =
                assertThrows(IllegalConfigurationException.class, () -> DurableStorage.factoryFor("hdfs:///floe/ha"));
        assertEquals(
                "high-availability.storageDir is hdfs:///floe/ha, but no durable storage is on the classpath: "
                        + "add floe-blobstore-hdfs (the distribution's lib/ has it), or remove the key.",
                refused.getMessage());
    }
}
