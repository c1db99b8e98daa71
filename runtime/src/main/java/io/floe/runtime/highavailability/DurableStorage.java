package io.floe.runtime.highavailability;

import io.floe.configuration.ClusterOptions;
import io.floe.configuration.IllegalConfigurationException;
import java.util.Iterator;
import java.util.ServiceLoader;

/** Finds the {@link DurableStorageFactory} on the classpath. Stateless. */
public final class DurableStorage {
    private DurableStorage() {}

    /**
     * The factory for {@code storageDir}.
     *
     * @throws IllegalConfigurationException if no implementation is on the classpath
     */
    public static DurableStorageFactory factoryFor(String storageDir) {
        Iterator<DurableStorageFactory> factories = ServiceLoader.load(
                        DurableStorageFactory.class, DurableStorage.class.getClassLoader())
                .iterator();
        if (!factories.hasNext()) {
            throw new IllegalConfigurationException(ClusterOptions.HA_STORAGE_DIR.key() + " is " + storageDir
                    + ", but no durable storage is on the classpath: add floe-blobstore-hdfs (the distribution's lib/ "
                    + "has it), or remove the key.");
        }
        return factories.next();
    }
}
