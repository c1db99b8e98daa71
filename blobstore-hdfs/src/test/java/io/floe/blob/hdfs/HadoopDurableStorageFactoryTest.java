package io.floe.blob.hdfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.floe.runtime.highavailability.DurableStorage;
import io.floe.runtime.highavailability.DurableStorageFactory;
import io.floe.runtime.jobgraph.JobGraph;
import io.floe.runtime.rest.RestServerFixture;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With this module on the classpath the runtime finds its stores, and they keep what they are given. */
class HadoopDurableStorageFactoryTest {
    @TempDir
    Path haDir;

    @Test
    void theRuntimeFindsTheHadoopStoresThroughServiceLoader() throws Exception {
        DurableStorageFactory factory = DurableStorage.factoryFor(haDir.toUri().toString());
        assertInstanceOf(HadoopDurableStorageFactory.class, factory);

        JobGraph graph = RestServerFixture.jobGraph("recoverable", Map.of());
        factory.createJobGraphStore(haDir.toUri().toString()).put(graph);
        assertEquals(
                List.of(graph),
                factory.createJobGraphStore(haDir.toUri().toString()).recover());
        assertInstanceOf(
                FileSystemBlobStore.class, factory.createBlobStore(haDir.toUri().toString()));
    }
}
