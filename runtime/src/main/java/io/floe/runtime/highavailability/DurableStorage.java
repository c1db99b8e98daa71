package io.floe.runtime.highavailability;

import io.floe.configuration.ClusterOptions;
import io.floe.configuration.Configuration;
import io.floe.configuration.IllegalConfigurationException;
import java.io.IOException;
import java.util.Iterator;
import java.util.ServiceLoader;

/** Finds the {@link DurableStorageFactory} on the classpath. Stateless. */
public final class DurableStorage {
    private DurableStorage() {}

    /**
     * Checks that this process can write {@code high-availability.storageDir}, if it is set, so a
     * JobManager refuses to start instead of failing the first job it accepts.
     *
     * @throws IllegalConfigurationException naming the key and the directory
     */
    public static void checkWritable(Configuration configuration) {
        String storageDir = configuration.get(ClusterOptions.HA_STORAGE_DIR);
        if (storageDir == null) {
            return;
        }
        try {
            factoryFor(storageDir).checkWritable(storageDir);
        } catch (IOException | RuntimeException e) {
            if (e instanceof IllegalConfigurationException configurationError) {
                throw configurationError;
            }
            throw new IllegalConfigurationException(ClusterOptions.HA_STORAGE_DIR.key() + " " + storageDir
                    + " cannot be written by this JobManager (" + e.getMessage()
                    + "): give a directory it may create files in.");
        }
    }

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
