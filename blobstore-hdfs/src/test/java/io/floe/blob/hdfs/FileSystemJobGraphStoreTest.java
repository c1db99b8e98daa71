package io.floe.blob.hdfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.api.JobId;
import io.floe.runtime.jobgraph.JobGraph;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSystemJobGraphStoreTest {
    @TempDir
    Path dir;

    @Test
    void recoversWhatWasPutAndNotRemoved() throws Exception {
        FileSystemJobGraphStore store = new FileSystemJobGraphStore(dir.toUri().toString());
        JobGraph first = graph("first");
        JobGraph second = graph("second");
        store.put(first);
        store.put(second);
        store.put(first); // again: replaces
        store.remove(second.jobId());

        List<JobGraph> recovered = store.recover();
        assertEquals(1, recovered.size());
        assertEquals(first.jobId(), recovered.get(0).jobId());
        assertEquals(List.of("blob:abc"), recovered.get(0).userJars());
    }

    @Test
    void skipsAnUnreadableGraphAndTemporaryFiles() throws Exception {
        FileSystemJobGraphStore store = new FileSystemJobGraphStore(dir.toUri().toString());
        store.put(graph("good"));
        Files.writeString(dir.resolve("jobgraphs").resolve(JobId.generate() + ".json"), "{not json");
        Files.writeString(dir.resolve("jobgraphs").resolve(".half-written.json.tmp"), "{");
        assertEquals(1, store.recover().size());
        assertTrue(new FileSystemJobGraphStore(dir.resolve("elsewhere").toUri().toString())
                .recover()
                .isEmpty());
    }

    private static JobGraph graph(String name) {
        return new JobGraph(JobId.generate(), name, false, List.of(), List.of(), List.of("blob:abc"), Map.of());
    }
}
